import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "./chaos/args";
import { buildSchedule, describeSchedule } from "./chaos/schedule";
import { startProxy, type Backend, type Proxy } from "./chaos/proxy";
import { checkoutViolations, customerOpViolations, payOpViolations } from "./chaos/checks";
import { judgeLife, memoryCheck } from "./chaos/memory";
import { faultSeed } from "./chaos/cluster";
import { startStripeReplayer } from "./chaos/stripe-replayer";
import { seededRandom } from "@/lib/gateways/sandbox/seeded-random";
import { startStripeDouble, WEBHOOK_SECRET } from "@/test/stripe-double/server";

describe("npm run chaos: the plan", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = buildSchedule({ seed: 7, ops: 500, kills: 3 });
    expect(buildSchedule({ seed: 7, ops: 500, kills: 3 })).toEqual(a);
    expect(describeSchedule(buildSchedule({ seed: 8, ops: 500, kills: 3 }))[0]).not.toBe(describeSchedule(a)[0]);
  });

  it("acts only on earlier payments, with manual capture for captures and cancels, and alternates its kills", () => {
    const { ops, kills } = buildSchedule({ seed: 3, ops: 1000, kills: 4 });
    for (const op of ops.filter((o) => ["capture", "refund", "cancel"].includes(o.kind))) {
      const target = ops[op.target!]!;
      expect(target.kind).toBe("pay");
      expect(target.index).toBeLessThan(op.index);
      if (op.kind !== "refund") expect(target.body.capture_method).toBe("manual");
    }
    // Subscriptions on an earlier customer; renewals of an earlier subscription.
    const subscribes = ops.filter((o) => o.kind === "subscribe");
    expect(subscribes.length).toBeGreaterThan(5);
    for (const op of subscribes) expect(ops[op.target!]).toMatchObject({ kind: "customer" });
    const renews = ops.filter((o) => o.kind === "renew");
    expect(renews.length).toBeGreaterThan(5);
    for (const op of [...subscribes, ...renews]) expect(op.target!).toBeLessThan(op.index);
    for (const op of renews) expect(ops[op.target!]).toMatchObject({ kind: "subscribe" });
    // Payments with a saved card: an earlier customer's, in USD (the sandbox's card).
    const saved = ops.filter((o) => o.kind === "pay" && o.target !== undefined);
    expect(saved.length).toBeGreaterThan(5);
    for (const op of saved) {
      expect(ops[op.target!]!.kind).toBe("customer");
      expect(op.target!).toBeLessThan(op.index);
      expect(op.body.currency).toBe("usd");
    }
    expect(kills.map((k) => k.instance)).toEqual(["engine", "api", "engine", "api"]);
    expect(kills.every((k, i) => i === 0 || k.atOp >= kills[i - 1]!.atOp)).toBe(true);
    // Within 10–60 % of the run: the last lives run long under load, for the memory check.
    expect(kills.every((k) => k.atOp >= 100 && k.atOp < 600)).toBe(true);
  });

  it("plans refund bursts: 2–4 more refunds of the same payment, each its own key, sent with the one before, together asking for more than the payment's amount", () => {
    const { ops } = buildSchedule({ seed: 3, ops: 1000, kills: 0 });
    const starts = ops.filter((o, i) => !o.withPrevious && ops[i + 1]?.withPrevious);
    expect(starts.length).toBeGreaterThan(20);
    for (const first of starts) {
      const burst = [first];
      while (ops[first.index + burst.length]?.withPrevious) burst.push(ops[first.index + burst.length]!);
      expect(burst.length).toBeGreaterThanOrEqual(3);
      expect(burst.length).toBeLessThanOrEqual(5);
      expect(new Set(burst.map((o) => o.kind))).toEqual(new Set(["refund"]));
      expect(new Set(burst.map((o) => o.target)).size).toBe(1);
      expect(new Set(burst.map((o) => o.key)).size).toBe(burst.length);
      const asked = burst.reduce((sum, o) => sum + (o.body.amount as number), 0);
      if (burst.length < ops.length - first.index) expect(asked).toBeGreaterThan(ops[first.target!]!.body.amount as number);
    }
  });

  it("parses its flags and refuses unknown ones", () => {
    expect(parseArgs(["--seed", "4", "--ops", "20", "--fault-rate", "0.1", "--kills", "0"])).toMatchObject({ seed: 4, ops: 20, faultRate: 0.1, kills: 0 });
    expect(() => parseArgs(["--ops", "-1"])).toThrow(/--ops/);
    expect(() => parseArgs(["--speed"])).toThrow(/unknown argument/);
  });
});

describe("npm run chaos: one customer and one saved card per customer operation", () => {
  it("names a customer operation that made two customers, a card saved twice, and an answered create or attach with nothing behind it", () => {
    const ops = [
      { key: "k1", created: 200, attached: 200 },
      { key: "k2", created: 200, attached: 200 },
      { key: "k3", created: 200, attached: 200 },
      { key: "k4", created: 200, attached: null },
      { key: "k5", created: 502, attached: null },
      { key: "k6", created: 200, attached: 200 },
    ];
    const customers = [
      { id: "cus_1", op: "k1", cards: 1 },
      { id: "cus_2a", op: "k2", cards: 1 },
      { id: "cus_2b", op: "k2", cards: 0 },
      { id: "cus_3", op: "k3", cards: 2 },
      { id: "cus_4", op: "k4", cards: 0 },
      { id: "cus_6", op: "k6", cards: 0 },
      { id: "cus_other", op: null, cards: 0 },
    ];
    expect(customerOpViolations([...ops, { key: "k7", created: 200, attached: null }], customers)).toEqual([
      "k2: one customer operation made 2 customers (cus_2a, cus_2b)",
      "cus_2b (k2): the attach answered 200 but no card is saved",
      "cus_3 (k3): the card was saved 2 times",
      "cus_6 (k6): the attach answered 200 but no card is saved",
      "k7: answered 200 but no customer carries it",
    ]);
  });
});

describe("npm run chaos: checkout sessions paid in Chromium", () => {
  it("plans sessions with a card list and one to three tabs, in USD, returning to the shop", () => {
    const checkouts = buildSchedule({ seed: 5, ops: 2000, kills: 2 }).ops.filter((o) => o.kind === "checkout");
    expect(checkouts.length).toBeGreaterThan(10);
    for (const op of checkouts) {
      expect(op.body).toMatchObject({ currency: "usd", metadata: { chaos_op: op.key } });
      expect(op.checkout!.cards.at(-1)).toMatch(/^(4242424242424242|5555555555554444|4000000000004087)$/);
      expect(op.checkout!.tabs).toBeGreaterThanOrEqual(1);
      expect(op.checkout!.tabs).toBeLessThanOrEqual(3);
    }
    expect(checkouts.some((o) => o.checkout!.tabs > 1)).toBe(true);
    expect(checkouts.some((o) => o.checkout!.cards.length === 2)).toBe(true);
  });

  it("names two sessions of one operation, two payments of one session, a paid session left open, a complete one unpaid, a wrong amount, and a tab that saw success on an open session", () => {
    const session = (id: string, op: string, over: Partial<Parameters<typeof checkoutViolations>[1][number]> = {}) => ({
      id,
      op,
      status: "complete",
      amount: "4200",
      paymentId: `pay_${id}`,
      paymentStatus: "succeeded",
      received: "4200",
      payments: 1,
      ...over,
    });
    const ops = [
      { key: "k1", status: 200, sessionId: "cs_1", tabs: ["paid" as const, "paid" as const] },
      { key: "k2", status: 200, sessionId: "cs_2a", tabs: ["paid" as const] },
      { key: "k3", status: 200, sessionId: "cs_3", tabs: ["paid" as const, "gave_up" as const] },
      { key: "k4", status: 200, sessionId: "cs_4", tabs: ["processing" as const] },
      { key: "k5", status: 200, sessionId: "cs_5", tabs: ["declined" as const] },
      { key: "k6", status: 502 },
    ];
    const good = [session("cs_1", "k1"), session("cs_5", "k5", { status: "open", paymentStatus: "requires_payment_method", received: "0" })];
    expect(checkoutViolations(ops.slice(0, 1).concat(ops.slice(4)), good)).toEqual([]);
    const sessions = [
      ...good,
      session("cs_2a", "k2"),
      session("cs_2b", "k2", { status: "open", paymentId: null, paymentStatus: null, received: null, payments: 0 }),
      session("cs_3", "k3", { status: "open", payments: 2 }),
      session("cs_4", "k4", { paymentStatus: "processing", received: "0" }),
      session("cs_7", "k7", { received: "4100" }),
    ];
    expect(checkoutViolations([...ops, { key: "k7", status: 200, sessionId: "cs_7", tabs: ["paid"] }], sessions)).toEqual([
      "k2: one checkout operation made 2 checkout sessions (cs_2a, cs_2b)",
      'cs_3 (k3): a tab showed "Payment successful" but the session is open',
      "cs_3: 2 payments for one checkout session",
      "cs_3: its payment pay_cs_3 is succeeded, but the session is open",
      "cs_4: complete, but its payment pay_cs_4 is processing",
      "cs_7: the session is for 4200, its payment received 4100",
    ]);
  });
});

describe("npm run chaos: one payment per pay operation", () => {
  it("names every pay operation in its payment's metadata", () => {
    for (const op of buildSchedule({ seed: 5, ops: 200, kills: 0 }).ops.filter((o) => o.kind === "pay")) expect(op.body.metadata).toEqual({ chaos_op: op.key });
  });

  it("passes one payment per answered operation, and none or one for an unanswered or declined one", () => {
    const ops = [
      { key: "k0", status: 200, paymentId: "pay_a" },
      { key: "k1", status: 402, paymentId: "pay_b" },
      { key: "k2", status: null },
      { key: "k3", status: 400 },
    ];
    expect(
      payOpViolations(ops, [
        { id: "pay_a", op: "k0" },
        { id: "pay_b", op: "k1" },
        { id: "pay_c", op: "k2" },
      ]),
    ).toEqual([]);
    expect(payOpViolations(ops, [{ id: "pay_a", op: "k0" }])).toEqual([]);
  });

  it("names a double charge, a 200 with no payment, an answer naming another payment, and a payment of no operation", () => {
    const ops = [
      { key: "k0", status: 200, paymentId: "pay_a" },
      { key: "k1", status: 200, paymentId: "pay_c" },
      { key: "k2", status: 200, paymentId: "pay_x" },
    ];
    const violations = payOpViolations(ops, [
      { id: "pay_a", op: "k0" },
      { id: "pay_b", op: "k0" },
      { id: "pay_d", op: "k2" },
      { id: "pay_e", op: null },
      { id: "pay_f", op: "elsewhere" },
    ]);
    expect(violations).toEqual([
      "pay_e carries no chaos_op, not a pay operation of the schedule",
      "pay_f carries chaos_op elsewhere, not a pay operation of the schedule",
      "k0: one pay operation made 2 payments (pay_a, pay_b)",
      "k1: answered 200 but no payment carries it",
      "k2: answered with pay_x, which is not its payment",
    ]);
  });
});

describe("npm run chaos: memory", () => {
  /** A sample every 5 s, as the run takes them. */
  const life = (life: number, mbs: number[]) => mbs.map((mb, i) => ({ at: 1_000_000 * life + i * 5000, mb, life }));
  /** A warm-up of 2 min (24 samples) that doubles, then 18 samples of ±15 % collector steps around a flat line. */
  const warmUp = Array.from({ length: 24 }, (_, i) => Math.min(400, 200 + i * 20));
  const flat = [...warmUp, ...Array.from({ length: 18 }, (_, i) => (i % 3 === 0 ? 460 : i % 3 === 1 ? 400 : 345))];

  it("passes a life that is flat after warm-up, though single samples jump by 15 %", () => {
    expect(judgeLife(life(0, flat))).toMatchObject({ kind: "judged", samples: 42, change: 0 });
  });

  it("flags a life that keeps growing after warm-up; names one that shrinks and one too short to judge, failing neither", () => {
    const growing = [...warmUp, ...Array.from({ length: 18 }, (_, i) => 400 + i * 8)];
    const check = memoryCheck([
      { name: "engine", restarts: [{ killedAt: 1, upAfterMs: 1 }], rss: [...life(0, growing), ...life(1, [300, 320, 330, 330, 331])] },
      { name: "api", restarts: [], rss: life(0, [...warmUp, ...Array.from({ length: 18 }, (_, i) => (i < 9 ? 400 : 300))]) },
    ]);
    expect(check.checked).toBe(2);
    expect(check.violations).toHaveLength(1);
    expect(check.violations[0]).toMatch(/^engine life 0: RSS median \d+ MB early after warm-up, \d+ MB late \(2\d %/);
    // The life's course after warm-up, to tell a leak from a heap still growing to its working size.
    expect(check.violations[0]).toMatch(/after warm-up, every 30 s: 400 448 496 MB\)$/);
    expect(check.name).toContain("too short to judge: engine 1 (5 samples)");
    expect(check.name).toContain("fell, not failed: api 0 -25 %");
  });

  it("judges a life on its samples under load only: the idle recovery's fall is neither judged nor named", () => {
    // Flat under load (42 samples, until 205 s), then memory handed back while idle.
    const rss = life(0, [...flat, ...Array.from({ length: 30 }, () => 190)]);
    const loadDoneAt = 41 * 5000;
    const check = memoryCheck([{ name: "api", restarts: [], rss }], loadDoneAt);
    expect(check).toMatchObject({ checked: 1, violations: [] });
    expect(check.name).toBe("memory grew ≤ 10 % after warm-up under load (lives judged 1)");
    // Over the whole run the same life's last third is the idle one.
    expect(memoryCheck([{ name: "api", restarts: [], rss }]).name).toContain("fell, not failed: api 0");
    // A leak under load still fails when judged up to the load's end.
    const leaking = life(0, [...warmUp, ...Array.from({ length: 18 }, (_, i) => 400 + i * 8), ...Array.from({ length: 30 }, () => 190)]);
    expect(memoryCheck([{ name: "api", restarts: [], rss: leaking }], loadDoneAt).violations).toHaveLength(1);
  });

  it("warms up for 2 min even when 30 % of the samples is less, and judges nothing before", () => {
    // 40 samples: 30 % is 12, the first 2 min are 24; 16 left. Growth inside the first 2 min is warm-up — a
    // restarted instance loads its routes and grows its heap to working size in that time under the run's load.
    const verdict = judgeLife(life(0, [...Array.from({ length: 24 }, (_, i) => 100 + i * 13), ...Array.from({ length: 16 }, () => 400)]));
    expect(verdict).toMatchObject({ kind: "judged", earlyMb: 400, lateMb: 400 });
    expect(
      judgeLife(
        life(
          0,
          Array.from({ length: 29 }, () => 100),
        ),
      ),
    ).toEqual({ kind: "too short", samples: 29, afterWarmUp: 5 });
  });
});

describe("npm run chaos: the live heap", () => {
  it("judges the heap series when asked, and names it", () => {
    const every15s = (mbs: number[]) => mbs.map((mb, i) => ({ at: i * 15_000, mb, life: 0 }));
    const rssGrowing = Array.from({ length: 40 }, (_, i) => ({ at: i * 5000, mb: 400 + i * 10, life: 0 }));
    const flatHeap = every15s(Array.from({ length: 30 }, (_, i) => (i < 8 ? 60 + i * 5 : 100 + (i % 2))));
    const check = memoryCheck([{ name: "engine", restarts: [], rss: rssGrowing, heap: flatHeap }], Infinity, "heap");
    expect(check).toMatchObject({ checked: 1, violations: [] });
    expect(check.name).toBe("live heap (after a full collection) grew ≤ 10 % after warm-up (lives judged 1)");
    const leaking = every15s(Array.from({ length: 30 }, (_, i) => 100 + i * 4));
    const failed = memoryCheck([{ name: "engine", restarts: [], rss: rssGrowing, heap: leaking }], Infinity, "heap");
    expect(failed.violations).toEqual([
      expect.stringMatching(
        /^engine life 0: live heap median \d+ MB early after warm-up, \d+ MB late \(\d+ %, 30 samples; after warm-up, every 30 s: 136 144 /,
      ),
    ]);
  });

  it("reads a running node's live heap through its inspector, after a full collection", async () => {
    const { spawn } = await import("node:child_process");
    const { freePort } = await import("./pg-server");
    const { HeapProbe } = await import("./chaos/heap");
    const port = await freePort();
    // Holds about 40 MB of live arrays, says so, then idles. The inspector answers before the script has run, so
    // the probe waits for the word: a probe during the allocation read 40 MB once.
    const child = spawn(
      process.execPath,
      [
        `--inspect=127.0.0.1:${port}`,
        "-e",
        "globalThis.keep = Array.from({ length: 40 }, () => new Array(131072).fill(1.5)); console.log('held'); setInterval(() => {}, 1000);",
      ],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => String(d).includes("held") && resolve());
      child.once("exit", () => reject(new Error("the child exited before it held its arrays")));
    });
    const probe = new HeapProbe(port);
    try {
      let mb: number | undefined;
      for (let i = 0; i < 50 && mb === undefined; i++) {
        mb = await probe.liveMb();
        if (mb === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(mb).toBeGreaterThan(40);
      expect(mb).toBeLessThan(80);
    } finally {
      probe.close();
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await gone;
    }
    // A process that is gone answers undefined, not an error.
    expect(await new HeapProbe(port).liveMb()).toBeUndefined();
  });
});

describe("npm run chaos: the sandbox's fault seeds", () => {
  it("differ per instance and per life, and repeat for the run's seed", () => {
    const seeds = [faultSeed(1, "engine", 0), faultSeed(1, "engine", 1), faultSeed(1, "api", 0), faultSeed(2, "engine", 0)];
    expect(new Set(seeds).size).toBe(4);
    expect(faultSeed(1, "engine", 1)).toBe(seeds[1]);
  });
});

describe("npm run chaos: Stripe's webhooks replayed", () => {
  it("delivers every event the double emitted twice, signed, out of order, retrying what was not answered 200", async () => {
    const double = await startStripeDouble();
    const got: { id: string; status: number }[] = [];
    const kassa = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        const event = double.client().webhooks.constructEvent(body, String(req.headers["stripe-signature"]), WEBHOOK_SECRET, 300);
        // The first delivery of each event fails once: the replayer must come back for it.
        const status = got.some((g) => g.id === event.id) ? 200 : 503;
        got.push({ id: event.id, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => kassa.listen(0, "127.0.0.1", r));
    const stripe = double.client();
    for (let i = 0; i < 6; i++) await stripe.paymentIntents.create({ amount: 100 + i, currency: "eur", payment_method: "pm_card_visa", confirm: true });
    const replayer = startStripeReplayer({ double, base: `http://127.0.0.1:${(kassa.address() as AddressInfo).port}`, random: seededRandom(3) });
    try {
      const emitted = double.state.events.map((e) => String(e.id));
      expect(emitted.length).toBeGreaterThanOrEqual(12);
      for (let i = 0; i < 200 && !(replayer.idle() && replayer.copies.size === emitted.length); i++) await new Promise((r) => setTimeout(r, 100));
      expect([...replayer.copies.keys()].sort()).toEqual([...emitted].sort());
      for (const answers of replayer.copies.values()) expect(answers).toEqual([200, 200]);
      const firstArrivals = [...new Set(got.map((g) => g.id))];
      expect(firstArrivals).not.toEqual(emitted);
      expect(got.filter((g) => g.status === 200)).toHaveLength(emitted.length * 2);
      expect(replayer.sent).toBe(got.length);
    } finally {
      await replayer.stop();
      await double.close();
      await new Promise((r) => kassa.close(r));
    }
  }, 30_000);
});

describe("npm run chaos: the proxy", () => {
  let proxy: Proxy | undefined;
  const servers: http.Server[] = [];
  afterEach(async () => {
    await proxy?.close();
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  const backend = async (name: string, answer: (res: http.ServerResponse) => void): Promise<Backend> => {
    const server = http.createServer((_req, res) => answer(res));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { name, port: (server.address() as AddressInfo).port, inRotation: true, served: 0 };
  };

  it("alternates, skips what is out of rotation, and answers 502 when an instance dies mid-request", async () => {
    const a = await backend("a", (res) => res.end("a"));
    const b = await backend("b", (res) => res.end("b"));
    const dying = await backend("dying", (res) => res.socket?.destroy());
    proxy = await startProxy([a, b, dying]);
    dying.inRotation = false;
    const get = async () => (await fetch(proxy!.url)).text();
    expect([await get(), await get()].sort()).toEqual(["a", "b"]);
    b.inRotation = false;
    expect([await get(), await get(), await get()]).toEqual(["a", "a", "a"]);
    a.inRotation = false;
    dying.inRotation = true;
    expect((await fetch(proxy.url)).status).toBe(502);
    dying.inRotation = false;
    expect((await fetch(proxy.url)).status).toBe(503);
    expect(proxy.badGateway).toBe(2);
  });

  it("tells the instance the address the client used, as a balancer does (a page's server actions compare it with the Origin)", async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end("ok");
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    proxy = await startProxy([{ name: "a", port, inRotation: true, served: 0 }]);
    await (await fetch(proxy.url)).text();
    expect(seen[0]).toMatchObject({ host: `127.0.0.1:${port}`, "x-forwarded-host": new URL(proxy.url).host, "x-forwarded-proto": "http" });
  });
});
