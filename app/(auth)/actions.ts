"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn, signOut, auth } from "@/lib/http/session/config";
import { getMember, memberContext } from "@/lib/http/session/session";
import { revokeLoginSessions } from "@/lib/login-sessions/revoke-login-sessions";
import { safeNext } from "@/lib/http/session/safe-next";
import { clientIp } from "@/lib/http/client-ip";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
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
        error:
          code === "throttled"
            ? "Too many sign-in attempts. Wait a few minutes and try again."
            : "Wrong email or password.",
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

function explain(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof KassaError) {
    return error.param
      ? { fieldErrors: { [error.param]: error.message }, values }
      : { error: error.message, values };
  }
  logger.error({ err: error }, "form action failed");
  return { error: "Something went wrong on our side. Try again.", values };
}

const CHECK_EMAIL = "Check your email: we sent a link to finish creating your account. (Without an SMTP server, the dev server prints it in its console.)";

/** Sign-up asks the email's owner to confirm; the answer never says whether the email had an account. */
export async function signupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, "name"), email: text(form, "email"), business_name: text(form, "business_name") };
  const password = text(form, "password");
  try {
    await requestSignup({ db: await getDb(), input: { ...values, password }, ip: await ip(), baseUrl: await requestBaseUrl() });
  } catch (error) {
    return explain(error, values);
  }
  return { notice: CHECK_EMAIL, values };
}

/** The sign-up email's link, confirmed with a button (a link scanner's GET creates nothing). */
export async function confirmSignupAction(token: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await confirmSignup({ db: await getDb(), token, ip: await ip() });
  } catch (error) {
    return explain(error, {});
  }
  redirect("/login?confirmed=1");
}

export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email") };
  try {
    await requestPasswordReset({ db: await getDb(), input: values, ip: await ip(), baseUrl: await requestBaseUrl() });
  } catch (error) {
    return explain(error, values);
  }
  return { notice: "If an account has that email, we sent it a link to choose a new password. It works once, for an hour.", values };
}

export async function resetPasswordAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  try {
    await resetPassword({ db: await getDb(), input: { token, password: text(form, "password") } });
  } catch (error) {
    const state = explain(error, {});
    // A bad link is the page's message, not a field's.
    return state.fieldErrors?.token ? { error: state.fieldErrors.token } : state;
  }
  redirect("/login?reset=1");
}

export async function acceptInviteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = text(form, "token");
  const session = await auth();
  const values = { name: text(form, "name") };
  try {
    const input = session?.user?.id
      ? { token, user_id: session.user.id }
      : { token, name: values.name, password: text(form, "password") };
    const joined = await acceptInvitation({ db: await getDb(), input, ip: await ip() });
    if (session?.user?.id) {
      // Already signed in: switch the session to the merchant just joined.
      const { unstable_update } = await import("@/lib/http/session/config");
      await unstable_update({ merchantId: joined.merchantId } as never);
      const { redirect } = await import("next/navigation");
      redirect("/dashboard");
    }
    return signInOrExplain(joined.email, text(form, "password"), "/dashboard");
  } catch (error) {
    const { unstable_rethrow } = await import("next/navigation");
    unstable_rethrow(error);
    return explain(error, values);
  }
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
