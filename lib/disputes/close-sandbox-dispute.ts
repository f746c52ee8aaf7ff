import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { closeDispute } from "./close-dispute";
import { CloseDisputeInput } from "./inputs";
import { loadDispute } from "./load";
import { serializeDispute, type DisputeObject } from "./serialize";

/**
 * Test helper (like Stripe's test clocks and helpers): in test mode, decide a sandbox dispute as the
 * card network would. Live disputes and Stripe's are decided by the network alone (Stripe's webhook).
 */
export async function closeSandboxDispute({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<DisputeObject> {
  requirePermission(ctx, "disputes:write");
  const { outcome } = parseWith(CloseDisputeInput, input);
  if (ctx.livemode) throw new KassaError("permission_denied", "Test helpers work in test mode only.");
  const dispute = await loadDispute(await executor(ctx), ctx, id);
  if (dispute.connector !== "sandbox")
    throw new KassaError("dispute_unexpected_state", "Only sandbox disputes can be decided by a test helper; Stripe decides its own.");
  return serializeDispute(await closeDispute({ ctx, id, outcome }));
}
