"use client";

import { useActionState, useState } from "react";
import { detachCardAction, setDefaultCardAction } from "@/app/(dashboard)/customers/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { ActionError } from "./action-error";
import { cardExpiry, cardLabel } from "./card-label";

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** A customer's saved cards; with customers:write, make one the default or detach one (after a confirmation). */
export function SavedCards({
  customer,
  cards,
  defaultCard,
  canWrite,
}: {
  customer: string;
  cards: SavedCard[];
  defaultCard: string | null;
  canWrite: boolean;
}) {
  const [detached, detach, detaching] = useActionState<ActionResult<null> | null, FormData>(detachCardAction, null);
  const [defaulted, makeDefault, defaulting] = useActionState<ActionResult<null> | null, FormData>(setDefaultCardAction, null);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (cards.length === 0) {
    return <p className="text-sm text-slate-500">No saved cards. Save one with POST /api/v1/setup_intents {"{ customer, payment_method }"}.</p>;
  }
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 text-sm" data-testid="saved-cards">
        {cards.map((c) => (
          <li key={c.id} className="space-y-2 py-2">
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium capitalize text-slate-800">{cardLabel(c)}</span>
              <span className="text-slate-500">exp {cardExpiry(c)}</span>
              {c.id === defaultCard ? <Badge tone="blue">Default</Badge> : null}
              <span className="font-mono text-xs text-slate-500">{c.id}</span>
              {canWrite ? (
                <span className="ml-auto flex gap-2">
                  {c.id !== defaultCard ? (
                    <form action={makeDefault}>
                      <input type="hidden" name="id" value={customer} />
                      <input type="hidden" name="payment_method" value={c.id} />
                      <Button type="submit" variant="secondary" disabled={defaulting} aria-label={`Make ${cardLabel(c)} the default card`}>
                        Make default
                      </Button>
                    </form>
                  ) : null}
                  <Button type="button" variant="danger" onClick={() => setConfirming(c.id)} aria-label={`Detach ${cardLabel(c)}`}>
                    Detach…
                  </Button>
                </span>
              ) : null}
            </div>
            {confirming === c.id ? (
              <form
                action={detach}
                onSubmit={() => setConfirming(null)}
                onKeyDown={(e) => {
                  if (e.key === "Escape") setConfirming(null);
                }}
                role="alertdialog"
                aria-label={`Detach ${cardLabel(c)}?`}
                aria-describedby={`detach-${c.id}`}
                className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200"
              >
                <input type="hidden" name="id" value={customer} />
                <input type="hidden" name="payment_method" value={c.id} />
                <span id={`detach-${c.id}`}>
                  Detach {cardLabel(c)}? It can no longer be charged{c.id === defaultCard ? " and the customer has no default card" : ""}.
                </span>
                <Button type="submit" variant="danger" autoFocus disabled={detaching}>
                  {detaching ? "Detaching…" : "Detach card"}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirming(null)}>
                  Keep it
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {detached?.ok ? <Alert tone="green">Card detached.</Alert> : null}
      {defaulted?.ok ? <Alert tone="green">Default card changed.</Alert> : null}
      {[detached, defaulted].map((s, i) => (s && !s.ok ? <ActionError key={i} error={s.error} code={s.code} /> : null))}
    </div>
  );
}
