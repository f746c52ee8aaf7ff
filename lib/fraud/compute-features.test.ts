// The features statement itself, on both engines: each key's window read from its own counters, links and
// profiles; an absent key probes nothing and counts 0; another key, dimension, merchant or mode never leaks
// in; rules and list entries come back in the same round trip, inside a transaction too (PGlite's one connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { fraudCounters, fraudLinks, fraudListItems, fraudLists, fraudProfiles, fraudRules } from "@/db/schema";
import { freshPglite, freshPostgres } from "@/test/db";
import { BUCKET_MS, bucketOf, computeFeatures, keysOf } from "./compute-features";
import { signalsFor } from "./signals";

const NOW = Date.UTC(2026, 5, 1, 12, 2, 0);
const M = "mer_features_a";
const tenant = { merchantId: M, livemode: false };
const ago = (ms: number) => bucketOf(NOW - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

async function seed(h: DatabaseHandle) {
  const c = (dimension: string, key: string, bucket: Date, attempts: number, declines: number, merchantId = M, livemode = false) => ({
    merchantId,
    livemode,
    dimension: dimension as "card",
    key,
    bucket,
    attempts,
    declines,
  });
  await h.db.insert(fraudCounters).values([
    c("card", "fp_one", ago(0), 2, 1), // this bucket
    c("card", "fp_one", ago(30 * MIN), 3, 0), // within the hour
    c("card", "fp_one", ago(5 * HOUR), 4, 2), // within the day
    c("card", "fp_one", ago(30 * HOUR), 50, 50), // outside the day
    c("card", "fp_one", new Date(bucketOf(NOW).getTime() + BUCKET_MS), 70, 70), // after the checked time
    c("card", "fp_one", ago(0), 100, 100, "mer_features_b"), // another merchant
    c("card", "fp_one", ago(0), 100, 100, M, true), // the other mode
    c("card", "fp_two", ago(0), 100, 100), // another card
    c("customer", "fp_one", ago(0), 100, 100), // the same text under another dimension
    c("customer", "cus_1", ago(2 * HOUR), 6, 0),
    c("small_declines", "all", ago(3 * MIN), 0, 4),
    c("small_declines", "all", ago(40 * MIN), 0, 9), // outside the 10 minutes
  ]);
  await h.db.insert(fraudLinks).values([
    { merchantId: M, livemode: false, kind: "card_email", a: "fp_one", b: "e1", lastSeen: new Date(NOW - HOUR) },
    { merchantId: M, livemode: false, kind: "card_email", a: "fp_one", b: "e2", lastSeen: new Date(NOW - 2 * HOUR) },
    { merchantId: M, livemode: false, kind: "card_email", a: "fp_one", b: "e3", lastSeen: new Date(NOW - 25 * HOUR) },
    { merchantId: M, livemode: false, kind: "email_card", a: "fp_one", b: "x", lastSeen: new Date(NOW - HOUR) },
  ]);
  await h.db.insert(fraudProfiles).values([
    { merchantId: M, livemode: false, kind: "card", key: "fp_one", payments: 2, amountUsd: 10_000n },
    { merchantId: M, livemode: false, kind: "customer", key: "cus_1", payments: 4, amountUsd: 8_000n },
    { merchantId: M, livemode: false, kind: "merchant", key: "all", payments: 10, amountUsd: 50_000n },
  ]);
  await h.db.insert(fraudRules).values([
    { id: "rule_b", merchantId: M, livemode: false, action: "review", source: "review if :amount: > 10" },
    { id: "rule_a", merchantId: M, livemode: false, action: "block", source: "block if :amount: > 99" },
    { id: "rule_c", merchantId: M, livemode: false, action: "block", source: "block if :amount: > 1", status: "disabled" },
  ]);
  await h.db
    .insert(fraudLists)
    .values({ id: "rsl_1", merchantId: M, livemode: false, alias: "block_card_fingerprint", name: "b", itemType: "card_fingerprint" });
  await h.db.insert(fraudListItems).values([
    { id: "rsli_1", merchantId: M, livemode: false, listId: "rsl_1", value: "fp_one" },
    { id: "rsli_2", merchantId: M, livemode: false, listId: "rsl_1", value: "fp_two" },
  ]);
}

const signals = (over: Partial<ReturnType<typeof signalsFor>>) => ({
  ...signalsFor({ paymentMethod: "pm_card_visa", email: null, customer: null, ip: null, vpa: null }),
  ...over,
});

for (const engine of ["postgres", "pglite"] as const) {
  describe(`computeFeatures on ${engine}`, () => {
    let h: DatabaseHandle;
    beforeAll(async () => {
      h = engine === "postgres" ? await freshPostgres("features") : await freshPglite();
      await seed(h);
    });
    afterAll(async () => h.close());

    it("reads each window from the key's own rows only, the links' distinct counts and the profiles' ratios", async () => {
      const s = signals({ cardFingerprint: "fp_one", customer: "cus_1" });
      const r = await computeFeatures(h.db, tenant, { keys: keysOf(s), signals: s, amountUsd: 4000, now: NOW, listValues: ["fp_one"] });
      expect(r.features).toMatchObject({
        card_attempts_1h: 5,
        card_attempts_24h: 9,
        card_declines_1h: 1,
        card_declines_24h: 3,
        customer_attempts_24h: 6,
        email_attempts_24h: 0,
        ip_attempts_24h: 0,
        merchant_small_declines_10m: 4,
        distinct_emails_per_card_24h: 2,
        distinct_cards_per_email_24h: 0,
        is_first_payment_for_card: 0,
        is_first_time_customer: 0,
        amount_vs_customer_avg: 2, // 4000 against an average of 2000
        amount_vs_merchant_avg: 0.8,
      });
      expect(r.rules.map((x) => x.id)).toEqual(["rule_a", "rule_b"]);
      expect(r.listItems).toEqual([{ alias: "block_card_fingerprint", value: "fp_one" }]);
    });

    it("a payment with no card, customer, email or IP counts nothing for them (inside a transaction too)", async () => {
      const s = signals({ cardFingerprint: null });
      const r = await h.db.transaction((tx) => computeFeatures(tx, tenant, { keys: keysOf(s), signals: s, amountUsd: 4000, now: NOW, listValues: [] }));
      expect(r.features).toMatchObject({
        card_attempts_24h: 0,
        customer_attempts_24h: 0,
        distinct_emails_per_card_24h: 0,
        is_first_payment_for_card: 1,
        is_first_time_customer: 1,
        merchant_small_declines_10m: 4,
      });
      expect(r.listItems).toEqual([]);
    });

    it("another merchant sees none of it", async () => {
      const s = signals({ cardFingerprint: "fp_two" });
      const r = await computeFeatures(
        h.db,
        { merchantId: "mer_features_b", livemode: false },
        { keys: keysOf(s), signals: s, amountUsd: 4000, now: NOW, listValues: ["fp_two"] },
      );
      expect(r.features).toMatchObject({ card_attempts_1h: 0, card_attempts_24h: 0, is_first_payment_for_card: 1, merchant_small_declines_10m: 0 });
      expect(r.rules).toEqual([]);
      expect(r.listItems).toEqual([]);
    });
  });
}
