import PDFDocument from "pdfkit";
import type { InvoiceLineRow, InvoiceRow } from "@/db/schema";
import { currencyExponent, formatMoney, toDecimalString } from "@/lib/money";
import { describeInvoice, type InvoiceDocument } from "./invoice-document";

/**
 * The invoice as a PDF (pdfkit, drawn as text — not a screenshot of the page): the same facts as the hosted
 * page, from the same description (describeInvoice). Pure: the invoice, its lines and the business name in,
 * the file's bytes out; its creation date is the invoice's, so the same invoice gives the same file.
 * `compress: false` leaves the page's text readable in the file (the test reads it back).
 */
export function renderInvoicePdf(
  invoice: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  businessName: string,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const currency = invoice.currency;
  const view = describeInvoice(invoice, lines, businessName, pdfMoney);
  const t = (s: string) => winAnsi(s, currency);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: opts.compress ?? true,
    info: {
      Title: t(`Invoice ${view.number}`),
      Author: t(businessName),
      Subject: t(`Invoice ${view.number} from ${businessName}`),
      Producer: "Kassa",
      Creator: "Kassa",
      CreationDate: invoice.finalizedAt ?? invoice.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, view, t);
  doc.end();
  return done;
}

const MARGIN = 50;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";

type Doc = InstanceType<typeof PDFDocument>;

function draw(doc: Doc, v: InvoiceDocument, t: (s: string) => string): void {
  const left = MARGIN;
  const right = doc.page.width - MARGIN;
  const width = right - left;
  const bottom = () => doc.page.height - MARGIN;

  // Heading: who bills, which invoice, its status.
  doc
    .fillColor(INK)
    .font("Helvetica-Bold")
    .fontSize(16)
    .text(t(v.businessName), left, MARGIN, { width: width * 0.6 });
  doc.font("Helvetica-Bold").fontSize(20).text("Invoice", left, MARGIN, { width, align: "right" });
  if (v.testMode)
    doc
      .font("Helvetica-Bold")
      .fontSize(9)
      .fillColor("#92400e")
      .text("TEST MODE", left, MARGIN + 26, { width, align: "right" });

  let y = MARGIN + 60;
  const facts: [string, string][] = [
    ["Invoice number", v.number],
    ["Status", v.statusLabel],
    ["Date of issue", v.issued ?? "-"],
    ["Billing period", v.period],
  ];
  if (v.paidAt) facts.push(["Paid on", v.paidAt]);
  if (v.voidedAt) facts.push(["Voided on", v.voidedAt]);
  const factsTop = y;
  for (const [label, value] of facts) {
    doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(label, left, y, { width: 90 });
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(INK)
      .text(t(value), left + 95, y, { width: width / 2 - 95 });
    y += 15;
  }
  let billedY = factsTop;
  doc
    .font("Helvetica-Bold")
    .fontSize(9)
    .fillColor(MUTED)
    .text("Billed to", left + width / 2, billedY, { width: width / 2 });
  billedY += 15;
  for (const line of [v.customerName, v.customerEmail].filter((s): s is string => !!s)) {
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(INK)
      .text(t(line), left + width / 2, billedY, { width: width / 2 });
    billedY += 15;
  }
  y = Math.max(y, billedY) + 12;

  // What it comes to, in one line.
  const headline = v.payable
    ? `${v.amountRemaining} due`
    : v.status === "paid"
      ? `${v.amountPaid} paid${v.paidAt ? ` on ${v.paidAt}` : ""}`
      : `${v.statusLabel}: nothing to pay`;
  doc.font("Helvetica-Bold").fontSize(14).fillColor(INK).text(t(headline), left, y, { width });
  y += 24;
  if (v.description) {
    doc.font("Helvetica").fontSize(9).fillColor(INK).text(t(v.description), left, y, { width });
    y = doc.y + 10;
  }

  // The lines: description (with its period, prorations marked), quantity, amount.
  const qtyX = left + width - 170;
  const amountX = left + width - 100;
  const header = () => {
    doc.font("Helvetica-Bold").fontSize(9).fillColor(MUTED);
    doc.text("Description", left, y, { width: qtyX - left - 10 });
    doc.text("Qty", qtyX, y, { width: 60, align: "right" });
    doc.text("Amount", amountX, y, { width: 100, align: "right" });
    y += 14;
    doc.moveTo(left, y).lineTo(right, y).strokeColor(RULE).lineWidth(0.5).stroke();
    y += 6;
  };
  header();
  for (const line of v.lines) {
    const descWidth = qtyX - left - 10;
    doc.font("Helvetica").fontSize(9);
    const height = doc.heightOfString(t(line.description), { width: descWidth }) + 14;
    if (y + height > bottom() - 20) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    doc.fillColor(INK).text(t(line.description), left, y, { width: descWidth });
    const below = doc.y;
    doc.text(String(line.quantity), qtyX, y, { width: 60, align: "right" });
    doc.text(t(line.amount), amountX, y, { width: 100, align: "right" });
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(t(line.proration ? `Proration · ${line.period}` : line.period), left, below + 1, { width: descWidth });
    y = doc.y + 8;
  }
  doc.moveTo(left, y).lineTo(right, y).strokeColor(RULE).lineWidth(0.5).stroke();
  y += 8;

  // Totals, right-aligned.
  if (y + v.totals.length * 15 + 40 > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  for (const row of v.totals) {
    const strong = row.key === "amount_due" || row.key === "amount_remaining";
    doc
      .font(strong ? "Helvetica-Bold" : "Helvetica")
      .fontSize(9)
      .fillColor(INK);
    doc.text(row.label, left + width - 260, y, { width: 150, align: "right" });
    doc.text(t(row.value), amountX, y, { width: 100, align: "right" });
    y += 15;
  }
  y += 16;
  doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(`Amounts in ${v.currency.toUpperCase()}. Dates in UTC. Payments by Kassa.`, left, y, { width });
}

/**
 * Characters the PDF's built-in fonts can show (Windows-1252): Latin-1 and a few more. A currency sign
 * they lack (₹, ₩…) becomes the invoice's currency code; anything else they lack becomes "?".
 */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022,
  0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const encodable = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);

export function winAnsi(text: string, currency: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (encodable(code)) out += ch;
    else if (/\s/u.test(ch)) out += " ";
    else if (/\p{Sc}/u.test(ch)) out += `${currency.toUpperCase()} `;
    else out += "?";
  }
  return out;
}

/** formatMoney, or with the currency's code where its sign is not in the PDF's fonts ("INR 1,000.00"). */
function pdfMoney(amount: bigint, currency: string): string {
  const shown = formatMoney(amount, currency);
  if ([...shown].every((ch) => encodable(ch.codePointAt(0)!))) return shown;
  const exp = currencyExponent(currency);
  const format = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    currencyDisplay: "code",
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  });
  return winAnsi(format.format(toDecimalString(amount, currency) as unknown as number), currency);
}
