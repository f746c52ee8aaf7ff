import { describe, expect, it } from "vitest";
import { appCsp, checkoutCsp, embedOriginParam } from "./csp";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("checkout CSP", () => {
  it("allows self and exactly Stripe's documented domains", () => {
    const d = directives(checkoutCsp({ nonce: "abc", frameAncestor: null }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc'", "https://js.stripe.com", "https://*.js.stripe.com"]);
    expect(d["frame-src"]).toEqual(["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"]);
    expect(d["connect-src"]).toEqual(["'self'", "https://api.stripe.com"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("lets exactly one origin frame the page in the embed flow", () => {
    const d = directives(checkoutCsp({ nonce: "n", frameAncestor: "https://shop.test" }));
    expect(d["frame-ancestors"]).toEqual(["https://shop.test"]);
  });

  it("takes only a bare http(s) origin as embed_origin", () => {
    expect(embedOriginParam("https://shop.test")).toBe("https://shop.test");
    expect(embedOriginParam("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
    for (const bad of [
      "https://shop.test/",
      "https://shop.test/x",
      "javascript:alert(1)",
      "*",
      "'self' https://evil.test",
      "https://a.test https://b.test",
      "",
      null,
      undefined,
    ]) {
      expect(embedOriginParam(bad)).toBeNull();
    }
  });
});

describe("every other page's CSP", () => {
  it("runs scripts only with the nonce (and what they load), from this origin, never framed", () => {
    const d = directives(appCsp({ nonce: "n0" }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-n0'", "'strict-dynamic'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
  });
  it("lets the dev server's HMR socket and eval in only in development", () => {
    const d = directives(appCsp({ nonce: "n0", dev: true }));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  });
});
