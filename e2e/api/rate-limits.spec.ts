// The per-key rate limit
import { seedMerchant } from "../support/db";
import { expect, expectError, kassa, type Merchant, test } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

const account = (key: string) => kassa(key).GET("/api/v1/account");

test("past the per-key limit → 429 rate_limited with Retry-After", async () => {
  const m = await seedMerchant("rl");
  let limited: Awaited<ReturnType<typeof account>> | undefined;
  for (let i = 0; i < 150 && !limited; i++) {
    const res = await account(m.secretKey);
    if (res.response.status === 429) limited = res;
    else expect(res.response.status).toBe(200);
  }
  expect(limited, "the limit of 100 per 10 s was never hit").toBeDefined();
  await expectError(limited!, 429, "rate_limited", { type: "rate_limit_error" });
  expect(Number(limited!.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(limited!.response.headers.get("ratelimit-remaining")).toBe("0");
  // Another key is not affected.
  expect((await account(a.secretKey)).response.status).toBe(200);
});
