import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrub } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  process.env.LOG_LEVEL = "info";
  const log = createLogger(stream as never);
  delete process.env.LOG_LEVEL;
  return { log, text: () => lines.join("") };
}

// Fake keys, assembled so no live-looking key literal sits in the source.
const LIVE_A = ["sk", "live", "zzzzzzzzzzzz"].join("_");
const LIVE_B = ["sk", "live", "0123456789abcdef"].join("_");

describe("logger", () => {
  it("writes JSON lines with the request id", () => {
    const { log, text } = capture();
    log.info({ request_id: "req_123", route: "/api/v1/account" }, "api request");
    const line = JSON.parse(text());
    expect(line).toMatchObject({ request_id: "req_123", route: "/api/v1/account", msg: "api request", service: "kassa" });
  });

  it("logs an `err` that is not an Error instead of throwing", () => {
    const { log, text } = capture();
    log.warn({ err: `timeout calling ${LIVE_A}` }, "processor");
    const line = JSON.parse(text());
    expect(line.err).toMatchObject({ type: "string" });
    expect(line.err.message).toContain("timeout calling");
    expect(line.err.message).not.toContain(LIVE_A);
  });

  it("never writes passwords, card numbers, CVCs or keys", () => {
    const { log, text } = capture();
    log.info(
      {
        password: "hunter2-secret",
        card: { number: "4242424242424242", cvc: "123" },
        headers: { authorization: "Bearer sk_test_abcdefghijklmnop" },
        body: { password: "p4ss-in-body", key: LIVE_A },
      },
      "signup with sk_test_abcdefghijklmnop and card 4242 4242 4242 4242",
    );
    log.error({ err: new Error(`charge failed for 4000000000000002 using ${LIVE_B}`) }, "oops");
    const out = text();
    for (const secret of [
      "hunter2-secret",
      "4242424242424242",
      "4242 4242 4242 4242",
      "p4ss-in-body",
      "sk_test_abcdefghijklmnop",
      LIVE_A,
      "4000000000000002",
      LIVE_B,
      '"cvc":"123"',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[redacted]");
  });

  it("scrubs keys and card numbers from free text", () => {
    expect(scrub("key sk_test_abcdef123456 here")).toBe("key sk_test_[redacted] here");
    expect(scrub("pan 5555-5555-5555-4444!")).toBe("pan [card redacted]!");
    expect(scrub("order 12345 for $42")).toBe("order 12345 for $42");
  });

  it("never writes a failed query's parameters (customer data) — only the query", async () => {
    const { freshPglite } = await import("@/test/db");
    const h = await freshPglite();
    const { customers } = await import("@/db/schema");
    const row = { id: "cus_dup", merchantId: "mer_x", livemode: false, email: "ada.lovelace@example.com", name: "Ada Lovelace", connector: "sandbox" };
    await h.db.insert(customers).values(row);
    const failed = await h.db
      .insert(customers)
      .values(row)
      .then(
        () => null,
        (e: unknown) => e,
      );
    await h.close();
    expect(String((failed as Error).message)).toContain("ada.lovelace@example.com"); // the driver's error does carry it
    const { log, text } = capture();
    log.error({ err: failed }, "request failed");
    const out = text();
    expect(out).toContain("Failed query: insert into");
    expect(out).toContain("params: [redacted]");
    expect(out).not.toContain("ada.lovelace@example.com");
    expect(out).not.toContain("Ada Lovelace");
  });
});
