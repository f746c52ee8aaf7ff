import type { ConnectorContext } from "../types";
import type { StripeDeps } from "./deps";
import { toConnectorError } from "./errors";

/** Text evidence for a Stripe dispute, submitted for review (`submit: true`); the key makes a retry a replay. */
export async function submitDisputeEvidence(
  deps: StripeDeps,
  _ctx: ConnectorContext,
  input: { processorId: string; evidence: Record<string, string>; idempotencyKey: string },
): Promise<void> {
  try {
    await deps.stripe().disputes.update(input.processorId, { evidence: input.evidence, submit: true }, { idempotencyKey: input.idempotencyKey });
  } catch (error) {
    throw toConnectorError(error, "dispute evidence");
  }
}
