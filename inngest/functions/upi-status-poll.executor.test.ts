// UPI payments on the real workflow path: Kassa's functions served by the real serve() handler, run by the
// local executor on a fake clock that the sandbox PSP shares, so a full 10-minute poll cadence runs in
// milliseconds. The PSP's callbacks travel real HTTP to the real /api/webhooks/upi route handler, and
// outbox events reach the executor through the same publisher the relay uses.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { events, journalEntries, payments, refunds, sandboxUpiTransactions, upiEvents } from "@/db/schema";
import { callbackBody } from "@/lib/gateways/upi-sandbox/callbacks";
import { configureUpiSandbox, pspDeps } from "@/lib/gateways/upi-sandbox/config";
import { sandboxUpiKeys } from "@/lib/gateways/upi-sandbox/keys";
import { decideByApp } from "@/lib/gateways/upi-sandbox/psp";
import { signCallback } from "@/lib/gateways/upi-sandbox/signing";
import { LATE_AFTER_EXPIRY_MS } from "@/lib/gateways/upi-sandbox/test-vpas";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import type { ServiceContext } from "@/lib/service/context";
import { applyUpiCallback } from "@/lib/upi/apply-upi-callback";
import { checkUpiPayment } from "@/lib/upi/check-upi-payment";
import { pollSchedule } from "@/lib/upi/poll-schedule";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";

/** The PSP's clock at every status check it answered (GET /v1/transactions), in order. */
let checks: number[] = [];
/** Which status checks (1-based) the PSP fails with a transport error, as a PSP's 5xx or a timeout would. */
let failing = new Set<number>();
const bed = executorTestBed("upirun", {
  // The sandbox PSP shares each executor's fake clock.
  onEngine: () =>
    configureUpiSandbox({
      now: () => bed.clock.now().getTime(),
      observe: (req, at) => {
        if (req.method === "GET" && req.path.startsWith("/v1/transactions")) {
          checks.push(at);
          if (failing.has(checks.length)) throw new Error("PSP timed out");
        }
      },
    }),
});
const { pump, runUntil } = bed;
let callbacks: Server;
let POST: (req: Request) => Promise<Response>;

beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/upi/route"));
  // The merchant's side of the PSP's callbacks: real HTTP into the real route handler.
  callbacks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      void POST(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) })).then(async (r) => {
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(await r.text());
      });
    });
  });
  await new Promise<void>((resolve) => callbacks.listen(0, "127.0.0.1", resolve));
  process.env.UPI_SANDBOX_CALLBACK_URL = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}/api/webhooks/upi`;
});
beforeEach(() => {
  checks = [];
  failing = new Set();
});
afterAll(async () => {
  configureUpiSandbox(null);
  await new Promise((resolve) => callbacks?.close(resolve));
});

const paymentRow = async (id: string) => (await bed.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const eventsOf = async (ctx: ServiceContext, type: string) =>
  bed.h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, type)));
const captures = async (ctx: ServiceContext) =>
  (await bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).filter((e) => e.key.startsWith("capture:"));
const timeline = async (paymentId: string) => bed.h.db.select().from(upiEvents).where(eq(upiEvents.paymentId, paymentId));

async function pay(vpa: string | null, flow: "intent" | "qr" = "intent") {
  const ctx = await makeMerchantContext(bed.h.db);
  const p = await createPayment({
    ctx,
    input: {
      amount: 49_900,
      currency: "inr",
      payment_method_types: ["upi"],
      confirm: true,
      payment_method_options: { upi: { flow, ...(vpa ? { vpa } : {}) } },
    },
  });
  expect(p.status).toBe("requires_action");
  const [started] = await eventsOf(ctx, "upi/payment.started");
  const data = started!.data.object as { startedAt: string; expiresAt: string };
  await pump();
  return { ctx, p, startedAt: Date.parse(data.startedAt), expiresAt: Date.parse(data.expiresAt) };
}

const upiOf = (p: { upi: unknown }) =>
  p.upi as NonNullable<PaymentObject["payment_method_details"]> & { status: string; rrn: string | null; late_refund: string | null };

describe("the UPI status-poll run, each test VPA end to end", () => {
  it("never@kassa: every check on the published cadence (22 s, then 3 s, 6 s, 10 s, 30 s, 60 s) until the 10-minute expiry, then expired", async () => {
    const { ctx, p, startedAt, expiresAt } = await pay("never@kassa");
    expect(expiresAt - startedAt).toBeGreaterThanOrEqual(600_000 - 5000); // less the checks and the PSP call before the run starts
    await runUntil(expiresAt + 60_000);

    const offsets = checks.map((t) => Math.round((t - startedAt) / 1000));
    const expected = [...pollSchedule(startedAt, expiresAt), expiresAt].map((t) => Math.round((t - startedAt) / 1000));
    // 1 + 10 + 10 + 6 + 2 checks in the first 232 s, then one a minute, then the one at the expiry.
    expect(expected.slice(0, 12)).toEqual([22, 25, 28, 31, 34, 37, 40, 43, 46, 49, 52, 58]);
    expect(expected.slice(-8)).toEqual([232, 292, 352, 412, 472, 532, 592, Math.round((expiresAt - startedAt) / 1000)]);
    expect(offsets).toEqual(expected);
    expect(checks).toHaveLength(36);

    const row = await paymentRow(p.id);
    expect(row.status).toBe("requires_payment_method");
    expect(row.lastPaymentError).toMatchObject({ code: "payment_intent_payment_attempt_expired" });
    expect(upiOf(row)).toMatchObject({ status: "expired", rrn: null });
    expect(await captures(ctx)).toEqual([]);
    expect((await eventsOf(ctx, "payment.payment_failed")).length).toBe(1);
    const kinds = (await timeline(p.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "poll")).toHaveLength(36);
    expect(kinds).toContain("expired");
  });

  it("transient PSP errors on the 2nd, 3rd and 20th checks: logged on the timeline, the cadence goes on unchanged", async () => {
    failing = new Set([2, 3, 20]);
    const { p, startedAt, expiresAt } = await pay("never@kassa");
    await runUntil(expiresAt + 60_000);
    expect(checks).toEqual([...pollSchedule(startedAt, expiresAt), expiresAt]);
    const rows = await timeline(p.id);
    expect(rows.filter((e) => e.kind === "poll_error")).toHaveLength(3);
    expect(rows.filter((e) => e.kind === "poll")).toHaveLength(33);
    expect((await paymentRow(p.id)).status).toBe("requires_payment_method");
  });

  it("success@kassa: paid after 20 s; the PSP's callback ends the first wait early, one capture, one payment.succeeded", async () => {
    const { ctx, p, startedAt, expiresAt } = await pay("success@kassa");
    const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    await runUntil(expiresAt + 60_000);
    // At the callback (20 s after the PSP took it), before the first scheduled check at 22 s: the callback's
    // run asks once; the poll run it woke reads the payment and ends, and nothing asks after that.
    expect(checks).toEqual([txn!.decideAt!.getTime()]);
    expect(checks[0]! - startedAt).toBeLessThan(22_000);
    const row = await paymentRow(p.id);
    expect(row).toMatchObject({ status: "succeeded", amountReceived: 49_900n, fee: 0n });
    expect(upiOf(row).status).toBe("success");
    expect(upiOf(row).rrn).toMatch(/^\d{12}$/);
    expect(await captures(ctx)).toHaveLength(1);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
    expect((await timeline(p.id)).map((e) => e.kind)).toEqual(expect.arrayContaining(["initiated", "callback", "poll"]));
  });

  it("a callback whose own PSP check times out: the woken poll run waits on, and the check at 22 s books the success", async () => {
    failing = new Set([1]);
    const { ctx, p, startedAt, expiresAt } = await pay("success@kassa");
    const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    await runUntil(expiresAt + 60_000);
    expect(checks).toEqual([txn!.decideAt!.getTime(), pollSchedule(startedAt, expiresAt)[0]]);
    expect(Math.round((checks[1]! - startedAt) / 1000)).toBe(22);
    expect((await paymentRow(p.id)).status).toBe("succeeded");
    expect(await captures(ctx)).toHaveLength(1);
    expect((await timeline(p.id)).filter((e) => e.kind === "poll_error")).toHaveLength(1);
  });

  it("failure@kassa: declined after 10 s (callback), the payment can be tried again", async () => {
    const { ctx, p, startedAt, expiresAt } = await pay("failure@kassa");
    await runUntil(expiresAt + 60_000);
    // One PSP call, by the callback's run at 10 s; the poll run it woke reads the payment, never the PSP.
    expect(checks).toHaveLength(1);
    expect(checks[0]! - startedAt).toBeLessThan(22_000);
    const row = await paymentRow(p.id);
    expect(row.status).toBe("requires_payment_method");
    expect(row.lastPaymentError).toMatchObject({ code: "payment_method_provider_decline" });
    expect(upiOf(row).status).toBe("failed");
    expect(await captures(ctx)).toEqual([]);
  });

  it("slow@kassa: paid after 6 minutes with its callback lost; the check on the cadence after that finds it", async () => {
    const { ctx, p, startedAt, expiresAt } = await pay("slow@kassa");
    const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    await runUntil(expiresAt + 60_000);
    const schedule = pollSchedule(startedAt, expiresAt);
    const firstAfter = schedule.findIndex((t) => t >= txn!.decideAt!.getTime());
    expect(firstAfter).toBeGreaterThan(0);
    expect(checks).toEqual(schedule.slice(0, firstAfter + 1));
    expect(Math.round((checks.at(-1)! - startedAt) / 1000)).toBe(412);
    expect((await paymentRow(p.id)).status).toBe("succeeded");
    expect(await captures(ctx)).toHaveLength(1);
    expect((await timeline(p.id)).some((e) => e.kind === "callback")).toBe(false);
  });

  it("late@kassa: expired at 10 minutes, paid 2 minutes later; booked and refunded at once, and the timeline says why", async () => {
    const { ctx, p, expiresAt } = await pay("late@kassa");
    await runUntil(expiresAt + 1000);
    expect((await paymentRow(p.id)).status).toBe("requires_payment_method");
    await runUntil(expiresAt + LATE_AFTER_EXPIRY_MS + 60_000);

    const row = await paymentRow(p.id);
    expect(row).toMatchObject({ status: "succeeded", amountReceived: 49_900n, amountRefunded: 49_900n });
    const [refund] = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(refund).toMatchObject({ status: "succeeded", reason: "expired_uncaptured_charge", amount: 49_900n });
    expect(upiOf(row)).toMatchObject({ status: "success", late_refund: refund!.id });
    const late = (await timeline(p.id)).filter((e) => e.kind === "late_success");
    expect(late).toHaveLength(1);
    expect(late[0]!.detail).toMatchObject({ booked: true, refund: refund!.id });
    expect(await captures(ctx)).toHaveLength(1);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
    expect(await eventsOf(ctx, "refund.succeeded")).toHaveLength(1);
  });
});

describe("UPI callbacks", () => {
  const signed = async (body: string) => signCallback((await sandboxUpiKeys(bed.h.db)).callbackSecret, body);
  const deliver = (body: string, signature: string | null) =>
    POST(
      new Request("http://localhost/api/webhooks/upi", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...(signature ? { "x-upi-signature": signature } : {}) },
      }),
    );

  it("a bad or missing HMAC is 400 upi_signature_invalid and changes nothing", async () => {
    const { p } = await pay(null);
    const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    const { row } = await decideByApp(pspDeps, txn!.id, "approve", "asha@okaxis");
    const body = callbackBody(row);
    const before = (await timeline(p.id)).length;
    for (const signature of [null, "sha256=00", await signed(body + " "), (await signed(body)).replace("sha256=", "sha1=")]) {
      const res = await deliver(body, signature);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("upi_signature_invalid");
    }
    await pump();
    expect((await timeline(p.id)).length).toBe(before);
    expect((await paymentRow(p.id)).status).toBe("requires_action");
  });

  it("ten deliveries of one callback: one timeline row, one booking, one payment.succeeded", async () => {
    const { ctx, p } = await pay(null);
    const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    const { row } = await decideByApp(pspDeps, txn!.id, "approve", "asha@okaxis");
    const body = callbackBody(row);
    const signature = await signed(body);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(body, signature).then((r) => r.json() as Promise<{ duplicate: boolean }>)));
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    await pump();
    expect((await timeline(p.id)).filter((e) => e.kind === "callback")).toHaveLength(1);
    expect((await paymentRow(p.id)).status).toBe("succeeded");
    expect(await captures(ctx)).toHaveLength(1);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
  });

  it("a callback racing a status check: one success, one ledger entry, one payment.succeeded", async () => {
    for (let round = 0; round < 5; round++) {
      const { ctx, p } = await pay(null);
      const [txn] = await bed.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
      await decideByApp(pspDeps, txn!.id, "approve", "asha@okaxis");
      const attempt = p.latest_attempt!;
      await Promise.all([
        checkUpiPayment({ ctx, paymentId: p.id, source: "poll" }),
        applyUpiCallback({ ctx, paymentId: p.id, attemptId: attempt }),
        checkUpiPayment({ ctx, paymentId: p.id, source: "page" }),
      ]);
      expect((await paymentRow(p.id)).status).toBe("succeeded");
      expect(await captures(ctx)).toHaveLength(1);
      expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
    }
  });

  it("the books balance after every UPI payment above", async () => {
    await pump();
    expect((await checkMoneyInvariants(bed.h.db)).problems).toEqual([]);
  });
});
