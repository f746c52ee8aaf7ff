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

  it("in development, a link follows the address the merchant used: localhost, 127.0.0.1, a LAN address, IPv6", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KASSA_URL", "");
    for (const host of ["localhost:3000", "127.0.0.1:4123", "192.168.1.20:3000", "[::1]:3000", "kassa.local:3000"]) {
      const req = new Request(`http://${host}/api/v1/checkout/sessions`, { method: "POST", headers: { host } });
      expect(publicBaseUrl(requestOrigin(req))).toBe(`http://${host}`);
    }
    // Without a request (the first-start banner), localhost on the port in use.
    vi.stubEnv("PORT", "4123");
    expect(publicBaseUrl()).toBe("http://localhost:4123");
  });

  it("in development, a forged Host yields only an http(s) origin: no other scheme, path, query or credentials", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KASSA_URL", "");
    vi.stubEnv("PORT", "3000");
    expect(publicBaseUrl("http://evil.example/phish?x=1#y")).toBe("http://evil.example");
    expect(publicBaseUrl("http://user:pw@evil.example:81")).toBe("http://evil.example:81");
    expect(publicBaseUrl("https://127.0.0.1:3000")).toBe("https://127.0.0.1:3000");
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://127.0.0.1",
      "http://javascript:alert(1)",
      "http://exa mple",
      "not a url",
    ]) {
      expect(publicBaseUrl(bad), bad).toBe("http://localhost:3000");
    }
    const forged = new Request("http://127.0.0.1:3000/l/plink_1", { headers: { host: "evil.example/x?" } });
    expect(publicBaseUrl(requestOrigin(forged))).toBe("http://evil.example");
  });

  it("in development, KASSA_URL when set wins over the request's Host", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KASSA_URL", "https://pay.example.com");
    expect(publicBaseUrl("http://127.0.0.1:3000")).toBe("https://pay.example.com");
  });
});
