import { Section, Text } from "@react-email/components";
import { EmailField, EmailLayout, emailAmount, emailText } from "./layout";

export interface TrialEndingProps {
  businessName: string;
  /** What the subscription is for ("Pro", "Pro and Seats"). */
  plan: string;
  /** The day the trial ends ("16 March 2026"). */
  trialEnd: string;
  /**
   * What will be charged when the trial ends, formatted in the subscription's currency; null when the
   * subscription is set to end with the trial (nothing will be charged).
   */
  amount: string | null;
  /** e.g. "Visa •••• 4242"; null when no card is on file. */
  chargeTo: string | null;
  testMode: boolean;
}

/**
 * Three days before a trial ends (customer.subscription.trial_will_end). No "manage" link yet: the
 * customer billing portal (issue 15, point 6) does not exist, and the only hosted page, the trial's
 * zero-amount invoice, is no place to change a plan; the email tells the customer to reply instead.
 */
export function TrialEnding(p: TrialEndingProps) {
  return (
    <EmailLayout
      preview={p.amount ? `Your ${p.plan} trial ends on ${p.trialEnd}: ${p.amount} will be charged` : `Your ${p.plan} trial ends on ${p.trialEnd}`}
      heading={<>Your trial of {p.plan} ends soon</>}
      testMode={p.testMode}
      footer={
        <>
          You received this email because you started a trial with {p.businessName}. To change or cancel your subscription, reply to {p.businessName}.
        </>
      }
    >
      {p.amount ? <Text style={emailAmount}>{p.amount}</Text> : null}
      <Section>
        <EmailField label="Trial ends on">{p.trialEnd}</EmailField>
        {p.amount ? (
          <>
            <EmailField label="Then">{`Your subscription starts and ${p.amount} will be charged${p.chargeTo ? ` to ${p.chargeTo}` : ""}.`}</EmailField>
            {p.chargeTo ? null : <Text style={emailText}>There is no card on file yet: when the trial ends, we will email you a link to pay.</Text>}
          </>
        ) : (
          <EmailField label="Then">Your subscription ends with the trial, as you asked. Nothing will be charged.</EmailField>
        )}
      </Section>
    </EmailLayout>
  );
}
