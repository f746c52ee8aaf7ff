import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignupForm } from "@/components/auth/signup-form";
import { auth } from "@/lib/http/session/config";

export const metadata = { title: "Create your account" };

export default async function SignupPage() {
  if (await auth()) redirect("/dashboard");
  return (
    <AuthShell
      title="Create your Kassa account"
      subtitle="Start in test mode; nothing is charged until you go live."
      footer={
        <>
          Already have an account?{" "}
          <Link className="font-medium text-brand-600 hover:underline" href="/login">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthShell>
  );
}
