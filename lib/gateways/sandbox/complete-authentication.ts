import { eq } from "drizzle-orm";
import { sandboxCharges } from "@/db/schema";
import { ConnectorRequestError, type Charge, type CompleteAuthenticationInput, type ConnectorContext } from "../types";
import { sleep } from "./config";
import { walletCanceled } from "../wallet";
import { authorized, FAILURES, SANDBOX_PAYPAL_BUYER } from "./outcomes";
import { chargeTenant, findCharge, noSuchCharge, toCharge, type SandboxDeps } from "./store";

/**
 * The customer's answer on the sandbox 3DS page, or on its simulated PayPal approval page for a wallet
 * charge: the charge leaves requires_action for its final state. A repeated answer (double submit) returns the charge unchanged; a contrary one is refused.
 * No injected faults here: this stands in for the customer's bank, not for Kassa's call.
 */
export async function completeAuthentication(deps: SandboxDeps, ctx: ConnectorContext, input: CompleteAuthenticationInput): Promise<Charge> {
  await sleep(deps.config().latencyMs);
  const db = await deps.db();
  const result = input.outcome === "succeed" ? "succeeded" : "failed";
  for (;;) {
    const charge = await findCharge(db, ctx, input.processorId);
    if (!charge) throw noSuchCharge(input.processorId);
    if (charge.status !== "requires_action") {
      if (charge.threeDSecure === result) return toCharge(charge);
      throw new ConnectorRequestError("payment_intent_unexpected_state", `This payment's status is ${charge.status}; it is not waiting for authentication.`);
    }
    // A wallet charge (no card): the buyer approved on the simulated PayPal page, or canceled there.
    const wallet = charge.card === null;
    const outcome =
      result === "succeeded"
        ? authorized(charge.amount, charge.captureMethod, charge.riskLevel)
        : { status: "failed" as const, amountCapturable: 0n, amountCaptured: 0n, failure: wallet ? walletCanceled() : { ...FAILURES.authentication_required } };
    const [updated] = await db
      .update(sandboxCharges)
      .set({
        status: outcome.status,
        amountCapturable: outcome.amountCapturable,
        amountCaptured: outcome.amountCaptured,
        failure: outcome.failure,
        nextAction: null,
        threeDSecure: result,
        ...(wallet && result === "succeeded" ? { paypal: { ...SANDBOX_PAYPAL_BUYER } } : {}),
      })
      .where(chargeTenant(ctx, eq(sandboxCharges.id, charge.id), eq(sandboxCharges.status, "requires_action")))
      .returning();
    if (updated) return toCharge(updated);
    // Someone else moved it meanwhile (cancel, another answer): look again.
  }
}
