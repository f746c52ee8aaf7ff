import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { disputes, type DisputeStatus } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit, commitWrites } from "@/lib/service/commit";
import { recoveryOf } from "@/lib/service/recovery";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect } from "@/lib/failpoints";
import { callProcessor, connectorCtx } from "@/lib/customers/processor";
import { KassaError } from "@/lib/service/errors";
import type { DisputeRow } from "@/db/schema";
import { SubmitEvidenceInput } from "./inputs";
import { loadDispute } from "./load";
import { serializeDispute, type DisputeObject } from "./serialize";

const POINT = "evidence_sent";

const UNDER_REVIEW: Partial<Record<DisputeStatus, DisputeStatus>> = { needs_response: "under_review", warning_needs_response: "warning_under_review" };

function assertOpen(d: DisputeRow, now: number): void {
  if (!UNDER_REVIEW[d.status]) {
    throw new KassaError("dispute_unexpected_state", `This dispute's status is ${d.status}; evidence can only be sent while it needs a response.`);
  }
  if (now > d.evidenceDueBy.getTime()) {
    throw new KassaError("dispute_evidence_past_due", `Evidence was due by ${d.evidenceDueBy.toISOString()}; the card network no longer accepts it.`, {
      param: "evidence",
    });
  }
}

/**
 * POST /api/v1/disputes/:id/evidence — text evidence, submitted for review: forwarded to Stripe when
 * the payment is on Stripe (keyed by the evidence, so a retry is a replay), then recorded with its
 * audit row and `dispute.updated`. After evidence_due_by: 400 dispute_evidence_past_due.
 */
export async function submitDisputeEvidence({
  ctx,
  id,
  input,
  now = Date.now(),
}: {
  ctx: ServiceContext;
  id: string;
  input: unknown;
  now?: number;
}): Promise<DisputeObject> {
  requirePermission(ctx, "disputes:write");
  const { evidence } = parseWith(SubmitEvidenceInput, input);
  const clean = Object.fromEntries(Object.entries(evidence).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const current = await loadDispute(await executor(ctx), ctx, id);
  const key = `evidence:${id}:${createHash("sha256").update(JSON.stringify(clean)).digest("hex").slice(0, 32)}`;
  // A retry of a request that recorded this evidence before it died is answered with the dispute as it stands.
  const resumed = recoveryOf<{ key: string }>(ctx, POINT)?.key === key;
  if (resumed && current.evidenceSubmittedAt) return commit(ctx, async (tx) => serializeDispute(await loadDispute(tx, ctx, id)), { respond: (d) => d });
  assertOpen(current, now);
  if (current.processorId) {
    // Phase A: the recovery point alone, one fenced statement, before the processor hears of it.
    if (ctx.idempotency)
      await commitWrites(ctx, await executor(ctx), (_db, changes) => {
        changes.recoveryPoint(POINT, { key });
        return [];
      });
    await aroundSideEffect("evidence.processor", () =>
      callProcessor(current.connector, (c) =>
        c.submitDisputeEvidence(connectorCtx(ctx), { processorId: current.processorId!, evidence: clean, idempotencyKey: key }),
      ),
    );
  }
  return commit(
    ctx,
    async (tx, changes) => {
      const dispute = await loadDispute(tx, ctx, id, { lock: true });
      assertOpen(dispute, now);
      const [updated] = await tx
        .update(disputes)
        .set({ evidence: { ...dispute.evidence, ...clean }, status: UNDER_REVIEW[dispute.status]!, evidenceSubmittedAt: new Date(now) })
        .where(eq(disputes.id, id))
        .returning();
      changes.audit({ action: "dispute.evidence_submitted", targetType: "dispute", targetId: id, metadata: { fields: Object.keys(clean) } });
      changes.event("dispute.updated", serializeDispute(updated!), { status: dispute.status });
      return serializeDispute(updated!);
    },
    { respond: (d) => d },
  );
}
