import { describe, expect, it } from "vitest";
import { localExecutorPort, localExecutorWanted } from "./local-engine";

describe("embedded executor switch", () => {
  it("runs by default and steps aside for Inngest Cloud, a self-hosted Inngest, a dev server, or an explicit off", () => {
    expect(localExecutorWanted({})).toBe(true);
    expect(localExecutorWanted({ INNGEST_SIGNING_KEY: "signkey-prod-abc" })).toBe(false);
    expect(localExecutorWanted({ INNGEST_BASE_URL: "https://inngest.internal" })).toBe(false);
    expect(localExecutorWanted({ INNGEST_DEV: "1" })).toBe(false);
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "false" })).toBe(false);
    expect(localExecutorWanted({ KASSA_LOCAL_EXECUTOR: "true" })).toBe(true);
  });

  it("listens on the dev server's port unless told otherwise, and rejects a bad port", () => {
    expect(localExecutorPort({})).toBe(8288);
    expect(localExecutorPort({ KASSA_EXECUTOR_PORT: "8390" })).toBe(8390);
    expect(() => localExecutorPort({ KASSA_EXECUTOR_PORT: "http" })).toThrow(/KASSA_EXECUTOR_PORT/);
  });
});
