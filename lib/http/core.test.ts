import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { KassaError } from "@/lib/service/errors";
import { serve, settle } from "./core";

const req = (init: RequestInit = {}) => new Request("http://kassa.test/api/v1/things", init);

afterEach(() => vi.restoreAllMocks());

describe("the request core", () => {
  it("answers a value as JSON with a Request-Id, and the call's headers", async () => {
    const res = await serve({ caller: "api_key", route: "/api/v1/things" }, req(), async (call) => {
      call.headers.set("RateLimit-Remaining", "9");
      return { object: "thing", amount: 10n };
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Request-Id")).toMatch(/^req_/);
    expect(res.headers.get("RateLimit-Remaining")).toBe("9");
    expect(await res.json()).toEqual({ object: "thing", amount: 10 });
  });

  it("says how long the server took in Server-Timing (what the bench's server-time figures read)", async () => {
    const res = await serve({ caller: "api_key", route: "/api/v1/things" }, req(), async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { object: "thing" };
    });
    const ms = Number(/^app;dur=(\d+\.\d)$/.exec(res.headers.get("Server-Timing") ?? "")?.[1]);
    expect(ms).toBeGreaterThanOrEqual(29);
    expect(ms).toBeLessThan(5000);
  });

  it("maps a KassaError through the one table, keeps the call's headers on the error, and logs one line with the same request id", async () => {
    const info = vi.spyOn(logger, "info");
    const res = await serve({ caller: "api_key", route: "/api/v1/things" }, req(), async (call) => {
      call.merchantId = "acct_1";
      call.headers.set("Retry-After", "3");
      throw new KassaError("rate_limited", "Slow down.");
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("3");
    const body = await res.json();
    expect(body.error).toMatchObject({ type: "rate_limit_error", code: "rate_limited", message: "Slow down." });
    expect(body.error.request_id).toBe(res.headers.get("Request-Id"));
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toMatchObject({
      request_id: body.error.request_id,
      caller: "api_key",
      route: "/api/v1/things",
      method: "GET",
      status: 429,
      merchant: "acct_1",
    });
  });

  it("never shows an unknown error's internals, and logs it as an error", async () => {
    const error = vi.spyOn(logger, "error");
    const res = await serve({ caller: "session", route: "/api/dashboard/x" }, req(), async () => {
      throw new Error("password=hunter2 at db.ts:12");
    });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("hunter2");
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatchObject({ caller: "session", status: 500 });
  });

  it("answers 499 with no body when the client went away", async () => {
    const controller = new AbortController();
    const res = await serve({ caller: "api_key", route: "/api/v1/things" }, req({ signal: controller.signal }), async () => {
      controller.abort();
      throw new Error("aborted");
    });
    expect(res.status).toBe(499);
    expect(await res.text()).toBe("");
  });

  it("puts the Request-Id on a Response whose headers are immutable (a redirect)", async () => {
    const res = await serve({ caller: "public", route: "/l/:id" }, req(), async () => Response.redirect("http://kassa.test/pay/cs_1", 303));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("http://kassa.test/pay/cs_1");
    expect(res.headers.get("Request-Id")).toMatch(/^req_/);
  });

  it("settles a server action: a value, a mapped error with its param, and Next's redirect passing through", async () => {
    await expect(settle({ caller: "session", route: "x" }, async () => 7)).resolves.toMatchObject({ ok: true, value: 7 });
    const failed = await settle({ caller: "session", route: "x" }, async () => {
      throw new KassaError("parameter_invalid", "Invalid amount.", { param: "amount" });
    });
    expect(failed).toMatchObject({ ok: false, status: 400, error: { code: "parameter_invalid", param: "amount", message: "Invalid amount." } });
    await expect(settle({ caller: "session", route: "x" }, async () => redirect("/dashboard"))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
