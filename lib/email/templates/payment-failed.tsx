import { Section, Text } from "@react-email/components";
import { EmailAction, EmailField, EmailLayout, emailAmount, emailText } from "./layout";

export interface PaymentFailedProps {
  businessName: string;
  /** The invoice's number (KASSA-0001). */
  number: string;
  /** What is still owed, formatted in the invoice's currency. */
  amount: string;
  /** Why the try failed, in words for the customer ("Your card was declined."). */
  reason: string;
  /** The day of the next automatic try ("9 March 2026"); null when no more automatic tries will be made. */
  nextTry: string | null;
  /** The hosted invoice page: pay there, with the card on file or a new one. */
  url: string;
  testMode: boolean;
}

/** A try to charge an invoice failed: what happened, what happens next, and where to pay or change the card. */
export function PaymentFailed(p: PaymentFailedProps) {
  return (
    <EmailLayout
      preview={`Your payment of ${p.amount} to ${p.businessName} failed`}
      heading={<>Your payment to {p.businessName} failed</>}
      testMode={p.testMode}
      footer={
        <>
          You received this email because you have an account with {p.businessName}. Questions? Reply to {p.businessName} and quote invoice {p.number}.
        </>
      }
    >
      <Text style={emailAmount}>{p.amount}</Text>
      <Section>
        <EmailField label="Invoice">{p.number}</EmailField>
        <EmailField label="What happened">{p.reason}</EmailField>
        <EmailField label="What happens next">
          {p.nextTry
            ? `We will try to charge your card again on ${p.nextTry}. To pay now, or to pay with another card, open the invoice.`
            : "No more automatic tries will be made. To pay, open the invoice and pay it with a card that works."}
        </EmailField>
      </Section>
      <Text style={emailText}>On the invoice page you can pay with the card on file or enter a new card.</Text>
      <EmailAction href={p.url}>Pay or update your card</EmailAction>
    </EmailLayout>
  );
}
