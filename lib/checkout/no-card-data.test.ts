// After checkout flows on the sandbox card form, no card number, CVC or expiry date is in the logs
// (captured at trace level) or anywhere in the database.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";

const lines: string[] = [];
let h: DatabaseHandle & { url: string };

beforeAll(async () => {
  // The app's logger is one per process (globalThis); install a capturing one before any module makes it.
  const { createLogger } = await import("@/lib/logger");
  process.env.LOG_LEVEL = "trace";
  const capture = createLogger(
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }) as never,
  );
  delete process.env.LOG_LEVEL;
  (globalThis as Record<symbol, unknown>)[Symbol.for("kassa.logger")] = capture;
  vi.resetModules(); // modules imported from here on get the capturing logger
  h = await freshPostgres("nocard");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const CARDS = ["4242 4242 4242 4242", "4000 0000 0000 0002", "4000 0027 6000 3184", "4000 0025 0000 3155", "4111 1111 1111 1111"];
const EXPIRY = "07 / 39";
const CVC = "9731";

describe("card data never reaches logs or the database", () => {
  it("after paid, declined, 3DS and refused tries", async () => {
    const { logger } = await import("@/lib/logger");
    const { createCheckoutSession } = await import("./create-checkout-session");
    const { payCheckoutSession } = await import("./pay-checkout-session");
    const { answerSandboxChallenge } = await import("./sandbox-challenge");
    const { tokenizeSandboxCard } = await import("./sandbox-card");
    const { ctx } = await makeMerchant(h.db);
    const apiCtx = { merchantId: ctx.merchantId, livemode: false, actor: { type: "api_key" as const, id: "key_test" } };

    for (const number of CARDS) {
      const s = await createCheckoutSession({
        ctx: apiCtx,
        input: { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/no" },
      });
      try {
        const pm = tokenizeSandboxCard({ number, expiry: EXPIRY, cvc: CVC });
        const r = await payCheckoutSession({ sessionId: s.id, paymentMethod: pm });
        if (r.status === "requires_action")
          await answerSandboxChallenge({ processorId: r.redirectUrl!.split("/").at(-1)!, outcome: number.endsWith("3184") ? "succeed" : "fail" });
      } catch (error) {
        logger.warn({ err: error }, "checkout try refused"); // what the page's action would log at worst
      }
    }
    logger.flush?.();
    const logs = lines.join("");
    expect(logs.length).toBeGreaterThan(0); // the capture works: the refused try was logged

    const tables = await h.db.execute<{ t: string }>(sql`select table_name as t from information_schema.tables where table_schema = 'public'`);
    let dump = "";
    for (const { t } of tables.rows) dump += JSON.stringify((await h.db.execute(sql`select * from ${sql.identifier(t)}`)).rows);
    expect(dump).toContain("4242"); // last4 is kept, as the sandbox always did

    for (const text of [logs, dump]) {
      for (const number of CARDS) {
        expect(text).not.toContain(number.replaceAll(" ", ""));
        expect(text).not.toContain(number);
      }
      expect(text).not.toContain(EXPIRY);
      expect(text).not.toMatch(/"cvc"|\b9731\b/);
    }
  });
});
