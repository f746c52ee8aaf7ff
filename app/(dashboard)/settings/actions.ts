"use server";

import { revalidatePath } from "next/cache";
import { updateAccount } from "@/lib/accounts/update-account";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { changePassword } from "@/lib/login-sessions/change-password";
import { revokeLoginSessions } from "@/lib/login-sessions/revoke-login-sessions";
import { changeRole, removeMember } from "@/lib/team/change-role";
import { inviteMember } from "@/lib/team/invite-member";
import { revokeInvitation } from "@/lib/team/revoke-invitation";

const str = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function updateAccountAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await updateAccount({
      ctx,
      input: {
        business_name: str(form, "business_name"),
        support_email: str(form, "support_email").trim(),
        statement_descriptor: str(form, "statement_descriptor").trim(),
        default_currency: str(form, "default_currency"),
      },
    });
    return null;
  });
  revalidatePath("/", "layout");
  return result;
}

export interface InviteLink {
  email: string;
  role: string;
  url: string;
}

export async function inviteAction(_prev: ActionResult<InviteLink> | null, form: FormData): Promise<ActionResult<InviteLink>> {
  const origin = str(form, "origin");
  const result = await memberAction(async ({ ctx }) => {
    const invitation = await inviteMember({ ctx, input: { email: str(form, "email"), role: str(form, "role") } });
    return { email: invitation.email, role: invitation.role, url: `${origin}/invite/${invitation.token}` };
  });
  revalidatePath("/settings/team");
  return result;
}

export async function changeRoleAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await changeRole({ ctx, input: { membership: str(form, "membership"), role: str(form, "role") } });
    return null;
  });
  revalidatePath("/settings/team");
  return result;
}

export async function removeMemberAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await removeMember({ ctx, membershipId: str(form, "membership") });
    return null;
  });
  revalidatePath("/settings/team");
  return result;
}

export async function revokeInvitationAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await revokeInvitation({ ctx, id: str(form, "id") });
    return null;
  });
  revalidatePath("/settings/team");
  return result;
}

/** Signs one of the user's other sessions out (from the session list). */
export async function revokeSessionAction(sessionId: string): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx, member }) => {
    await revokeLoginSessions({ ctx, userId: member.userId, sessionId });
    return null;
  });
  revalidatePath("/settings");
  return result;
}

export async function changePasswordAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx, member }) => {
    await changePassword({
      ctx,
      userId: member.userId,
      sessionId: member.sessionId,
      input: { current_password: str(form, "current_password"), new_password: str(form, "new_password") },
    });
    return null;
  });
  revalidatePath("/settings");
  return result;
}
