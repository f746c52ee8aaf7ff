import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emails, type EmailRow } from "@/db/schema";

/**
 * The signed-in user's own mail in Kassa's outbox (what was sent, or is waiting without SMTP_URL),
 * newest first. Only the recipient sees an email: reset and sign-up links are theirs alone.
 */
export async function listMyEmails(db: Executor, { email }: { email: string }): Promise<EmailRow[]> {
  return db.select().from(emails).where(eq(emails.to, email.toLowerCase())).orderBy(desc(emails.createdAt)).limit(50);
}
