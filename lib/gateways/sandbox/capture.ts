import { eq, gte } from "drizzle-orm";
import { sandboxCharges } from "@/db/schema";
import { ConnectorRequestError, type CaptureInput, type Charge, type ConnectorContext } from "../types";
import { changeCharge } from "./change-charge";
import { assertIdempotencyKey, assertPositiveAmount, chargeTenant, requestHash, type SandboxDeps } from "./store";

/** Captures all or part of an authorized amount; a partial capture releases the rest (Stripe). */
export async function capture(deps: SandboxDeps, ctx: ConnectorContext, input: CaptureInput): Promise<Charge> {
  assertIdempotencyKey(input.idempotencyKey);
  assertPositiveAmount(input.amount);
  return changeCharge(deps, ctx, {
    operation: "capture",
    processorId: input.processorId,
    idempotencyKey: input.idempotencyKey,
    requestHash: requestHash({ processorId: input.processorId, amount: input.amount }),
    apply: async (tx) => {
      const [row] = await tx
        .update(sandboxCharges)
        .set({ status: "succeeded", amountCaptured: input.amount, amountCapturable: 0n })
        .where(
          chargeTenant(
            ctx,
            eq(sandboxCharges.id, input.processorId),
            eq(sandboxCharges.status, "requires_capture"),
            gte(sandboxCharges.amountCapturable, input.amount),
          ),
        )
        .returning();
      return row;
    },
    rejection: (charge) => {
      if (charge.status === "succeeded") {
        return new ConnectorRequestError("charge_already_captured", `Charge ${charge.id} has already been captured.`);
      }
      if (charge.status === "requires_capture") {
        return new ConnectorRequestError(
          "amount_too_large",
          `The amount to capture (${input.amount}) is more than the amount capturable (${charge.amountCapturable}).`,
          "amount_to_capture",
        );
      }
      return new ConnectorRequestError(
        "payment_intent_unexpected_state",
        `This payment's status is ${charge.status}; only a payment in requires_capture can be captured.`,
      );
    },
  });
}
