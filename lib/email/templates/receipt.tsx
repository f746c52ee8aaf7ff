import { Section, Text } from "@react-email/components";
import { EmailField, EmailLayout, emailAmount } from "./layout";

export interface ReceiptProps {
  businessName: string;
  /** Already formatted in the payment's currency ("$42.00", "¥5,000", "KWD 1.250"). */
  amount: string;
  description: string | null;
  /** e.g. "Visa •••• 4242"; null when the method has no card. */
  paidWith: string | null;
  /** The day it was paid, as the customer reads it ("2 December 2026"). */
  paidOn: string;
  /** The payment id, to quote when they contact the business. */
  reference: string;
  testMode: boolean;
}

/** The customer's receipt for a successful payment (sent to the payment's receipt_email). */
export function Receipt(p: ReceiptProps) {
  return (
    <EmailLayout
      preview={`Your receipt from ${p.businessName}: ${p.amount}`}
      heading={<>Receipt from {p.businessName}</>}
      testMode={p.testMode}
      footer={
        <>
          You received this email because you paid {p.businessName}. Questions about this payment? Reply to {p.businessName} and quote the reference above.
        </>
      }
    >
      <Text style={emailAmount}>{p.amount}</Text>
      <Section>
        <EmailField label="For">{p.description}</EmailField>
        <EmailField label="Paid on">{p.paidOn}</EmailField>
        <EmailField label="Paid with">{p.paidWith}</EmailField>
        <EmailField label="Reference">{p.reference}</EmailField>
      </Section>
    </EmailLayout>
  );
}
