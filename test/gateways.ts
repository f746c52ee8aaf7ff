import { newId } from "@/lib/ids";
import type { AuthorizeInput, ConnectorContext } from "@/lib/gateways/types";

let n = 0;

/** A tenant of the sandbox nobody else uses: the sandbox keeps no merchants table of its own. */
export function tenant(livemode = false): ConnectorContext {
  return { merchantId: newId("merchant"), livemode };
}

export function key(label = "k"): string {
  return `${label}_${process.pid}_${Date.now().toString(36)}_${n++}`;
}

export function authorizeInput(overrides: Partial<AuthorizeInput> = {}): AuthorizeInput {
  return {
    idempotencyKey: key("att"),
    paymentId: newId("payment"),
    amount: 2000n,
    currency: "usd",
    paymentMethod: "pm_card_visa",
    captureMethod: "automatic",
    ...overrides,
  };
}
