// The subscription verbs on the embedded default (`npm run dev`): one PGlite, one connection. A verb that read
// through the pool inside its own transaction waited for itself for ever there (update and cancel did).
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeCustomer, makePrice } from "@/test/billing";
import { makeMerchantContext } from "@/test/fixtures";
import { cancelSubscription } from "./cancel-subscription";
import { createSubscription } from "./create-subscription";
import { updateSubscription } from "./update-subscription";

let h: DatabaseHandle;
beforeAll(async () => {
  process.env.DATABASE_URL = "memory://";
  const { getDatabaseHandle } = await import("@/db/client");
  h = await getDatabaseHandle();
});
afterAll(() => h.close());

it("on PGlite, update and cancel answer: set to cancel at period end, undone, then canceled now", async () => {
  const ctx = await makeMerchantContext(h.db);
  const price = await makePrice(ctx);
  const { customer } = await makeCustomer(ctx);
  const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
  expect(sub.status).toBe("active");
  expect(await updateSubscription({ ctx, id: sub.id, input: { cancel_at_period_end: true } })).toMatchObject({ cancel_at_period_end: true });
  expect(await updateSubscription({ ctx, id: sub.id, input: { cancel_at_period_end: false } })).toMatchObject({ cancel_at_period_end: false });
  expect(await cancelSubscription({ ctx, id: sub.id, input: {} })).toMatchObject({ status: "canceled" });
}, 30_000);
