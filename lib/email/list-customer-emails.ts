import { and, desc, eq, lt } from "drizzle-orm";
import { emails, type EmailRow } from "@/db/schema";
import { isId } from "@/lib/ids";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";

const PAGE = 25;

/**
 * The merchant's mail to its customers in this mode (receipts, invoices, failed payments, trial reminders), newest first, in keyset pages
 * by id (`before`: the last id of the page before). In test mode these were never sent: this is where
 * the merchant sees what a customer would have got.
 */
export async function listCustomerEmails({ ctx, before }: { ctx: ServiceContext; before?: string }): Promise<{ data: EmailRow[]; hasMore: boolean }> {
  requirePermission(ctx, "customers:read");
  if (before !== undefined && !isId("email", before)) throw new KassaError("parameter_invalid", "before is not an email id", { param: "before" });
  const rows = await (
    await executor(ctx)
  )
    .select()
    .from(emails)
    .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.livemode, ctx.livemode), ...(before ? [lt(emails.id, before)] : [])))
    .orderBy(desc(emails.id))
    .limit(PAGE + 1);
  return { data: rows.slice(0, PAGE), hasMore: rows.length > PAGE };
}
