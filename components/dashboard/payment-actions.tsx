"use client";

import { useActionState, useEffect, useState } from "react";
import { cancelAction, captureAction, refundAction } from "@/app/(dashboard)/payments/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

interface Props {
  id: string;
  currency: string;
  /** Formatted for people, e.g. "$12.00". */
  capturable: string;
  refundable: string;
  canCapture: boolean;
  canCancel: boolean;
  canRefund: boolean;
  /** Called once an action succeeded (the page refetches the payment). */
  onDone?: () => void;
}

export function PaymentActions({ id, currency, capturable, refundable, canCapture, canCancel, canRefund, onDone }: Props) {
  const [captured, capture, capturing] = useActionState<ActionResult<null> | null, FormData>(captureAction, null);
  const [canceled, cancel, canceling] = useActionState<ActionResult<null> | null, FormData>(cancelAction, null);
  const [refunded, refund, refunding] = useActionState<ActionResult<{ refund: string; status: string }> | null, FormData>(refundAction, null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (captured?.ok || canceled?.ok) onDone?.();
  }, [captured, canceled]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (refunded?.ok) onDone?.();
  }, [refunded]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!canCapture && !canCancel && !canRefund && !captured && !canceled && !refunded) return null;
  return (
    <div className="space-y-4">
      {canCapture ? (
        <form action={capture} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="currency" value={currency} />
          <Field
            label={`Amount to capture (${currency.toUpperCase()}, up to ${capturable})`}
            name="amount"
            inputMode="decimal"
            placeholder={`all of ${capturable}`}
          />
          <Button type="submit" disabled={capturing}>
            {capturing ? "Capturing…" : "Capture"}
          </Button>
        </form>
      ) : null}
      {canCancel ? (
        <form
          action={cancel}
          onSubmit={(e) => {
            if (!confirm("Cancel this payment? An authorisation is released to the customer.")) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={canceling}>
            {canceling ? "Canceling…" : "Cancel payment"}
          </Button>
        </form>
      ) : null}
      {canRefund ? (
        <form action={refund} onSubmit={() => setConfirming(false)} className="space-y-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="currency" value={currency} />
          <div className="flex flex-wrap items-end gap-3">
            <Field label={`Refund amount (${currency.toUpperCase()})`} name="amount" inputMode="decimal" placeholder={`all of ${refundable}`} />
            <SelectField label="Reason" name="reason" defaultValue="requested_by_customer">
              <option value="requested_by_customer">Requested by customer</option>
              <option value="duplicate">Duplicate</option>
              <option value="fraudulent">Fraudulent</option>
            </SelectField>
            {!confirming ? (
              <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
                Refund…
              </Button>
            ) : null}
          </div>
          {confirming ? (
            <div
              role="dialog"
              aria-label="Confirm refund"
              className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200"
            >
              <span>Refund to the customer? {refundable} can still be refunded on this payment.</span>
              <Button type="submit" disabled={refunding} autoFocus>
                {refunding ? "Refunding…" : "Confirm refund"}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </div>
          ) : null}
        </form>
      ) : null}
      {refunded?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Refund {refunded.data.refund}: {refunded.data.status}.
        </p>
      ) : null}
      {captured?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Captured.
        </p>
      ) : null}
      {[captured, canceled, refunded].map((s, i) => (s && !s.ok ? <Alert key={i}>{s.error}</Alert> : null))}
    </div>
  );
}
