"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn, signOut, auth } from "@/lib/http/session/config";
import { getMember, memberContext } from "@/lib/http/session/session";
import { revokeLoginSessions } from "@/lib/login-sessions/revoke-login-sessions";
import { safeNext } from "@/lib/http/session/safe-next";
import { clientIp } from "@/lib/http/client-ip";
import { settle } from "@/lib/http/core";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { redirect } from "next/navigation";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { requestPasswordReset } from "@/lib/login-sessions/request-password-reset";
import { resetPassword } from "@/lib/login-sessions/reset-password";
import { confirmSignup } from "@/lib/team/confirm-signup";
import { requestSignup } from "@/lib/team/request-signup";

export interface FormState {
  error?: string;
  /** A success the form shows instead of itself ("check your email"). */
  notice?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

async function ip(): Promise<string | null> {
  return clientIp(await headers());
}

async function signInOrExplain(email: string, password: string, next: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(next) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return {
        error: code === "throttled" ? "Too many sign-in attempts. Wait a few minutes and try again." : "Wrong email or password.",
        values: { email },
      };
    }
    throw error; // the redirect on success
  }
}

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = text(form, "email").trim();
  const password = text(form, "password");
  if (!email || !password) return { error: "Enter your email and password.", values: { email } };
  return signInOrExplain(email, password, text(form, "next") || "/dashboard");
}

/** One form step through the request core: null when it worked, else what the form shows. */
async function attempt(route: string, values: Record<string, string>, run: () => Promise<unknown>): Promise<FormState | null> {
  const settled = await settle({ caller: "public", route }, run);
  if (settled.ok) return null;
  const { code, message, param } = settled.error;
  if (code === "api_error") return { error: `Something went wrong on our side. Try again; if it keeps happening, quote ${settled.requestId}.`, values };
  return param ? { fieldErrors: { [param]: message }, values } : { error: message, values };
}

const CHECK_EMAIL = "Check your email: we sent a link to finish creating your account. (Without an SMTP server, the dev server prints it in its console.)";

/** Sign-up asks the email's owner to confirm; the answer never says whether the email had an account. */
export async function signupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, "name"), email: text(form, "email"), business_name: text(form, "business_name") };
  const password = text(form, "password");
  const failed = await attempt("sign-up", values, async () =>
    requestSignup({ db: await getDb(), input: { ...values, password }, ip: await ip(), baseUrl: await requestBaseUrl() }),
  );
  return failed ?? { notice: CHECK_EMAIL, values };
}

/** The sign-up email's link, confirmed with a button (a link scanner's GET creates nothing). */
export async function confirmSignupAction(token: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const failed = await attempt("sign-up confirmation", {}, async () => confirmSignup({ db: await getDb(), token, ip: await ip() }));
  if (failed) return failed;
  redirect("/login?confirmed=1");
}

export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email") };
  const failed = await attempt("password reset request", values, async () =>
    requestPasswordReset({ db: await getDb(), input: values, ip: await ip(), baseUrl: await requestBaseUrl() }),
  );
  return failed ?? { notice: "If an account has that email, we sent it a link to choose a new password. It works once, for an hour.", values };
}

export async function resetPasswordAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  const failed = await attempt("password reset", {}, async () => resetPassword({ db: await getDb(), input: { token, password: text(form, "password") } }));
  // A bad link is the page's message, not a field's.
  if (failed) return failed.fieldErrors?.token ? { error: failed.fieldErrors.token } : failed;
  redirect("/login?reset=1");
}

export async function acceptInviteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = text(form, "token");
  const session = await auth();
  const values = { name: text(form, "name") };
  let signedIn: FormState | undefined;
  const failed = await attempt("invitation", values, async () => {
    const input = session?.user?.id ? { token, user_id: session.user.id } : { token, name: values.name, password: text(form, "password") };
    const joined = await acceptInvitation({ db: await getDb(), input, ip: await ip() });
    if (session?.user?.id) {
      // Already signed in: switch the session to the merchant just joined.
      const { unstable_update } = await import("@/lib/http/session/config");
      await unstable_update({ merchantId: joined.merchantId } as never);
      redirect("/dashboard");
    }
    signedIn = await signInOrExplain(joined.email, text(form, "password"), "/dashboard");
  });
  return failed ?? signedIn ?? {};
}

/** Signs this browser out: its login session ends, so a copy of the cookie stops working too. */
export async function signOutAction(): Promise<void> {
  const member = await getMember();
  if (member) await revokeLoginSessions({ ctx: await memberContext(member), userId: member.userId, sessionId: member.sessionId }).catch(() => undefined);
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const member = await getMember();
  if (member) await revokeLoginSessions({ ctx: await memberContext(member), userId: member.userId, everywhere: true });
  await signOut({ redirectTo: "/login" });
}
