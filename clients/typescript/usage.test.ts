// The API end-to-end suite proves the document by calling the API through this client (issue 19). A spec under
// e2e/api may call an /api/v1 route with Playwright's raw `request` only where the typed client cannot express
// the call (broken JSON, a body over the limit as raw bytes, a method the document rightly lacks), and says so
// in a comment just above the call; whole files are exempt only for the reasons listed here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "../../e2e/api");

const EXEMPT: Record<string, string> = {
  "crash-recovery.spec.ts": "drives app processes it starts and kills itself, on their own ports",
  "orders-crash.spec.ts": "drives app processes it starts and kills itself, on their own ports",
  "payouts-crash.spec.ts": "drives app processes it starts and kills itself, on their own ports",
  "renewal-crash.spec.ts": "drives app processes it starts and kills itself, on their own ports",
  "upi-crash.spec.ts": "drives app processes it starts and kills itself, on their own ports",
  "crypto-refund-crash.spec.ts": "drives app processes it starts and kills itself, on their own ports and its own local chain",
  "framing.spec.ts": "about raw HTTP headers and redirects of pages, not the API",
  "checkout-page-actions.spec.ts":
    "about /api/checkout/:session/:action (the hosted checkout page's own calls, with raw Origin and Content-Type headers), not the API",
  "request-logs.spec.ts": "sends card numbers and secrets in fields the document refuses, to see them redacted in the stored row",
  "workflow-endpoint.spec.ts": "about the /api/inngest endpoint, not the API",
  "bench-floor.spec.ts": "about routes only `npm run bench:floor`'s build has, not the API",
  "keep-alive.spec.ts": "about the server's kept-alive HTTP connections, over a raw socket to /api/ping, not the API",
  "paypal-webhooks.spec.ts":
    "about /api/webhooks/paypal (PayPal's deliveries to Kassa), not the API; it starts its own app process pointed at the PayPal double",
};

const RAW_CALL = /\brequest\.(get|post|patch|put|delete|fetch)\(\s*([^,)]*)/;

describe("the API end-to-end suite uses the typed client", () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".spec.ts"));

  it("finds the suite", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const exempt of Object.keys(EXEMPT)) expect(files, exempt).toContain(exempt);
  });

  it("every /api/v1 call goes through kassa(), except raw calls that say why", () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => !(f in EXEMPT))) {
      const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
      lines.forEach((line, i) => {
        const m = RAW_CALL.exec(line);
        if (!m) return;
        const target = m[2]!.trim();
        // A literal path that is not the API (a page, /api/health, /api/webhooks/…) is not the typed client's.
        if (/^["'`]\//.test(target) && !/^["'`]\/api\/v1\//.test(target)) return;
        const above = lines.slice(Math.max(0, i - 4), i + 1).join("\n");
        if (/\/\/.*\b(raw|typed client cannot|not an \/api\/v1|not \/api\/v1|page route)\b/i.test(above)) return;
        offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("every spec that is not exempt calls kassa()", () => {
    const without = files.filter((f) => !(f in EXEMPT) && !/\bkassa\(/.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(without).toEqual([]);
  });
});
