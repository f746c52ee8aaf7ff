import Link from "next/link";
import { safeNext } from "@/lib/auth/safe-next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { auth } from "@/lib/auth/config";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; callbackUrl?: string }> }) {
  const params = await searchParams;
  const next = params.next ?? params.callbackUrl;
  if (await auth()) redirect("/dashboard");
  return (
    <AuthShell title="Sign in to Kassa" footer={<>New to Kassa? <Link className="font-medium text-brand-600 hover:underline" href="/signup">Create an account</Link></>}>
      <LoginForm next={next ? safeNext(next) : undefined} />
    </AuthShell>
  );
}
