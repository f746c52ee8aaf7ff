import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

export async function createSession(request: APIRequestContext, key: string, extra: Record<string, unknown> = {}) {
  const res = await request.post("/api/v1/checkout/sessions", {
    headers: auth(key),
    data: {
      amount: 4200,
      currency: "usd",
      description: "Order 42",
      success_url: "https://shop.example/thanks",
      cancel_url: "https://shop.example/cart",
      ...extra,
    },
  });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body as { id: string; url: string; status: string; payment: string | null; expires_at: number };
}

export async function getSession(request: APIRequestContext, key: string, id: string) {
  const res = await request.get(`/api/v1/checkout/sessions/${id}`, { headers: auth(key) });
  expect(res.status()).toBe(200);
  return (await res.json()) as { id: string; status: string; payment: string | null };
}

export async function getPayment(request: APIRequestContext, key: string, id: string) {
  const res = await request.get(`/api/v1/payments/${id}`, { headers: auth(key) });
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    id: string;
    status: string;
    amount: number;
    amount_received: number;
    last_payment_error: { code: string; decline_code: string | null } | null;
  };
}

/** Fills the sandbox card form (inside `scope`, a page or an iframe) and presses Pay. */
export async function payWithCard(scope: Pick<Page, "getByLabel" | "getByRole">, number: string, label = "Pay $42.00") {
  await scope.getByLabel("Card number").fill(number);
  await scope.getByLabel("Expiry date").fill("12 / 34");
  await scope.getByLabel("CVC").fill("123");
  await scope.getByRole("button", { name: label }).click();
}

/**
 * No serious or critical axe violations on the page as it is now. First waits for the document's <title>: on a
 * client navigation or an action's refresh Next.js removes the old page's title and inserts the next one a few
 * milliseconds apart (20–40 ms measured), and axe run in that gap reported "document-title". A page with no title
 * at all still fails, when the wait runs out.
 */
export async function expectAccessible(page: Page) {
  await expect.poll(() => page.title(), { message: "the page has a <title>" }).not.toBe("");
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A throwaway website on another origin (the merchant's shop, or someone else's). */
export async function startSite(routes: Record<string, (url: URL) => string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const route = routes[url.pathname];
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(route(url));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
