// The run's merchant, made through the service verbs on the run's database as scripts/bench.ts does: an
// owner, secret keys for the load (the rate limit is per key), and webhook endpoints at the receiver,
// registered through the API.
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { signUp } from "@/lib/team/sign-up";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { EVENT_TYPES } from "@/lib/events/event-types";
import type { Receiver } from "./receiver";

export interface ChaosMerchant {
  handle: DatabaseHandle;
  merchantId: string;
  loadKeys: string[];
  burstKey: string;
}

export async function createMerchant(databaseUrl: string, seed: number, keys: number): Promise<ChaosMerchant> {
  const handle = await openDatabase(databaseUrl);
  const { merchantId, userId } = await signUp({
    db: handle.db,
    input: { name: "Chaos", email: `chaos-${seed}@kassa.test`, password: "chaos horse battery", business_name: "Chaos shop" },
  });
  const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: handle.db };
  const secrets: string[] = [];
  for (let i = 0; i <= keys; i++) secrets.push((await createApiKey({ ctx, input: { kind: "secret", name: `chaos ${i}` } })).secret);
  return { handle, merchantId, loadKeys: secrets.slice(1), burstKey: secrets[0]! };
}

/**
 * The receiver's endpoints, each event type on exactly one: deliveries run one at a time per endpoint, so
 * the busy types get lanes of their own and the run's events drain in parallel.
 */
export function endpointLanes(): string[][] {
  const lanes = [["payment.created"], ["payment.succeeded", "payment.canceled", "payment.payment_failed"], ["refund.*"]];
  const taken = new Set(lanes.flat());
  const rest = EVENT_TYPES.filter((t) => !taken.has(t) && !t.startsWith("refund."));
  const prefixes = [...new Set(rest.map((t) => t.split(".")[0]!))].filter((p) => p !== "payment");
  return [...lanes, [...rest.filter((t) => t.startsWith("payment.")), ...prefixes.map((p) => `${p}.*`)]];
}

/** Registers one endpoint per lane at the receiver; returns when events start to count. */
export async function registerEndpoints(base: string, apiKey: string, receiver: Receiver): Promise<Date> {
  const since = new Date();
  for (const [lane, types] of endpointLanes().entries()) {
    const res = await fetch(`${base}/api/v1/webhook_endpoints`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ url: receiver.urlFor(lane), enabled_events: types, description: `chaos lane ${lane}` }),
    });
    const body = (await res.json()) as { secret?: string };
    if (res.status !== 200 || !body.secret) throw new Error(`registering webhook endpoint ${lane} answered ${res.status}: ${JSON.stringify(body)}`);
    receiver.setSecret(lane, body.secret);
  }
  return since;
}

/** The merchant's routing rules: EUR card payments to Stripe (the double), the rest to the sandbox. */
export async function routeEurToStripe(base: string, apiKey: string): Promise<void> {
  const res = await fetch(`${base}/api/v1/routing_rules`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      rules: [{ name: "EUR to Stripe", when: { currency: ["eur"] }, route: { connector: "stripe" } }],
      default: { connector: "sandbox" },
    }),
  });
  if (res.status !== 200) throw new Error(`routing rules answered ${res.status}: ${await res.text()}`);
}

/** The monthly price the run's subscriptions are made on: a product with it as its default price, through the API. */
export async function createMonthlyPrice(base: string, apiKey: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/products`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Chaos plan", default_price_data: { currency: "usd", unit_amount: 1500, recurring: { interval: "month" } } }),
  });
  const body = (await res.json()) as { default_price?: string };
  if (res.status !== 200 || !body.default_price) throw new Error(`creating the plan answered ${res.status}: ${JSON.stringify(body)}`);
  return body.default_price;
}
