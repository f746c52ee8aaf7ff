import type { ChainTxPurpose } from "@/db/schema/crypto";
import { logger } from "@/lib/logger";

/**
 * Named places where a money verb may die between its phases, for crash tests: set
 * KASSA_FAILPOINTS=refund.processor:after (comma-separated) and the server process kills itself with
 * SIGKILL when it reaches that place — a real death, no catch block or finally runs. Tests in one
 * process install a handler instead (setFailpointHandler). Unset, a failpoint costs one lookup.
 */
export type FailpointName =
  | `${"payment" | "refund" | "capture" | "cancel" | "setup_intent" | "attach" | "evidence" | "invoice"}.processor:${"before" | "after"}`
  | "api.response:before_store"
  /** A payment moved to the next connector of its failover order (committed), before that connector is asked. */
  | "payment.failover:after"
  /** A UPI payment the PSP calls paid, about to be booked (after its callback was recorded). */
  | "upi.booking:before"
  /** A payout posted to the ledger, about to be handed to the bank (inngest payout-send). */
  | "payout.bank:before"
  /** A chain transaction (of this purpose) signed and stored, about to be sent / just sent to the node (lib/chain-tx/advance-sender.ts). */
  | `chain.${ChainTxPurpose}.broadcast:${"before" | "after"}`;

type Handler = (name: FailpointName) => Promise<void> | void;
let handler: Handler | null = null;
let armed: Set<string> | null | undefined;

function fromEnv(): Set<string> | null {
  const raw = process.env.KASSA_FAILPOINTS?.trim();
  if (!raw) return null;
  logger.warn({ failpoints: raw }, "KASSA_FAILPOINTS is set: this process kills itself at those points (crash tests only)");
  return new Set(raw.split(",").map((s) => s.trim()));
}

/** In-process tests: decide what happens at each failpoint (throw, or never return to model a frozen process). */
export function setFailpointHandler(next: Handler | null): void {
  handler = next;
}

export async function failpoint(name: FailpointName): Promise<void> {
  if (handler) return handler(name);
  if (armed === undefined) armed = fromEnv();
  if (!armed?.has(name)) return;
  process.kill(process.pid, "SIGKILL");
  await new Promise(() => undefined); // never reached in a live process: SIGKILL cannot be caught
}

/** The side effect between two phases, with a failpoint on each side of it. */
export async function aroundSideEffect<T>(
  name: `${"payment" | "refund" | "capture" | "cancel" | "setup_intent" | "attach" | "evidence" | "invoice"}.processor`,
  call: () => Promise<T>,
): Promise<T> {
  await failpoint(`${name}:before`);
  const result = await call();
  await failpoint(`${name}:after`);
  return result;
}
