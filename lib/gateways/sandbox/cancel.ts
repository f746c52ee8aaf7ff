import { eq, inArray } from "drizzle-orm";
import { sandboxCharges } from "@/db/schema";
import { ConnectorRequestError, type CancelInput, type Charge, type ConnectorContext } from "../types";
import { changeCharge } from "./change-charge";
import { assertIdempotencyKey, chargeTenant, requestHash, type SandboxDeps } from "./store";

/** Voids an uncaptured authorization (or abandons a pending 3DS challenge); nothing is captured. */
export async function cancel(deps: SandboxDeps, ctx: ConnectorContext, input: CancelInput): Promise<Charge> {
  assertIdempotencyKey(input.idempotencyKey);
  return changeCharge(deps, ctx, {
    operation: "cancel",
    processorId: input.processorId,
    idempotencyKey: input.idempotencyKey,
    requestHash: requestHash({ processorId: input.processorId }),
    apply: async (tx) => {
      const [row] = await tx
        .update(sandboxCharges)
        .set({ status: "canceled", amountCapturable: 0n, nextAction: null })
        .where(chargeTenant(ctx, eq(sandboxCharges.id, input.processorId), inArray(sandboxCharges.status, ["requires_capture", "requires_action"])))
        .returning();
      return row;
    },
    rejection: (charge) =>
      new ConnectorRequestError("payment_intent_unexpected_state", `You cannot cancel this payment because it has a status of ${charge.status}.`),
  });
}
