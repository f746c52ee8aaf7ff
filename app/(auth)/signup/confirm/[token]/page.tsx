import { AuthShell } from "@/components/auth/auth-shell";
import { ConfirmSignupForm } from "@/components/auth/email-link-forms";

export const metadata = { title: "Finish creating your account", robots: { index: false } };

export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthShell title="Finish creating your account" subtitle="Your email is confirmed by this link. Create the account, then sign in.">
      <ConfirmSignupForm token={token} />
    </AuthShell>
  );
}
