"use client";

import { useActionState, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { cryptoRefundAction, type CryptoRefundResult } from "@/app/(dashboard)/payments/[id]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { paymentKey } from "@/lib/query/dashboard-fetch";
import { tokenAmount } from "./crypto-labels";

interface Props {
  id: string;
  token: string;
  symbol: string;
  chainId: number;
  /** Base units still refundable. */
  refundable: string;
}

/**
 * Refund a crypto payment on chain: where to send (required) and how much in whole tokens (empty: all that is
 * left), then a confirmation. The API's own message shows under the field it is about; the typed values stay.
 */
export function CryptoRefundForm({ id, token, symbol, chainId, refundable }: Props) {
  // Controlled, so a refused refund keeps what was typed (React resets uncontrolled fields after an action).
  const [address, setAddress] = useState("");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const client = useQueryClient();
  const [result, refund, refunding] = useActionState<CryptoRefundResult | null, FormData>(async (prev, form) => {
    const done = await cryptoRefundAction(prev, form);
    if (done.ok) {
      setAddress("");
      setAmount("");
      // The page's refunds list is the client view's: refetch it (the action re-rendered the server parts).
      void client.invalidateQueries({ queryKey: paymentKey(id) });
    }
    return done;
  }, null);
  const left = tokenAmount(refundable, token);
  const errorOf = (param: string) => (result && !result.ok && result.param === param ? result.error : undefined);
  const fieldError = errorOf("crypto[address]") ?? errorOf("amount");
  return (
    <form action={refund} onSubmit={() => setConfirming(false)} className="space-y-3" aria-label="Refund on chain" data-testid="crypto-refund-form">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <Field
          label="Send the refund to (address)"
          name="address"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="0x…"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={errorOf("crypto[address]")}
          hint={`An address on chain ${chainId}. Mixed case must be its EIP-55 checksum.`}
        />
        <Field
          label={`Amount (${symbol})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder={`all of ${left}`}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errorOf("amount")}
        />
        <SelectField label="Reason" name="reason" defaultValue="requested_by_customer">
          <option value="requested_by_customer">Requested by customer</option>
          <option value="duplicate">Duplicate</option>
          <option value="fraudulent">Fraudulent</option>
        </SelectField>
      </div>
      {!confirming ? (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)} disabled={address.trim() === ""}>
          Refund on chain…
        </Button>
      ) : (
        <div role="dialog" aria-label="Confirm refund" className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200">
          <span>
            Send {amount.trim() ? `${amount.trim()} ${symbol}` : left} to <span className="break-all font-mono text-xs">{address.trim()}</span> on chain{" "}
            {chainId}? A transaction on chain cannot be undone; {left} can still be refunded on this payment.
          </span>
          <Button type="submit" disabled={refunding} autoFocus>
            {refunding ? "Refunding…" : "Confirm refund"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      )}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Refund {result.data.refund} of {tokenAmount(result.data.amount, token)}: {result.data.status}. Its transaction shows below once sent.
        </p>
      ) : null}
      {result && !result.ok && !fieldError ? <Alert>{result.error}</Alert> : null}
    </form>
  );
}
