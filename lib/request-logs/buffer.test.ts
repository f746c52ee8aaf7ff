import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewRequestLog } from "@/db/schema/request-logs";
import { RequestLogBuffer } from "./buffer";

const row = (n: number): NewRequestLog => ({
  id: `req_${n}`,
  merchantId: "mer_1",
  livemode: false,
  method: "POST",
  path: "/api/v1/payments",
  route: "/api/v1/payments",
  status: 200,
  latencyMs: 1,
});

function recorder(delayMs = 0) {
  const batches: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = async (rows: NewRequestLog[]) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    batches.push(rows.map((r) => r.id));
    inFlight--;
  };
  return { batches, write, maxInFlight: () => maxInFlight };
}

afterEach(() => vi.useRealTimers());

describe("RequestLogBuffer", () => {
  it("enqueue is synchronous and writes nothing until the interval passes", async () => {
    vi.useFakeTimers();
    const rec = recorder();
    const buffer = new RequestLogBuffer({ write: rec.write, intervalMs: 200, batchRows: 200 });
    buffer.enqueue(row(1));
    buffer.enqueue(row(2));
    expect(buffer.size).toBe(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(rec.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(rec.batches).toEqual([["req_1", "req_2"]]);
    expect(buffer.size).toBe(0);
    expect(buffer.written).toBe(2);
  });

  it("a full batch is written at once, as one INSERT of batchRows rows, without waiting for the interval", async () => {
    vi.useFakeTimers();
    const rec = recorder();
    const buffer = new RequestLogBuffer({ write: rec.write, intervalMs: 10_000, batchRows: 3 });
    for (let i = 1; i <= 7; i++) buffer.enqueue(row(i));
    await vi.advanceTimersByTimeAsync(1);
    expect(rec.batches).toEqual([["req_1", "req_2", "req_3"], ["req_4", "req_5", "req_6"], ["req_7"]]);
  });

  it("one flush at a time: rows queued during a slow write go in the next batch", async () => {
    const rec = recorder(30);
    const buffer = new RequestLogBuffer({ write: rec.write, intervalMs: 5, batchRows: 2 });
    buffer.enqueue(row(1));
    buffer.enqueue(row(2));
    await new Promise((r) => setTimeout(r, 5));
    buffer.enqueue(row(3));
    await buffer.flush();
    expect(rec.maxInFlight()).toBe(1);
    expect(rec.batches.flat()).toEqual(["req_1", "req_2", "req_3"]);
  });

  it("bounded: past capacity the oldest rows are dropped and counted", async () => {
    const drops: [string, number][] = [];
    const rec = recorder();
    const buffer = new RequestLogBuffer({ write: rec.write, intervalMs: 10_000, batchRows: 1000, capacity: 5, onDrop: (r, n) => drops.push([r, n]) });
    for (let i = 1; i <= 8; i++) buffer.enqueue(row(i));
    expect(buffer.size).toBe(5);
    expect(buffer.dropped).toBe(3);
    expect(drops).toEqual([
      ["overflow", 1],
      ["overflow", 1],
      ["overflow", 1],
    ]);
    await buffer.flush();
    expect(rec.batches).toEqual([["req_4", "req_5", "req_6", "req_7", "req_8"]]);
  });

  it("a failed write drops its batch, counts it, and the next batch still goes", async () => {
    const drops: [string, number][] = [];
    let calls = 0;
    const written: string[] = [];
    const buffer = new RequestLogBuffer({
      write: async (rows) => {
        if (calls++ === 0) throw new Error("database down");
        written.push(...rows.map((r) => r.id));
      },
      batchRows: 2,
      intervalMs: 10_000,
      onDrop: (r, n) => drops.push([r, n]),
    });
    for (let i = 1; i <= 3; i++) buffer.enqueue(row(i));
    await buffer.flush();
    expect(drops).toEqual([["write_failed", 2]]);
    expect(written).toEqual(["req_3"]);
  });

  it("close() writes what is queued, and rows that still come after it go out at once", async () => {
    const rec = recorder();
    const buffer = new RequestLogBuffer({ write: rec.write, intervalMs: 60_000, batchRows: 200 });
    buffer.enqueue(row(1));
    await buffer.close();
    expect(rec.batches).toEqual([["req_1"]]);
    buffer.enqueue(row(2));
    await new Promise((r) => setImmediate(r));
    await buffer.flush();
    expect(rec.batches.flat()).toEqual(["req_1", "req_2"]);
  });

  it("enqueue never waits on a write in progress", async () => {
    let release!: () => void;
    const buffer = new RequestLogBuffer({ write: () => new Promise<void>((r) => (release = r)), batchRows: 1, intervalMs: 10_000 });
    buffer.enqueue(row(1));
    await new Promise((r) => setImmediate(r));
    const t = performance.now();
    for (let i = 2; i < 1000; i++) buffer.enqueue(row(i));
    expect(performance.now() - t).toBeLessThan(50);
    release();
  });
});
