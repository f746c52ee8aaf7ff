import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The look every customer email shares (the receipt's): one white card on a light page. */
export const emailText = { color: "#334155", fontSize: "14px", lineHeight: "22px", margin: "0 0 8px" } as const;
export const emailLabel = { ...emailText, color: "#64748b", margin: "0" } as const;
export const emailAmount = { ...emailText, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color: "#0f172a", margin: "16px 0" } as const;

export interface EmailLayoutProps {
  /** The inbox's one-line preview. */
  preview: string;
  heading: ReactNode;
  testMode: boolean;
  /** Why the customer got this email and whom to ask, under the rule. */
  footer: ReactNode;
  children: ReactNode;
}

export function EmailLayout(p: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{p.preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "480px" }}>
          {p.testMode ? <Text style={{ ...emailText, color: "#b45309", fontWeight: 600 }}>Test mode: no money moved, and this email was not sent.</Text> : null}
          <Heading as="h1" style={{ color: "#0f172a", fontSize: "20px", margin: "0 0 4px" }}>
            {p.heading}
          </Heading>
          {p.children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          <Text style={{ ...emailLabel, fontSize: "12px" }}>{p.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A labelled value ("Paid on" / "2 December 2026"); nothing when the value is missing. */
export function EmailField({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <Text style={emailLabel}>{label}</Text>
      <Text style={emailText}>{children}</Text>
    </>
  );
}

/** The email's one action, a button that stays a plain link in the text part ("Pay this invoice [url]"). */
export function EmailAction({ href, children }: { href: string; children: string }) {
  return (
    <Button
      href={href}
      style={{ backgroundColor: "#0f172a", borderRadius: "6px", color: "#ffffff", fontSize: "14px", fontWeight: 600, padding: "10px 16px", margin: "8px 0 0" }}
    >
      {children}
    </Button>
  );
}
