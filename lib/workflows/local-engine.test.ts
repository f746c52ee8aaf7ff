import { describe, expect, it } from "vitest";
import { localExecutorAppOrigin, localExecutorLeaseMs, localExecutorPort, localExecutorWanted, localExecutorWorkers } from "./local-engine";

describe("embedded executor switch", () => {
  it("runs by default and steps aside for Inngest Cloud, a self-hosted Inngest, a dev server, or an explicit off", () => {
    expect(localExecutorWanted({})).toBe(true);
    expect(localExecutorWanted({ INNGEST_SIGNING_KEY: "signkey-prod-abc" })).toBe(false);
    expect(localExecutorWanted({ INNGEST_BASE_URL: "https://inngest.internal" })).toBe(false);
    expect(localExecutorWanted({ INNGEST_DEV: "1" })).toBe(false);
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "false" })).toBe(false);
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "true" })).toBe(true);
  });

  it("runs when asked by name even with keys configured: the executor of several app instances sharing its keys", () => {
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "true", INNGEST_SIGNING_KEY: "signkey-chaos-abc", INNGEST_EVENT_KEY: "k" })).toBe(true);
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "1", INNGEST_SIGNING_KEY: "signkey-chaos-abc" })).toBe(true);
  });

  it("calls this process unless KASSA_EXECUTOR_APP_URL names a balancer, and rejects what is not an http(s) URL", () => {
    expect(localExecutorAppOrigin(3000, {})).toBe("http://127.0.0.1:3000");
    expect(localExecutorAppOrigin(3000, { KASSA_EXECUTOR_APP_URL: "http://127.0.0.1:4100/" })).toBe("http://127.0.0.1:4100");
    expect(localExecutorAppOrigin(3000, { KASSA_EXECUTOR_APP_URL: "https://lb.internal:8443/anything" })).toBe("https://lb.internal:8443");
    expect(() => localExecutorAppOrigin(3000, { KASSA_EXECUTOR_APP_URL: "lb.internal" })).toThrow(/KASSA_EXECUTOR_APP_URL/);
    expect(() => localExecutorAppOrigin(3000, { KASSA_EXECUTOR_APP_URL: "ftp://lb.internal" })).toThrow(/KASSA_EXECUTOR_APP_URL/);
  });

  it("listens on the dev server's port unless told otherwise, and rejects a bad port", () => {
    expect(localExecutorPort({})).toBe(8288);
    expect(localExecutorPort({ KASSA_EXECUTOR_PORT: "8390" })).toBe(8390);
    expect(() => localExecutorPort({ KASSA_EXECUTOR_PORT: "http" })).toThrow(/KASSA_EXECUTOR_PORT/);
  });

  it("keeps a 5-minute lease unless a crash test shortens it, and rejects a lease under a second", () => {
    expect(localExecutorLeaseMs({})).toBeUndefined();
    expect(localExecutorLeaseMs({ KASSA_EXECUTOR_LEASE_MS: "5000" })).toBe(5000);
    expect(() => localExecutorLeaseMs({ KASSA_EXECUTOR_LEASE_MS: "10" })).toThrow(/KASSA_EXECUTOR_LEASE_MS/);
  });

  it("works on the engine's default number of items at once unless told, from 1 to 1000", () => {
    expect(localExecutorWorkers({})).toBeUndefined();
    expect(localExecutorWorkers({ KASSA_EXECUTOR_WORKERS: "8" })).toBe(8);
    for (const bad of ["0", "1001", "2.5", "many"]) expect(() => localExecutorWorkers({ KASSA_EXECUTOR_WORKERS: bad })).toThrow(/KASSA_EXECUTOR_WORKERS/);
  });
});
