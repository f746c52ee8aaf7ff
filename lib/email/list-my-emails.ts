import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emails, type EmailRow } from "@/db/schema";

/**
 * The signed-in user's own mail in Kassa's outbox (what was sent, or is waiting without SMTP_URL),
 * newest first. Only the recipient sees an email: reset and sign-up links are theirs alone. Only
 * Kassa's own mail: a merchant's receipt to a customer who happens to share the address is not the
 * user's to read here (any merchant could otherwise put words in a Kassa user's inbox page).
 */
export async function listMyEmails(db: Executor, { email }: { email: string }): Promise<EmailRow[]> {
  return db
    .select()
    .from(emails)
    .where(and(eq(emails.to, email.toLowerCase()), isNull(emails.merchantId)))
    .orderBy(desc(emails.createdAt))
    .limit(50);
}
