// The email outbox against a real SMTP server on loopback (smtp-server), as a merchant's SMTP relay would be.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { emails } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { deliverQueuedEmails } from "./deliver-emails";
import { listMyEmails } from "./list-my-emails";
import { queueEmail } from "./queue-email";

let h: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  h = await freshPostgres("email");
  db = h.db;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await h.close();
});

describe("the email outbox", () => {
  it("without SMTP_URL, an email waits in the outbox for its recipient (and only them) to read", async () => {
    const id = await queueEmail(db, { to: "ada@example.test", subject: "Hello", text: "A link: https://x/1", kind: "test" });
    expect(await deliverQueuedEmails(db, { NODE_ENV: "test" })).toBe(0);
    const [row] = await db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect((await listMyEmails(db, { email: "ADA@example.test" })).map((e) => e.id)).toContain(id);
    expect((await listMyEmails(db, { email: "eve@example.test" })).map((e) => e.id)).not.toContain(id);
  });

  it("with SMTP_URL, queued emails are sent over SMTP and marked sent", async () => {
    const id = await queueEmail(db, {
      to: "grace@example.test",
      subject: "Reset your Kassa password",
      text: "https://kassa.test/reset-password/abc",
      kind: "password_reset",
    });
    const sent = await deliverQueuedEmails(db, { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "Kassa <no-reply@kassa.test>" });
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = received.find((r) => r.to.includes("grace@example.test"));
    expect(mail?.raw).toContain("Subject: Reset your Kassa password");
    expect(mail?.raw).toContain("https://kassa.test/reset-password/abc");
    const [row] = await db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({ status: "sent" });
    expect(row!.sentAt).not.toBeNull();
  });

  it("an SMTP server that does not answer leaves the email queued with its error, and fails it after 5 tries", async () => {
    const id = await queueEmail(db, { to: "lin@example.test", subject: "x", text: "y", kind: "test" });
    await db.update(emails).set({ status: "sent" }).where(eq(emails.status, "queued")); // only this one is queued now
    await db.update(emails).set({ status: "queued" }).where(eq(emails.id, id));
    const dead = { SMTP_URL: "smtp://127.0.0.1:9/?connectionTimeout=500&greetingTimeout=500" };
    for (let i = 1; i <= 5; i++) await deliverQueuedEmails(db, dead);
    const [row] = await db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: 5 });
    expect(row!.lastError).toBeTruthy();
  });
});
