// The bench's switch (KASSA_BENCH_SKIP_REQUEST_LOG=1, read at load): test-mode calls are not logged so
// `npm run bench` can measure what logging costs; live-mode calls are logged whatever the switch says.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const call = (livemode: boolean) => ({
  requestId: `req_${livemode ? "live" : "test"}`,
  merchantId: "mer_1",
  method: "GET",
  path: "/api/v1/balance",
  route: "/api/v1/balance",
  status: 200,
  latencyMs: 1,
  fields: { livemode, apiKeyId: "key_1", apiKeyPrefix: "sk_test_abcd", idempotencyKey: null, ip: null, userAgent: null },
  responseText: "{}",
});

beforeAll(() => {
  process.env.KASSA_BENCH_SKIP_REQUEST_LOG = "1";
  process.env.KASSA_REQUEST_LOG_FLUSH_MS = "600000";
  vi.resetModules();
});
afterAll(() => {
  delete process.env.KASSA_BENCH_SKIP_REQUEST_LOG;
  delete process.env.KASSA_REQUEST_LOG_FLUSH_MS;
  vi.resetModules();
});

describe("KASSA_BENCH_SKIP_REQUEST_LOG", () => {
  it("a test-mode call is not queued; a live-mode call is", async () => {
    const { recordRequest, requestLogBuffer, requestLogSkipped } = await import("./record");
    expect(requestLogSkipped(false)).toBe(true);
    expect(requestLogSkipped(true)).toBe(false);
    const before = requestLogBuffer().size;
    recordRequest(call(false));
    expect(requestLogBuffer().size).toBe(before);
    recordRequest(call(true));
    expect(requestLogBuffer().size).toBe(before + 1);
  });

  it("without the switch every call is queued", async () => {
    delete process.env.KASSA_BENCH_SKIP_REQUEST_LOG;
    vi.resetModules();
    const { requestLogSkipped } = await import("./record");
    expect(requestLogSkipped(false)).toBe(false);
  });
});
