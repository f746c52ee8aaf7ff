import { and, asc, eq, lt } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Executor } from "@/db/client";
import { emails } from "@/db/schema";
import { logger } from "@/lib/logger";
import { commitPlatformWrites } from "@/lib/service/commit";

const MAX_ATTEMPTS = 5;

let transport: { url: string; t: Transporter } | undefined;
async function transporter(url: string): Promise<Transporter> {
  if (transport?.url !== url) {
    const nodemailer = await import("nodemailer");
    transport = { url, t: nodemailer.createTransport(url) };
  }
  return transport.t;
}

/**
 * Sends what is queued through SMTP_URL (nodemailer). Without it the emails stay in the outbox, where
 * their recipients read them on the dashboard's Emails page; in development each is also printed once
 * to the server's console, so a developer can follow a reset or sign-up link.
 */
export async function deliverQueuedEmails(db: Executor, env: Record<string, string | undefined> = process.env): Promise<number> {
  const queued = await db
    .select()
    .from(emails)
    .where(and(eq(emails.status, "queued"), lt(emails.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(emails.createdAt))
    .limit(20);
  if (!env.SMTP_URL) {
    for (const e of queued.filter((q) => q.attempts === 0)) {
      if (env.NODE_ENV === "development") console.log(`\n  Email to ${e.to}: ${e.subject}\n  ${e.text.replace(/\n/g, "\n  ")}\n`);
      await commitPlatformWrites(db, (db) => [db.update(emails).set({ attempts: 1 }).where(eq(emails.id, e.id))]);
    }
    return 0;
  }
  const t = await transporter(env.SMTP_URL);
  let sent = 0;
  for (const e of queued) {
    try {
      await t.sendMail({
        from: env.SMTP_FROM ?? "Kassa <no-reply@kassa.invalid>",
        to: e.to,
        subject: e.subject,
        text: e.text,
        ...(e.html ? { html: e.html } : {}),
      });
      await commitPlatformWrites(db, (db) => [
        db
          .update(emails)
          .set({ status: "sent", sentAt: new Date(), attempts: e.attempts + 1, lastError: null })
          .where(eq(emails.id, e.id)),
      ]);
      sent++;
    } catch (error) {
      const attempts = e.attempts + 1;
      await commitPlatformWrites(db, (db) => [
        db
          .update(emails)
          .set({ attempts, lastError: String((error as Error).message).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? "failed" : "queued" })
          .where(eq(emails.id, e.id)),
      ]);
      logger.warn({ email: e.id, attempts }, "email not sent");
    }
  }
  return sent;
}

/** After a commit that queued emails: deliver them without making the request wait. */
export function deliverEmailsSoon(db: Executor): void {
  setImmediate(() => {
    deliverQueuedEmails(db).catch((err: unknown) => logger.warn({ err }, "email delivery failed"));
  });
}
