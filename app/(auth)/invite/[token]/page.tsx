import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { getDb } from "@/db/client";
import { auth } from "@/lib/http/session/config";
import { KassaError } from "@/lib/service/errors";
import { findInvitation } from "@/lib/team/find-invitation";

export const metadata = { title: "Join a team" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: Awaited<ReturnType<typeof findInvitation>>;
  try {
    invitation = await findInvitation({ db: await getDb(), token });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    return (
      <AuthShell title="Invitation not valid" subtitle={error.message}>
        <Link href="/login" className="text-sm font-medium text-brand-600 hover:underline">
          Go to sign in
        </Link>
      </AuthShell>
    );
  }
  const session = await auth();
  const signedInAs = session?.user?.email ?? null;
  const title = `Join ${invitation.businessName} on Kassa`;
  const subtitle = `You were invited as ${invitation.role} (${invitation.email}).`;
  if (signedInAs && signedInAs !== invitation.email) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <p className="text-sm text-slate-600">
          You are signed in as {signedInAs}. Sign out and sign in as {invitation.email} to accept.
        </p>
      </AuthShell>
    );
  }
  if (!signedInAs && invitation.userExists) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <Link className="text-sm font-medium text-brand-600 hover:underline" href={`/login?next=/invite/${token}`}>
          Sign in as {invitation.email} to accept
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={title} subtitle={subtitle}>
      <AcceptInviteForm token={token} email={invitation.email} signedIn={Boolean(signedInAs)} />
    </AuthShell>
  );
}
