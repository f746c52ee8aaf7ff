import { afterEach, describe, expect, it, vi } from "vitest";
import { assertPublicUrlConfigured, publicBaseUrl, requestOrigin } from "./public-url";

afterEach(() => vi.unstubAllEnvs());

describe("Kassa's public URL", () => {
  it("production refuses to start without an absolute http(s) KASSA_URL", () => {
    expect(() => assertPublicUrlConfigured({ NODE_ENV: "production" })).toThrow(/KASSA_URL/);
    expect(() => assertPublicUrlConfigured({ NODE_ENV: "production", KASSA_URL: "pay.example.com" })).toThrow(/KASSA_URL/);
    expect(() => assertPublicUrlConfigured({ NODE_ENV: "production", KASSA_URL: "javascript:alert(1)" })).toThrow(/KASSA_URL/);
    expect(() => assertPublicUrlConfigured({ NODE_ENV: "production", KASSA_URL: "https://pay.example.com" })).not.toThrow();
    expect(() => assertPublicUrlConfigured({ NODE_ENV: "development" })).not.toThrow();
  });

  it("in production, links come from KASSA_URL only — never from a request's Host or X-Forwarded-Host", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KASSA_URL", "https://pay.example.com/");
    const forged = new Request("http://127.0.0.1:3000/l/plink_1", { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
    expect(publicBaseUrl(requestOrigin(forged))).toBe("https://pay.example.com");
    vi.stubEnv("KASSA_URL", "");
    expect(() => publicBaseUrl(requestOrigin(forged))).toThrow(/KASSA_URL/);
  });

  it("in development without KASSA_URL, links follow the Host the developer opened; X-Forwarded-Host is ignored", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KASSA_URL", "");
    const req = new Request("http://127.0.0.1:3000/l/plink_1", { headers: { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" } });
    expect(publicBaseUrl(requestOrigin(req))).toBe("http://127.0.0.1:3000");
  });
});
