import { and, asc, eq, isNull, lt } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Executor } from "@/db/client";
import { emails, type EmailRow } from "@/db/schema";
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
 * Sends Kassa's own queued mail (sign-up, password reset) through SMTP_URL (nodemailer). Without it
 * the emails stay in the outbox, where their recipients read them on the dashboard's Emails page; in
 * development each is also printed once to the server's console, so a developer can follow a reset or
 * sign-up link. A merchant's mail to its customers is sent by its own workflow step (sendEmail), never
 * here, so the two never send one email twice.
 */
export async function deliverQueuedEmails(db: Executor, env: Record<string, string | undefined> = process.env): Promise<number> {
  const queued = await db
    .select()
    .from(emails)
    .where(and(eq(emails.status, "queued"), lt(emails.attempts, MAX_ATTEMPTS), isNull(emails.merchantId)))
    .orderBy(asc(emails.createdAt))
    .limit(20);
  if (!env.SMTP_URL) {
    for (const e of queued.filter((q) => q.attempts === 0)) {
      if (env.NODE_ENV === "development") console.log(`\n  Email to ${e.to}: ${e.subject}\n  ${e.text.replace(/\n/g, "\n  ")}\n`);
      await commitPlatformWrites(db, (db) => [db.update(emails).set({ attempts: 1 }).where(eq(emails.id, e.id))]);
    }
    return 0;
  }
  let sent = 0;
  for (const e of queued) if ((await sendEmail(db, e, env).catch(() => "queued")) === "sent") sent++;
  return sent;
}

/**
 * One queued email through SMTP_URL, its outcome recorded: `sent`, or on a failure its attempt and
 * error (`failed` after the last attempt) and the error rethrown, so a workflow step retries it.
 * Without SMTP_URL it stays queued. Anything not queued is left as it is.
 */
export async function sendEmail(db: Executor, e: EmailRow, env: Record<string, string | undefined> = process.env): Promise<EmailRow["status"]> {
  if (e.status !== "queued" || !env.SMTP_URL) return e.status;
  const t = await transporter(env.SMTP_URL);
  try {
    await t.sendMail({
      from: env.SMTP_FROM ?? "Kassa <no-reply@kassa.invalid>",
      to: e.to,
      subject: e.subject,
      text: e.text,
      ...(e.html ? { html: e.html } : {}),
    });
  } catch (error) {
    const attempts = e.attempts + 1;
    await commitPlatformWrites(db, (db) => [
      db
        .update(emails)
        .set({ attempts, lastError: String((error as Error).message).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? "failed" : "queued" })
        .where(eq(emails.id, e.id)),
    ]);
    logger.warn({ email: e.id, attempts }, "email not sent");
    throw error;
  }
  await commitPlatformWrites(db, (db) => [
    db
      .update(emails)
      .set({ status: "sent", sentAt: new Date(), attempts: e.attempts + 1, lastError: null })
      .where(eq(emails.id, e.id)),
  ]);
  return "sent";
}

/** After a commit that queued emails: deliver them without making the request wait. */
export function deliverEmailsSoon(db: Executor): void {
  setImmediate(() => {
    deliverQueuedEmails(db).catch((err: unknown) => logger.warn({ err }, "email delivery failed"));
  });
}
