import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/email-link-forms";

export const metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthShell title="Choose a new password" subtitle="Every session of your account will be signed out.">
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
