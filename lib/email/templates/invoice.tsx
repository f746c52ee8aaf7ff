import { Section, Text } from "@react-email/components";
import { EmailAction, EmailField, EmailLayout, emailAmount, emailLabel, emailText } from "./layout";

export interface InvoiceEmailLine {
  description: string;
  /** Formatted in the invoice's currency; negative for a credit ("-$5.00"). */
  amount: string;
}

export interface InvoiceEmailProps {
  businessName: string;
  /** KASSA-0001 */
  number: string;
  /** What the customer owes (or paid), formatted in the invoice's currency ("$20.00", "¥1,000", "KWD 10.000"). */
  amount: string;
  /** Due now, or already paid (the renewal's charge went through before this email was made). */
  status: "due" | "paid";
  /** The day it was paid ("2 December 2026"); only when paid. */
  paidOn: string | null;
  /**
   * The card Kassa is about to charge for a due invoice ("Visa •••• 4242"): the customer has nothing to do
   * (a renewal's email may be made before its charge is). Null when the customer has to pay on the page.
   */
  chargeTo: string | null;
  /** The billed period ("1 March 2026 – 1 April 2026"), for a subscription's invoice. */
  period: string | null;
  /** The first few lines; `moreLines` counts the rest, which the hosted page shows. */
  lines: InvoiceEmailLine[];
  moreLines: number;
  /** The hosted invoice page (hosted_invoice_url): view, pay, download the PDF. */
  url: string;
  testMode: boolean;
}

/** A finalized invoice with something to pay, sent to the invoice's customer_email. */
export function InvoiceEmail(p: InvoiceEmailProps) {
  const due = p.status === "due";
  return (
    <EmailLayout
      preview={due ? `Invoice ${p.number} from ${p.businessName}: ${p.amount} due` : `Invoice ${p.number} from ${p.businessName}: ${p.amount} paid`}
      heading={
        <>
          Invoice {p.number} from {p.businessName}
        </>
      }
      testMode={p.testMode}
      footer={
        <>
          You received this email because you have an account with {p.businessName}. Questions about this invoice? Reply to {p.businessName} and quote invoice{" "}
          {p.number}.
        </>
      }
    >
      <Text style={emailAmount}>{p.amount}</Text>
      <Section>
        <EmailField label="Status">{!due ? `Paid on ${p.paidOn}` : p.chargeTo ? `Due now, charged automatically to ${p.chargeTo}` : "Due now"}</EmailField>
        <EmailField label="Period">{p.period}</EmailField>
        <Text style={emailLabel}>Summary</Text>
        {p.lines.map((l, i) => (
          <Text key={i} style={emailText}>
            {l.description}: {l.amount}
          </Text>
        ))}
        {p.moreLines > 0 ? <Text style={emailText}>and {p.moreLines === 1 ? "1 more line" : `${p.moreLines} more lines`} on the invoice.</Text> : null}
      </Section>
      <EmailAction href={p.url}>{due && !p.chargeTo ? "Pay this invoice" : "View invoice"}</EmailAction>
    </EmailLayout>
  );
}
