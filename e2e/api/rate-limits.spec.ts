// The per-key rate limit
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/api";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

test("past the per-key limit → 429 rate_limited with Retry-After", async ({ request }) => {
  const m = await seedMerchant("rl");
  let limited: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
  for (let i = 0; i < 150 && !limited; i++) {
    const res = await request.get("/api/v1/account", { headers: auth(m.secretKey) });
    if (res.status() === 429) limited = res;
    else expect(res.status()).toBe(200);
  }
  expect(limited, "the limit of 100 per 10 s was never hit").toBeDefined();
  await expectError(limited!, 429, "rate_limited", { type: "rate_limit_error" });
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(limited!.headers()["ratelimit-remaining"]).toBe("0");
  // Another key is not affected.
  expect((await request.get("/api/v1/account", { headers: auth(a.secretKey) })).status()).toBe(200);
});
