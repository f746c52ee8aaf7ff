// The invoice PDF: rendered uncompressed, its text read back from the page content (pdfkit writes each run
// of text as hex strings in a TJ array, in Windows-1252), so the test sees what a reader sees.
import { describe, expect, it } from "vitest";
import type { InvoiceLineRow, InvoiceRow } from "@/db/schema";
import { renderInvoicePdf, winAnsi } from "./render-invoice-pdf";

const issued = new Date("2026-12-02T15:04:05Z");
const periodEnd = new Date("2027-01-02T15:04:05Z");

function invoice(over: Partial<InvoiceRow> = {}): InvoiceRow {
  return {
    id: "in_test",
    merchantId: "mer_test",
    livemode: false,
    customer: "cus_test",
    subscription: "sub_test",
    status: "open",
    number: "KASSA-0001",
    currency: "usd",
    billingReason: "subscription_update",
    periodStart: issued,
    periodEnd,
    subtotal: 123456n,
    total: 123456n,
    startingBalance: -1000n,
    endingBalance: 0n,
    amountDue: 122456n,
    amountPaid: 0n,
    attemptCount: 1,
    nextPaymentAttempt: null,
    payment: null,
    lastPaymentError: null,
    hostedToken: "x".repeat(43),
    customerEmail: "ada@example.test",
    customerName: "Ada Buyer",
    description: null,
    renewalKey: null,
    metadata: {},
    finalizedAt: issued,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
    createdAt: issued,
    updatedAt: issued,
    ...over,
  };
}

function line(description: string, amount: bigint, over: Partial<InvoiceLineRow> = {}): InvoiceLineRow {
  return {
    id: `il_${description.length}_${amount}`,
    merchantId: "mer_test",
    livemode: false,
    invoice: "in_test",
    subscription: "sub_test",
    subscriptionItem: null,
    price: null,
    description,
    quantity: 1,
    currency: "usd",
    amount,
    proration: false,
    periodStart: issued,
    periodEnd,
    createdAt: issued,
    updatedAt: issued,
    ...over,
  };
}

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads that range as Latin-1 control characters).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const cp1252 = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join("");

/** Every run of text on the pages, in order (one TJ array is one run: its hex pieces joined, kerning dropped). */
function textRuns(pdf: Buffer): string[] {
  const runs: string[] = [];
  for (const tj of pdf.toString("latin1").matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((m) => m[1]!).join("");
    runs.push(cp1252(Buffer.from(hex, "hex")));
  }
  return runs;
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

describe("renderInvoicePdf", () => {
  it("writes the number, business, customer, dates, every line and every total", async () => {
    const lines = [
      line("2 × Team (at $600.00 / month)", 120000n, { quantity: 2 }),
      line("Remaining time on Team after 2 Dec 2026", 4456n, { proration: true }),
      line("Unused time on Starter", -1000n, { proration: true }),
    ];
    const pdf = await renderInvoicePdf(invoice({ subtotal: 123456n, total: 123456n }), lines, "Shop Zürich", { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const runs = textRuns(pdf);
    for (const expected of [
      "Shop Zürich",
      "Invoice",
      "TEST MODE",
      "KASSA-0001",
      "Open",
      "Dec 2, 2026",
      "Dec 2, 2026 – Jan 2, 2027",
      "Ada Buyer",
      "ada@example.test",
      "$1,224.56 due",
      "2 × Team (at $600.00 / month)",
      "Remaining time on Team after 2 Dec 2026",
      "Unused time on Starter",
      "$1,200.00",
      "$44.56",
      "-$10.00",
      "Proration · Dec 2, 2026 – Jan 2, 2027",
      "Subtotal",
      "$1,234.56",
      "Starting balance",
      "Amount due",
      "$1,224.56",
      "Amount paid",
      "$0.00",
      "Amount remaining",
    ]) {
      expect(runs, expected).toContain(expected);
    }
    // The quantity column: 2 for the first line.
    expect(runs.slice(runs.indexOf("2 × Team (at $600.00 / month)"), runs.indexOf("2 × Team (at $600.00 / month)") + 2)).toEqual([
      "2 × Team (at $600.00 / month)",
      "2",
    ]);
    // Only prorations are marked so.
    expect(runs.filter((r) => r.startsWith("Proration"))).toHaveLength(2);
    expect(pageCount(pdf)).toBe(1);
  });

  it("a paid invoice says when it was paid and shows nothing remaining; live mode has no test banner", async () => {
    const paidAt = new Date("2026-12-03T23:59:59Z");
    const pdf = await renderInvoicePdf(
      invoice({ status: "paid", livemode: true, amountPaid: 122456n, paidAt, startingBalance: 0n }),
      [line("1 × Pro (at $1,234.56 / month)", 123456n)],
      "Shop",
      { compress: false },
    );
    const runs = textRuns(pdf);
    expect(runs).toContain("Paid");
    expect(runs).toContain("Dec 3, 2026");
    expect(runs).toContain("$1,224.56 paid on Dec 3, 2026");
    expect(runs).not.toContain("TEST MODE");
    expect(runs).not.toContain("Starting balance");
    const remaining = runs.indexOf("Amount remaining");
    expect(runs[remaining + 1]).toBe("$0.00");
  });

  it("amounts in a currency whose sign the PDF fonts lack use its code (INR), JPY keeps no decimals", async () => {
    const inr = await renderInvoicePdf(
      invoice({ currency: "inr", subtotal: 99900n, total: 99900n, startingBalance: 0n, amountDue: 99900n }),
      [line("1 × Pro (at ₹999.00 / month)", 99900n, { currency: "inr" })],
      "Shop",
      { compress: false },
    );
    const runs = textRuns(inr);
    expect(runs).toContain("INR\u00a0999.00 due");
    expect(runs).toContain("1 × Pro (at INR 999.00 / month)");
    const jpy = await renderInvoicePdf(
      invoice({ currency: "jpy", subtotal: 5000n, total: 5000n, startingBalance: 0n, amountDue: 5000n }),
      [line("1 × Pro (at ¥5,000 / month)", 5000n, { currency: "jpy" })],
      "Shop",
      { compress: false },
    );
    expect(textRuns(jpy)).toContain("¥5,000 due");
  });

  it("many lines flow onto more pages, each line and the totals still there", async () => {
    const lines = Array.from({ length: 70 }, (_, i) => line(`Seat ${i + 1}`, 1000n));
    const pdf = await renderInvoicePdf(invoice({ subtotal: 70000n, total: 70000n, startingBalance: 0n, amountDue: 70000n }), lines, "Shop", {
      compress: false,
    });
    const runs = textRuns(pdf);
    expect(pageCount(pdf)).toBeGreaterThan(1);
    for (let i = 1; i <= 70; i++) expect(runs).toContain(`Seat ${i}`);
    expect(runs).toContain("$700.00 due");
    // The table's header is repeated on the next page.
    expect(runs.filter((r) => r === "Description").length).toBe(pageCount(pdf));
  });

  it("compressed by default, and the same invoice gives the same bytes", async () => {
    const a = await renderInvoicePdf(invoice(), [line("1 × Pro", 123456n)], "Shop");
    const b = await renderInvoicePdf(invoice(), [line("1 × Pro", 123456n)], "Shop");
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.toString("latin1")).toContain("/FlateDecode");
    expect(textRuns(a)).toEqual([]);
    expect(a.equals(b)).toBe(true);
  });

  it("winAnsi keeps what the fonts can show and replaces the rest", () => {
    expect(winAnsi("Zürich – “quoted” € 5 × 2", "eur")).toBe("Zürich – “quoted” € 5 × 2");
    expect(winAnsi("₹100 for 李", "inr")).toBe("INR 100 for ?");
    expect(winAnsi("a\tb\nc", "usd")).toBe("a b c");
  });
});
