import { getBillingSettings } from "@/lib/billing/settings";
import { executor, type ServiceContext } from "@/lib/service/context";
import { collectInvoice } from "./collect-invoice";

export interface CollectStepResult {
  status: "paid" | "failed" | "pending" | "not_open";
  /** The next scheduled try (ISO), or null. */
  retryAt: string | null;
  /** For a try that will not be retried on schedule (a hard decline): until when a new card still gets a try. */
  giveUpAt: string | null;
  attemptCount: number;
  code: string | null;
}

/** collectInvoice for a workflow step: a plain JSON summary (step results are stored as JSON). */
export async function collectInvoiceStep({ ctx, invoiceId }: { ctx: ServiceContext; invoiceId: string }): Promise<CollectStepResult> {
  const outcome = await collectInvoice({ ctx, invoiceId });
  const base = { attemptCount: outcome.invoice.attemptCount, retryAt: null, giveUpAt: null, code: null };
  if (outcome.status !== "failed") return { ...base, status: outcome.status };
  let giveUpAt: string | null = null;
  if (!outcome.retryAt && outcome.hard && outcome.invoice.billingReason !== "subscription_create") {
    // Waits for a new card as long as the schedule would have kept trying.
    const settings = await getBillingSettings(await executor(ctx), ctx.merchantId);
    const lastDay = settings.retryDays.at(-1) ?? 0;
    const end = outcome.invoice.periodStart.getTime() + lastDay * 86_400_000;
    giveUpAt = new Date(end).toISOString();
  }
  return { ...base, status: "failed", retryAt: outcome.retryAt?.toISOString() ?? null, giveUpAt, code: outcome.error.decline_code ?? outcome.error.code };
}
