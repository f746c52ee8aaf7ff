import Link from "next/link";
import { safeNext } from "@/lib/http/session/safe-next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { auth } from "@/lib/http/session/config";

export const metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  confirmed: "Your account is ready. Sign in with the email and password you chose.",
  reset: "Your password is changed. Sign in with the new one.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; callbackUrl?: string; confirmed?: string; reset?: string }>;
}) {
  const params = await searchParams;
  const next = params.next ?? params.callbackUrl;
  if (await auth()) redirect("/dashboard");
  return (
    <AuthShell
      title="Sign in to Kassa"
      footer={
        <>
          New to Kassa?{" "}
          <Link className="font-medium text-brand-600 hover:underline" href="/signup">
            Create an account
          </Link>
          <span className="mt-2 block">
            Integrating?{" "}
            <Link className="font-medium text-brand-600 hover:underline" href="/docs/api">
              Read the API reference
            </Link>
          </span>
        </>
      }
    >
      <LoginForm next={next ? safeNext(next) : undefined} notice={params.confirmed ? NOTICES.confirmed : params.reset ? NOTICES.reset : undefined} />
    </AuthShell>
  );
}
