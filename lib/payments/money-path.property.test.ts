// Property: whatever random mix of concurrent create/confirm/capture/refund/cancel requests a merchant
// makes, with declines, 3DS, lost processor answers and processes dying between a verb's phases thrown
// in (each retried later with its Idempotency-Key), the ledger and payment invariants hold after every
// step, every key made at most one object, reconciliation brings the money path to rest, and every
// stored answer replays byte for byte.
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { serverInstances } from "@/db/schema";
import { runIdempotent } from "@/lib/http/idempotent-request";
import { setFailpointHandler } from "@/lib/failpoints";
import { newId } from "@/lib/ids";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { configureSandbox, seededRandom } from "@/lib/gateways/sandbox/config";
import { releaseAvailableFunds } from "@/lib/ledger/release-available-funds";
import { createRefund } from "@/lib/refunds/create-refund";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { cancelPayment } from "./cancel-payment";
import { capturePayment } from "./capture-payment";
import { checkMoneyInvariants } from "./check-payment-invariants";
import { confirmPayment } from "./confirm-payment";
import { createPayment } from "./create-payment";
import { findStaleWork } from "./find-stale-work";
import { settlePayment } from "./settle-payment";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("prop");
  process.env.DATABASE_URL = h.url;
});
afterAll(async () => {
  setFailpointHandler(null);
  await h.close();
});

const METHODS = [
  "pm_card_visa",
  "pm_card_visa",
  "pm_card_mastercard",
  "pm_card_chargeDeclined",
  "pm_card_chargeDeclinedInsufficientFunds",
  "pm_card_authenticationRequired",
  "pm_card_processingError",
  "pm_card_lostResponse",
];

const op = fc.oneof(
  fc.record({
    kind: fc.constant("create" as const),
    amount: fc.integer({ min: 50, max: 50_000 }),
    method: fc.constantFrom(...METHODS),
    manual: fc.boolean(),
    confirm: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("confirm" as const), target: fc.nat(), method: fc.constantFrom(...METHODS) }),
  fc.record({ kind: fc.constant("capture" as const), target: fc.nat(), fraction: fc.double({ min: 0.1, max: 1.2, noNaN: true }) }),
  fc.record({
    kind: fc.constant("refund" as const),
    target: fc.nat(),
    fraction: fc.option(fc.double({ min: 0.05, max: 1.1, noNaN: true }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("cancel" as const), target: fc.nat() }),
);
/** Where a request's process dies, if it does: before or after its processor call, or before its answer is stored. */
const death = fc.option(fc.constantFrom("processor:before", "processor:after", "api.response:before_store"), { freq: 3, nil: null });
type Op = fc.Arbitrary<typeof op extends fc.Arbitrary<infer T> ? T : never>;

/**
 * One API request, fixed when first sent (its target, body and Idempotency-Key), so a retry after its
 * process died is the very same request.
 */
interface Req {
  key: string;
  path: string;
  body: Record<string, unknown>;
  verb: (ctx: ServiceContext) => Promise<{ id: string } | unknown>;
  /** A create's amount, to remember the payment it made. */
  creates?: number;
  /** Where its first try's process dies, if it does. */
  die: string | null;
}

let keys = 0;
type Made = { id: string; amount: number; status?: string };

function request(made: Made[], o: Op extends fc.Arbitrary<infer T> ? T : never, die: string | null): Req | null {
  // Aim most requests at payments in a state that lets them act, as the answers so far tell it.
  const wanted: Record<string, string> = { refund: "succeeded", capture: "requires_capture", confirm: "requires_payment_method" };
  const pick = (n: number) => {
    const fit = made.filter((m) => m.status === wanted[o.kind]);
    const from = fit.length > 0 && n % 4 !== 0 ? fit : made;
    return from[n % Math.max(1, from.length)];
  };
  const key = `prop-${keys++}`;
  switch (o.kind) {
    case "create": {
      const body = {
        amount: o.amount,
        currency: "usd",
        ...(o.confirm ? { payment_method: o.method, confirm: true } : {}),
        capture_method: o.manual ? "manual" : "automatic",
      };
      return { key, path: "/api/v1/payments", body, verb: (ctx) => createPayment({ ctx, input: body }), creates: o.amount, die };
    }
    case "confirm": {
      const t = pick(o.target);
      const body = { payment_method: o.method };
      return t ? { key, path: `/api/v1/payments/${t.id}/confirm`, body, verb: (ctx) => confirmPayment({ ctx, id: t.id, input: body }), die } : null;
    }
    case "capture": {
      const t = pick(o.target);
      const body = { amount_to_capture: t ? Math.max(1, Math.floor(t.amount * o.fraction)) : 1 };
      return t ? { key, path: `/api/v1/payments/${t.id}/capture`, body, verb: (ctx) => capturePayment({ ctx, id: t.id, input: body }), die } : null;
    }
    case "refund": {
      const t = pick(o.target);
      if (!t) return null;
      const body = { payment: t.id, ...(o.fraction ? { amount: Math.max(1, Math.floor(t.amount * o.fraction)) } : {}) };
      return { key, path: "/api/v1/refunds", body, verb: (ctx) => createRefund({ ctx, input: body }), die };
    }
    case "cancel": {
      const t = pick(o.target);
      return t ? { key, path: `/api/v1/payments/${t.id}/cancel`, body: {}, verb: (ctx) => cancelPayment({ ctx, id: t.id, input: {} }), die } : null;
    }
  }
}

// A request's process "dies" at a failpoint: it never goes on (no catch, no finally, its lock stays
// held), and its server instance stops beating, as after kill -9. Each try runs as its own instance.
const tries = new AsyncLocalStorage<{ die: string | null; died: () => void }>();
setFailpointHandler((name) => {
  const t = tries.getStore();
  if (!t?.die || !name.endsWith(t.die)) return;
  t.die = null;
  t.died();
  return new Promise<void>(() => undefined);
});

type Outcome = { kind: "died" } | { kind: "answer"; status: number; text: string; replayed: boolean } | { kind: "error"; error: unknown };

function send(ctx: ServiceContext, req: Req, die: string | null): Promise<Outcome> {
  const instanceId = newId("serverInstance");
  return new Promise((resolve) => {
    const died = () => {
      void h.db
        .insert(serverInstances)
        .values({ id: instanceId, heartbeatAt: sql`now() - interval '1 minute'` })
        .then(
          () => resolve({ kind: "died" }),
          (error: unknown) => resolve({ kind: "error", error }),
        );
    };
    tries.run({ die, died }, () => {
      runIdempotent({ db: h.db, ctx, key: req.key, method: "POST", path: req.path, body: req.body, instanceId }, req.verb).then(
        (a) => resolve({ kind: "answer", status: a.status, text: a.text, replayed: a.replayed }),
        (error: unknown) => resolve({ kind: "error", error }),
      );
    });
  });
}

/** Business refusals (declines, wrong state, too much, a lost answer → 502) are fine; anything else is a bug. */
function expectBusinessOutcome(o: Outcome): void {
  if (o.kind === "error" && !(o.error instanceof KassaError && o.error.code !== "api_error")) throw o.error;
}

describe("money path under random concurrent use", () => {
  it("keeps every invariant after every step, and settles everything", async () => {
    let seed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(op, death), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        async (steps, faultSeed) => {
          const restore = configureSandbox({ faultRate: 0.15, random: seededRandom(faultSeed + seed++) });
          try {
            const { ctx: owner } = await makeMerchant(h.db);
            const { db: _db, ...rest } = owner;
            const ctx: ServiceContext = { ...rest, actor: { type: "api_key", id: "key_prop" } };
            const made: Made[] = [];
            const answered: { req: Req; status: number; text: string }[] = [];
            let dead: Req[] = [];
            const settle = (req: Req, o: Outcome) => {
              expectBusinessOutcome(o);
              if (o.kind === "died") dead.push(req);
              if (o.kind === "answer") {
                answered.push({ req, status: o.status, text: o.text });
                const obj = JSON.parse(o.text) as { id: string; object?: string; status?: string; payment?: string };
                if (req.creates !== undefined) made.push({ id: obj.id, amount: req.creates });
                const payment = made.find((m) => m.id === obj.id);
                if (payment && obj.object === "payment") payment.status = obj.status;
              }
            };
            for (const batch of steps) {
              // The requests that died last time are retried alongside the new ones (same key, a live process).
              const retries = dead.map((req) => ({ req, die: null }));
              dead = [];
              const fresh = batch
                .map(([o, die]) => request(made, o, die))
                .filter((r): r is Req => r !== null)
                .map((req) => ({ req, die: req.die }));
              const all = [...retries, ...fresh];
              const outcomes = await Promise.all(all.map(({ req, die }) => send(ctx, req, die)));
              all.forEach(({ req }, i) => settle(req, outcomes[i]!));
              const check = await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId });
              expect(check.problems).toEqual([]);
            }
            while (dead.length > 0) {
              const retries = dead;
              dead = [];
              const outcomes = await Promise.all(retries.map((req) => send(ctx, req, null)));
              retries.forEach((req, i) => settle(req, outcomes[i]!));
            }
            expect((await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
            // Reconciliation with the processor healthy again: nothing stays half-done.
            restore();
            const sys = { ...ctx, actor: systemActor("reconcile-payments") };
            const later = Date.now() + 10 * 60_000;
            for (let round = 0; round < 4; round++) {
              for (const p of made) await settlePayment({ ctx: sys, paymentId: p.id, now: later });
            }
            const stale = await findStaleWork(h.db, { now: later });
            for (const r of stale.refunds.filter((x) => x.merchantId === ctx.merchantId)) await settleRefund({ ctx: sys, refundId: r.id });
            const left = await findStaleWork(h.db, { now: later });
            expect(left.payments.filter((p) => p.merchantId === ctx.merchantId)).toEqual([]);
            expect(left.refunds.filter((p) => p.merchantId === ctx.merchantId)).toEqual([]);
            await releaseAvailableFunds({ db: h.db, now: new Date(Date.now() + 3 * 86400_000) });
            expect((await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
            // Every answer that was stored is replayed byte for byte, however the objects moved on since.
            for (const a of answered.filter((x) => x.status < 500)) {
              const again = await send(ctx, a.req, null);
              expect(again).toEqual({ kind: "answer", status: a.status, text: a.text, replayed: true });
            }
          } finally {
            restore();
          }
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  }, 240_000);
});
