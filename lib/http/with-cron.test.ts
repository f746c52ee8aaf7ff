import { afterEach, describe, expect, it, vi } from "vitest";
import { withCron } from "./with-cron";

const handler = withCron({ route: "/api/cron/test", secretEnv: "TEST_CRON_SECRET" }, async () => ({ ran: true }));
const call = (authorization?: string) =>
  handler(new Request("http://127.0.0.1/api/cron/test", { method: "POST", headers: authorization ? { authorization } : {} }));

afterEach(() => vi.unstubAllEnvs());

describe("withCron: machine callers", () => {
  it("fails closed in production when the secret is not set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("TEST_CRON_SECRET", "");
    const res = await call();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await call("Bearer anything")).status).toBe(401);
  });

  it("with the secret set, takes only that bearer, in every mode", async () => {
    for (const mode of ["production", "development"]) {
      vi.stubEnv("NODE_ENV", mode);
      vi.stubEnv("TEST_CRON_SECRET", "s3cret");
      expect((await call()).status).toBe(401);
      expect((await call("Bearer wrong")).status).toBe(401);
      expect((await call("Bearer s3cret")).status).toBe(200);
    }
  });

  it("is open in development without a secret (the embedded default)", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("TEST_CRON_SECRET", "");
    expect(await (await call()).json()).toEqual({ ran: true });
  });
});
