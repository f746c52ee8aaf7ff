import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { SECRET_KEY, startStripeDouble, WEBHOOK_SECRET, type StripeDouble } from "@/test/stripe-double/server";

/**
 * A test file on Stripe: a fresh PostgreSQL database, the Stripe double, and the environment that
 * routes payments to it (STRIPE_SECRET_KEY, STRIPE_API_BASE; the SDK's own retries off so each test
 * sees exactly the requests Kassa makes).
 */
export function stripeTestBed(label = "stripe") {
  const env = { h: undefined as unknown as DatabaseHandle & { url: string }, double: undefined as unknown as StripeDouble };
  beforeAll(async () => {
    env.h = await freshPostgres(label);
    env.double = await startStripeDouble();
    Object.assign(process.env, {
      DATABASE_URL: env.h.url,
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: "pk_test_double",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: env.double.url,
      STRIPE_MAX_NETWORK_RETRIES: "0",
      STRIPE_TIMEOUT_MS: "1000",
      // These tests lose Stripe's answers one at a time on purpose, to test recovery; an outage (and the
      // breaker that answers it) is lib/payments/breaker-failover.test.ts's subject, not theirs.
      KASSA_BREAKER_THRESHOLD: "1000",
    });
  });
  beforeEach(() => env.double.reset());
  afterAll(async () => {
    await env.double.close();
    await env.h.close();
  });
  return env;
}

/** A merchant acting through an API key (no db handle: services open their own transactions). */
export async function apiMerchant(db: DatabaseHandle["db"]): Promise<ServiceContext> {
  const { ctx } = await makeMerchant(db);
  const { db: _db, ...rest } = ctx;
  return { ...rest, actor: { type: "api_key", id: "key_test" }, requestId: "req_test" };
}
