// Sign-up by confirmed email and password reset by one-time link: same answers whether the email has
// an account or not; links work once and expire; throttled per client IP.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { emails, passwordResets, signupRequests } from "@/db/schema";
import { checkLoginSession } from "@/lib/login-sessions/check-login-session";
import { requestPasswordReset } from "@/lib/login-sessions/request-password-reset";
import { resetPassword } from "@/lib/login-sessions/reset-password";
import { startLoginSession } from "@/lib/login-sessions/start-login-session";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { confirmSignup } from "./confirm-signup";
import { requestSignup } from "./request-signup";
import { verifyCredentials } from "./verify-credentials";

let h: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;
beforeAll(async () => {
  process.env.KASSA_RATE_LIMIT_SIGNUP = "4/1h";
  (globalThis as { [k: symbol]: Map<string, unknown> | undefined })[Symbol.for("kassa.rateLimiters")]?.delete("signup");
  h = await freshPostgres("signup");
  db = h.db;
});
afterAll(async () => {
  delete process.env.KASSA_RATE_LIMIT_SIGNUP;
  await h.close();
});

let ipN = 0;
const nextIp = () => `203.0.113.${++ipN}`;
const mailTo = (to: string) => db.select().from(emails).where(eq(emails.to, to));
const linkIn = (text: string, path: string) => new RegExp(`https://kassa\\.test${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1];
const base = "https://kassa.test";

describe("sign-up", () => {
  it("a new email gets a one-time link that creates the account; a known email gets a note instead, with the same answer", async () => {
    const email = `new-${Date.now()}@example.test`;
    const input = { name: "Asha", email, business_name: "Rao Textiles", password: "correct horse battery" };
    await expect(requestSignup({ db, input, ip: nextIp(), baseUrl: base })).resolves.toBeUndefined();
    const [confirm] = await mailTo(email);
    expect(confirm).toMatchObject({ kind: "signup_confirm", subject: "Finish creating your Kassa account" });
    const token = linkIn(confirm!.text, "/signup/confirm")!;
    expect(token).toBeTruthy();
    // Nothing exists until the link is used.
    await expect(verifyCredentials({ db, email, password: "correct horse battery", ip: nextIp() })).rejects.toMatchObject({ code: "invalid_credentials" });
    const created = await confirmSignup({ db, token, ip: nextIp() });
    expect(created.email).toBe(email);
    await expect(verifyCredentials({ db, email, password: "correct horse battery", ip: nextIp() })).resolves.toMatchObject({ userId: created.userId });
    await expect(confirmSignup({ db, token, ip: nextIp() })).rejects.toMatchObject({ code: "signup_link_invalid" });

    // The same email again: the same answer, no second account, a note to the owner.
    await expect(requestSignup({ db, input: { ...input, name: "Someone Else" }, ip: nextIp(), baseUrl: base })).resolves.toBeUndefined();
    const after = await mailTo(email);
    expect(after.map((e) => e.kind).sort()).toEqual(["signup_confirm", "signup_exists"]);
    expect(after.find((e) => e.kind === "signup_exists")!.text).toContain(`${base}/forgot-password`);
  });

  it("an expired or made-up link creates nothing; bad input is refused with its field", async () => {
    const email = `late-${Date.now()}@example.test`;
    await requestSignup({ db, input: { name: "Late", email, business_name: "Late Ltd", password: "correct horse battery" }, ip: nextIp(), baseUrl: base });
    const token = linkIn((await mailTo(email))[0]!.text, "/signup/confirm")!;
    await db
      .update(signupRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signupRequests.email, email));
    await expect(confirmSignup({ db, token, ip: nextIp() })).rejects.toMatchObject({ code: "signup_link_invalid" });
    await expect(confirmSignup({ db, token: "x".repeat(43), ip: nextIp() })).rejects.toMatchObject({ code: "signup_link_invalid" });
    await expect(
      requestSignup({ db, input: { name: "A", email: "not-an-email", business_name: "B", password: "correct horse battery" }, ip: nextIp() }),
    ).rejects.toMatchObject({ code: "parameter_invalid", param: "email" });
    await expect(
      requestSignup({ db, input: { name: "A", email: "a@example.test", business_name: "B", password: "short" }, ip: nextIp() }),
    ).rejects.toMatchObject({ code: "parameter_invalid", param: "password" });
    await expect(requestPasswordReset({ db, input: { email: "" }, ip: nextIp() })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "email",
      message: "Invalid email: enter an email address such as name@example.com",
    });
  });

  it("takes an email typed with spaces around it or in capitals as the same address", async () => {
    const email = `padded-${Date.now()}@example.test`;
    await requestSignup({
      db,
      input: { name: "P", email: `  ${email.toUpperCase()} `, business_name: "P Ltd", password: "correct horse battery" },
      ip: nextIp(),
      baseUrl: base,
    });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("is throttled per client IP", async () => {
    const ip = nextIp();
    const attempt = (i: number) =>
      requestSignup({
        db,
        input: { name: "S", email: `spray-${i}-${Date.now()}@example.test`, business_name: "S", password: "correct horse battery" },
        ip,
        baseUrl: base,
      });
    for (let i = 0; i < 4; i++) await attempt(i);
    await expect(attempt(5)).rejects.toMatchObject({ code: "login_throttled" });
    await expect(
      requestSignup({
        db,
        input: { name: "S", email: `other-ip-${Date.now()}@example.test`, business_name: "S", password: "correct horse battery" },
        ip: nextIp(),
        baseUrl: base,
      }),
    ).resolves.toBeUndefined();
  });
});

describe("password reset", () => {
  it("answers the same for an unknown email (and sends nothing); a known one gets a one-time link that ends every session", async () => {
    await expect(requestPasswordReset({ db, input: { email: "nobody@example.test" }, ip: nextIp(), baseUrl: base })).resolves.toBeUndefined();
    expect(await mailTo("nobody@example.test")).toEqual([]);

    const m = await makeMerchant(db);
    const session = await startLoginSession(db, { userId: m.userId, ip: null, userAgent: null });
    await requestPasswordReset({ db, input: { email: m.email.toUpperCase() }, ip: nextIp(), baseUrl: base });
    const [mail] = await mailTo(m.email);
    expect(mail).toMatchObject({ kind: "password_reset" });
    const token = linkIn(mail!.text, "/reset-password")!;
    await expect(resetPassword({ db, input: { token, password: "short" } })).rejects.toMatchObject({ code: "parameter_invalid", param: "password" });
    await resetPassword({ db, input: { token, password: "a brand new passphrase" } });
    expect(await checkLoginSession(db, { sessionId: session, userId: m.userId })).toBe(false);
    await expect(verifyCredentials({ db, email: m.email, password: "a brand new passphrase", ip: nextIp() })).resolves.toMatchObject({ userId: m.userId });
    await expect(resetPassword({ db, input: { token, password: "another new passphrase" } })).rejects.toMatchObject({ code: "reset_link_invalid" });
  });

  it("an expired link sets nothing", async () => {
    const m = await makeMerchant(db);
    await requestPasswordReset({ db, input: { email: m.email }, ip: nextIp(), baseUrl: base });
    const token = linkIn((await mailTo(m.email))[0]!.text, "/reset-password")!;
    await db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(passwordResets.userId, m.userId)));
    await expect(resetPassword({ db, input: { token, password: "a brand new passphrase" } })).rejects.toMatchObject({ code: "reset_link_invalid" });
    await expect(verifyCredentials({ db, email: m.email, password: "correct horse battery", ip: nextIp() })).resolves.toMatchObject({ userId: m.userId });
  });
});
