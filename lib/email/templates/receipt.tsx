import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

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

const text = { color: "#334155", fontSize: "14px", lineHeight: "22px", margin: "0 0 8px" } as const;
const label = { ...text, color: "#64748b", margin: "0" } as const;

/** The customer's receipt for a successful payment (sent to the payment's receipt_email). */
export function Receipt(p: ReceiptProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your receipt from ${p.businessName}: ${p.amount}`}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "480px" }}>
          {p.testMode ? <Text style={{ ...text, color: "#b45309", fontWeight: 600 }}>Test mode: no money moved, and this email was not sent.</Text> : null}
          <Heading as="h1" style={{ color: "#0f172a", fontSize: "20px", margin: "0 0 4px" }}>
            Receipt from {p.businessName}
          </Heading>
          <Text style={{ ...text, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color: "#0f172a", margin: "16px 0" }}>{p.amount}</Text>
          <Section>
            {p.description ? (
              <>
                <Text style={label}>For</Text>
                <Text style={text}>{p.description}</Text>
              </>
            ) : null}
            <Text style={label}>Paid on</Text>
            <Text style={text}>{p.paidOn}</Text>
            {p.paidWith ? (
              <>
                <Text style={label}>Paid with</Text>
                <Text style={text}>{p.paidWith}</Text>
              </>
            ) : null}
            <Text style={label}>Reference</Text>
            <Text style={text}>{p.reference}</Text>
          </Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          <Text style={{ ...label, fontSize: "12px" }}>
            You received this email because you paid {p.businessName}. Questions about this payment? Reply to {p.businessName} and quote the reference above.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
