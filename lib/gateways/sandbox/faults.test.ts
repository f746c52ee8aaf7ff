import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshPostgres } from "@/test/db";
import { ConnectorUnknownOutcomeError, type Charge, type ConnectorContext } from "../types";
import { configureSandbox, drawFault, resolveConfig, seededRandom, type FaultPoint } from "./config";
import { createSandboxConnector } from "./connector";
import { authorizeInput, key, tenant } from "@/test/gateways";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let ctx: ConnectorContext;
const restore: Array<() => void> = [];

beforeAll(async () => {
  handle = await freshPostgres("sandbox_faults");
  ctx = tenant();
});
afterAll(async () => {
  await handle?.close();
});
afterEach(() => {
  while (restore.length) restore.pop()!();
  delete process.env.KASSA_SANDBOX_FAULT_RATE;
  delete process.env.KASSA_SANDBOX_LATENCY_MS;
});

/** A random source that returns the given values in order: draw 1 decides "fault?", draw 2 "before or after?". */
const scripted =
  (...values: number[]) =>
  () => {
    const next = values.shift();
    if (next === undefined) throw new Error("scripted random ran out");
    return next;
  };
const BEFORE = [0, 0.1];
const AFTER = [0, 0.9];

describe("fault injection", () => {
  it("follows a seeded pattern: a fault before records nothing, a fault after records and loses the response", async () => {
    const seed = 20_251_122;
    const faultRate = 0.5;
    const sandbox = createSandboxConnector({ db: handle.db, faultRate, random: seededRandom(seed) });
    const clean = createSandboxConnector({ db: handle.db, faultRate: 0 });
    const twin = seededRandom(seed);
    const seen: Record<string, number> = { none: 0, before: 0, after: 0 };

    for (let i = 0; i < 40; i++) {
      const expected: FaultPoint = drawFault({ faultRate, random: twin, latencyMs: 0, unavailableRate: 0 });
      const input = authorizeInput({ captureMethod: "manual" });
      const result = await sandbox.authorize(ctx, input).catch((e: unknown) => e);
      const stored = await clean.retrieve(ctx, { idempotencyKey: input.idempotencyKey });
      seen[expected ?? "none"]!++;
      if (expected === null) {
        expect(result).toEqual(stored);
        continue;
      }
      expect(result).toBeInstanceOf(ConnectorUnknownOutcomeError);
      if (expected === "before") {
        expect(stored).toBeNull();
      } else {
        expect(stored?.status).toBe("requires_capture");
      }
      // The caller's recovery: retry with the same key. Exactly one charge either way.
      const retried = await clean.authorize(ctx, input);
      if (stored) expect(retried).toEqual(stored);
      expect(await clean.retrieve(ctx, { idempotencyKey: input.idempotencyKey })).toEqual(retried);
    }
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.after).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });

  it("replays the same seed to the same faults", () => {
    const draw = (seed: number) => {
      const config = { faultRate: 0.3, random: seededRandom(seed), latencyMs: 0, unavailableRate: 0 };
      return Array.from({ length: 50 }, () => drawFault(config));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("injects faults into capture both ways", async () => {
    const clean = createSandboxConnector({ db: handle.db });
    const before = await clean.authorize(ctx, authorizeInput({ captureMethod: "manual" }));
    const beforeInput = { processorId: before.processorId, amount: 2000n, idempotencyKey: key("cap") };
    await expect(createSandboxConnector({ db: handle.db, faultRate: 1, random: scripted(...BEFORE) }).capture(ctx, beforeInput)).rejects.toBeInstanceOf(
      ConnectorUnknownOutcomeError,
    );
    expect((await clean.retrieve(ctx, { processorId: before.processorId }))?.status).toBe("requires_capture");

    const after = await clean.authorize(ctx, authorizeInput({ captureMethod: "manual" }));
    const afterInput = { processorId: after.processorId, amount: 2000n, idempotencyKey: key("cap") };
    await expect(createSandboxConnector({ db: handle.db, faultRate: 1, random: scripted(...AFTER) }).capture(ctx, afterInput)).rejects.toBeInstanceOf(
      ConnectorUnknownOutcomeError,
    );
    const stored = await clean.retrieve(ctx, { processorId: after.processorId });
    expect(stored).toMatchObject({ status: "succeeded", amountCaptured: 2000n });
    expect(await clean.capture(ctx, afterInput)).toEqual(stored); // retry with the same key: no error, same capture
  });

  it("injects faults into refunds both ways", async () => {
    const clean = createSandboxConnector({ db: handle.db });
    const charge = await clean.authorize(ctx, authorizeInput());
    const beforeKey = key("re");
    await expect(
      createSandboxConnector({ db: handle.db, faultRate: 1, random: scripted(...BEFORE) }).refund(ctx, {
        processorId: charge.processorId,
        amount: 500n,
        idempotencyKey: beforeKey,
      }),
    ).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(await clean.retrieveRefund(ctx, { idempotencyKey: beforeKey })).toBeNull();

    const afterKey = key("re");
    await expect(
      createSandboxConnector({ db: handle.db, faultRate: 1, random: scripted(...AFTER) }).refund(ctx, {
        processorId: charge.processorId,
        amount: 500n,
        idempotencyKey: afterKey,
      }),
    ).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(await clean.retrieveRefund(ctx, { idempotencyKey: afterKey })).toMatchObject({ status: "succeeded", amount: 500n });
    expect((await clean.retrieve(ctx, { processorId: charge.processorId }))?.amountRefunded).toBe(500n);
  });

  it("injects a fault into cancel after the write", async () => {
    const clean = createSandboxConnector({ db: handle.db });
    const charge = await clean.authorize(ctx, authorizeInput({ captureMethod: "manual" }));
    const input = { processorId: charge.processorId, idempotencyKey: key("can") };
    await expect(createSandboxConnector({ db: handle.db, faultRate: 1, random: scripted(...AFTER) }).cancel(ctx, input)).rejects.toBeInstanceOf(
      ConnectorUnknownOutcomeError,
    );
    expect((await clean.cancel(ctx, input)).status).toBe("canceled");
  });
});

describe("sandbox configuration", () => {
  it("defaults to no faults and no latency", () => {
    delete process.env.KASSA_SANDBOX_FAULT_RATE;
    delete process.env.KASSA_SANDBOX_LATENCY_MS;
    expect(resolveConfig()).toMatchObject({ faultRate: 0, latencyMs: 0 });
  });

  it("reads KASSA_SANDBOX_FAULT_RATE and KASSA_SANDBOX_LATENCY_MS, and rejects nonsense", () => {
    process.env.KASSA_SANDBOX_FAULT_RATE = "0.25";
    process.env.KASSA_SANDBOX_LATENCY_MS = "15";
    expect(resolveConfig()).toMatchObject({ faultRate: 0.25, latencyMs: 15 });
    process.env.KASSA_SANDBOX_FAULT_RATE = "lots";
    expect(() => resolveConfig()).toThrow(/KASSA_SANDBOX_FAULT_RATE/);
    process.env.KASSA_SANDBOX_FAULT_RATE = "1.5";
    expect(() => resolveConfig()).toThrow(RangeError);
  });

  it("lets configureSandbox override the environment and a connector's options override both", async () => {
    process.env.KASSA_SANDBOX_FAULT_RATE = "0.5";
    restore.push(configureSandbox({ faultRate: 1, random: scripted(...BEFORE) }));
    expect(resolveConfig().faultRate).toBe(1);
    const faulty = createSandboxConnector({ db: handle.db });
    await expect(faulty.authorize(ctx, authorizeInput())).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    const own = createSandboxConnector({ db: handle.db, faultRate: 0 });
    expect((await own.authorize(ctx, authorizeInput())).status).toBe("succeeded");
    restore.pop()!();
    expect(resolveConfig().faultRate).toBe(0.5);
  });

  it("waits the configured latency on every call", async () => {
    const slow = createSandboxConnector({ db: handle.db, latencyMs: 60 });
    const started = performance.now();
    const charge: Charge = await slow.authorize(ctx, authorizeInput());
    await slow.retrieve(ctx, { processorId: charge.processorId });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
