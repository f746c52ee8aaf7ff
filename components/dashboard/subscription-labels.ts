import type { InvoiceObject } from "@/lib/invoices/serialize";
import { formatMoney } from "@/lib/money";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

export const subscriptionTone = (status: SubscriptionObject["status"]): Tone =>
  status === "active"
    ? "green"
    : status === "trialing"
      ? "blue"
      : status === "past_due" || status === "incomplete"
        ? "amber"
        : status === "unpaid"
          ? "red"
          : "slate";

export const invoiceTone = (status: InvoiceObject["status"]): Tone =>
  status === "paid" ? "green" : status === "open" ? "blue" : status === "uncollectible" ? "red" : "slate";

/** Stripe's status names as people say them. */
export const statusWords = (status: string) => status.replaceAll("_", " ");

/** "month", "3 months": the subscription's billing interval. */
export function intervalWords(i: { interval: string; interval_count: number }): string {
  return i.interval_count === 1 ? i.interval : `${i.interval_count} ${i.interval}s`;
}

/** What one period costs: the items' unit amounts times their quantities, in minor units. */
export function amountPerPeriod(sub: Pick<SubscriptionObject, "items">): number {
  return sub.items.data.reduce((sum, i) => sum + i.price.unit_amount * i.quantity, 0);
}

/** "$62.00 / month". */
export function periodAmountLabel(sub: Pick<SubscriptionObject, "items" | "currency" | "plan_interval">): string {
  return `${formatMoney(amountPerPeriod(sub), sub.currency)} / ${intervalWords(sub.plan_interval)}`;
}

const REASONS: Record<string, string> = {
  payment_method_missing: "the customer has no saved card to charge",
  insufficient_funds: "the card has insufficient funds",
  expired_card: "the card has expired",
  incorrect_cvc: "the card's security code was wrong",
  lost_card: "the card was reported lost",
  stolen_card: "the card was reported stolen",
  card_declined: "the card's bank declined it",
  generic_decline: "the card's bank declined it without saying why",
  do_not_honor: "the card's bank declined it without saying why",
  fraudulent: "the bank suspects fraud",
  authentication_required: "the card's bank asks the customer to confirm the payment themselves",
  processing_error: "the processor had an error; a later try may work",
};

/** A decline or a missing card, in plain words ("the card has insufficient funds"). */
export function reasonWords(reason: { code: string; decline_code?: string | null; message?: string } | null | undefined): string | null {
  if (!reason) return null;
  return REASONS[reason.decline_code ?? ""] ?? REASONS[reason.code] ?? reason.message ?? reason.code;
}

const date = (seconds: number | null) => (seconds === null ? "" : new Date(seconds * 1000).toISOString().slice(0, 10));

/** What the subscription's status means for the merchant, and what happens next, in a sentence or two. */
export function explainStatus(sub: SubscriptionObject): string {
  const why = reasonWords(sub.status_reason);
  switch (sub.status) {
    case "incomplete":
      return `Waiting for its first payment: ${why ?? "the first invoice is not paid yet"}. Once the first invoice is paid it becomes active; if it is still unpaid 23 hours after it was created, the subscription expires and the invoice is voided.`;
    case "incomplete_expired":
      return "Its first invoice was not paid within 23 hours, so it never started: the invoice was voided and nothing more will be billed.";
    case "trialing":
      return sub.cancel_at_period_end
        ? `In a free trial until ${date(sub.trial_end)}, and set to cancel then: nothing will be charged.`
        : `In a free trial until ${date(sub.trial_end)}. The first charge is at the trial's end, to the customer's default card.`;
    case "active":
      return sub.cancel_at_period_end
        ? `Active, and set to cancel at the end of the period (${date(sub.current_period_end)}): no further renewal will be charged.`
        : `Active: the next renewal is on ${date(sub.current_period_end)}.`;
    case "past_due":
      return `The latest renewal payment failed${why ? ` because ${why}` : ""}. Kassa tries again on your retry schedule (Settings → Billing); a new default card is tried at once. It still counts as revenue until the retries run out.`;
    case "unpaid":
      return `Every retry failed${why ? ` (${why})` : ""}, so it is unpaid: renewals still make invoices but none is charged until the open invoice is paid.`;
    case "paused":
      return `Paused since ${date(sub.paused_at)}: no invoices are made. Resuming starts a new billing period at once.`;
    case "canceled": {
      const reason = sub.cancellation_details.reason === "payment_failed" ? "after its payment retries ran out" : "on request";
      return `Ended on ${date(sub.ended_at)} ${reason}. Nothing more will be billed.`;
    }
  }
}
