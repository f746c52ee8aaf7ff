// Clickjacking: no dashboard, auth or API page can be framed; the checkout flow only through the embed flow.
import { expect, test } from "@playwright/test";

test("dashboard, sign-in and API answers refuse every framer", async ({ request }) => {
  for (const path of ["/login", "/signup", "/dashboard", "/payments", "/developers/api-keys", "/api/health", "/"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains"); // next start is a production build
  }
});

test("a checkout page outside the embed flow cannot be framed either", async ({ request }) => {
  const res = await request.get("/l/plink_doesnotexist", { maxRedirects: 0 });
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
});

test("a payment link's pages ignore embed_origin: links register no embed origins, so nobody may frame them", async ({ request }) => {
  for (const path of ["/l/plink_doesnotexist/amount?embed_origin=https://evil.example", "/l/plink_doesnotexist?embed_origin=https://evil.example"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("evil.example");
  }
});

test("every dashboard and sign-in page has a nonce CSP: scripts only from this origin with this response's nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/login", "/signup", "/login"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    const script =
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src")) ?? "";
    expect(script, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    nonces.add(/'nonce-([^']+)'/.exec(script)![1]!);
  }
  expect(nonces.size).toBe(3); // a fresh nonce per response
});
