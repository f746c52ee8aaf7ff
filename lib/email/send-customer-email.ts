import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { sendEmail } from "./deliver-emails";

/**
 * Sends one of the merchant's customer emails (queued by its workflow's previous step) through
 * SMTP_URL and returns its status. A failure is recorded on the email and rethrown, so the workflow
 * step retries it; a sent email, a test-mode one, or one waiting for SMTP_URL is left as it is.
 */
export async function sendCustomerEmail({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<string> {
  const db = await executor(ctx);
  const [email] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.id, id), eq(emails.merchantId, ctx.merchantId), eq(emails.livemode, ctx.livemode)));
  if (!email) throw new KassaError("resource_missing", `No such email: '${id}'`, { param: "id" });
  return sendEmail(db, email);
}
