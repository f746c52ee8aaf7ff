// The first start's banner says what is still being added in the background: demo subscriptions and payments.
import { expect, it } from "vitest";
import { firstStartBanner } from "./startup";

const demo = { email: "demo@kassa.test", password: "pw", merchantId: "mer_x", secretKey: "sk_test_x", publishableKey: "pk_test_x" };
const line = (b: string) => b.split("\n").find((l) => l.includes("Adding")) ?? null;

it("names the demo subscriptions and payments being added, either alone, or neither", () => {
  const urls = ["http://127.0.0.1:3000"];
  expect(line(firstStartBanner(demo, urls, { subscriptions: 300, payments: 3000 }, false))).toBe(
    "  Adding 300 demo subscriptions and 3000 demo payments over the last 90 days in the background; the portal answers meanwhile.",
  );
  expect(line(firstStartBanner(demo, urls, { subscriptions: 300, payments: 0 }, false))).toMatch(/^ {2}Adding 300 demo subscriptions over the last 90 days/);
  expect(line(firstStartBanner(demo, urls, { subscriptions: 0, payments: 40 }, false))).toMatch(/^ {2}Adding 40 demo payments over the last 90 days/);
  expect(line(firstStartBanner(demo, urls, { subscriptions: 0, payments: 0 }, true))).toBeNull();
});
