import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgres } from "@/test/db";
import { checkHealth, workflowEngineUrl } from "./check-health";

describe("checkHealth", () => {
  let close: () => Promise<void>;
  beforeAll(async () => {
    const handle = await freshPostgres("health");
    process.env.DATABASE_URL = handle.url;
    close = handle.close;
  });
  afterAll(async () => {
    delete process.env.INNGEST_BASE_URL;
    await close();
  });

  it("is ok with a reachable database and no engine configured", async () => {
    delete process.env.INNGEST_BASE_URL;
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.checks.database).toMatchObject({ status: "ok", detail: "pg" });
    expect(health.checks.workflows.status).toBe("not_configured");
  });

  it("is degraded when the configured workflow engine cannot be reached", async () => {
    const server = http.createServer((_req, res) => res.writeHead(200).end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${port}`;
    expect((await checkHealth()).checks.workflows.status).toBe("ok");
    await new Promise((r) => server.close(r));
    const down = await checkHealth();
    expect(down.status).toBe("degraded");
    expect(down.checks.workflows.status).toBe("down");
  });

  it("finds the engine from the environment", () => {
    expect(workflowEngineUrl({})).toBeNull();
    expect(workflowEngineUrl({ INNGEST_DEV: "1" })).toBe("http://127.0.0.1:8288");
    expect(workflowEngineUrl({ INNGEST_BASE_URL: "http://engine:8288" })).toBe("http://engine:8288");
  });
});
