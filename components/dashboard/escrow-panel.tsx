"use client";

import { useActionState, useState } from "react";
import { releaseEscrowAction } from "@/app/(dashboard)/payments/[id]/actions";
import type { ActionResult } from "@/lib/http/session/action";
import type { EscrowObject } from "@/lib/escrow/serialize-escrow";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

const TONE = { pending: "slate", held: "amber", disputed: "red", released: "green", refunded: "slate" } as const;
const NOTE = {
  pending: "Not captured yet: the funds go into escrow when the payment is captured.",
  held: "Held in escrow: released to your available balance at the release time unless disputed inside the window.",
  disputed: "Disputed inside the window: the release waits for the dispute's resolution (refund or release).",
  released: "Released to your available balance.",
  refunded: "Everything held went back to the buyer.",
} as const;

/** An escrowed payment's hold: status, release time, window end, the dispute, and (payments:write) Release now after a confirm. */
export function EscrowPanel({ id, escrow, net, canRelease }: { id: string; escrow: EscrowObject; net: string; canRelease: boolean }) {
  const [result, release, releasing] = useActionState<ActionResult<{ status: string }> | null, FormData>(releaseEscrowAction, null);
  const [confirming, setConfirming] = useState(false);
  const row = (label: string, value: React.ReactNode, testId: string) => (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd data-testid={testId}>{value ?? "—"}</dd>
    </div>
  );
  return (
    <Card title="Escrow">
      <p className="mb-3 text-sm text-slate-700">{NOTE[escrow.status]}</p>
      <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="escrow-details">
        {row("Escrow status", <Badge tone={TONE[escrow.status]}>{escrow.status}</Badge>, "escrow-status")}
        {row("Held (net of fee)", net, "escrow-net")}
        {row("Release at", <Time seconds={escrow.release_at} />, "escrow-release-at")}
        {row("Dispute window ends", <Time seconds={escrow.dispute_window_ends_at} />, "escrow-window-ends")}
        {row("Released", <Time seconds={escrow.released_at} />, "escrow-released-at")}
        {row(
          "Dispute",
          escrow.dispute ? `${escrow.dispute.reason}${escrow.dispute.resolution ? ` — resolved: ${escrow.dispute.resolution}` : " — open"}` : "None",
          "escrow-dispute",
        )}
      </dl>
      {canRelease && escrow.status === "held" && !result?.ok ? (
        <form action={release} onSubmit={() => setConfirming(false)} className="mt-4">
          <input type="hidden" name="id" value={id} />
          {!confirming ? (
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              Release now…
            </Button>
          ) : (
            <div
              role="dialog"
              aria-label="Confirm release"
              className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200"
            >
              <span>Release {net} to your available balance now, before the release time? The buyer can no longer dispute it.</span>
              <Button type="submit" disabled={releasing} autoFocus>
                {releasing ? "Releasing…" : "Confirm release"}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                Keep holding
              </Button>
            </div>
          )}
        </form>
      ) : null}
      {result?.ok ? (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          Escrow {result.data.status}.
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="mt-3">
          <Alert>{result.error}</Alert>
        </div>
      ) : null}
    </Card>
  );
}
