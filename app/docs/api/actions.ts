"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { memberAction, type ActionResult } from "@/lib/http/session/action";

export interface ReferenceKey {
  id: string;
  secret: string;
  name: string;
}

/** "API reference (<email>)", within the 80 characters a key's name may have. */
function keyName(email: string): string {
  const room = 80 - "API reference ()".length;
  return `API reference (${email.length > room ? `${email.slice(0, room - 1)}…` : email})`;
}

/**
 * A TEST-mode secret key for the API reference's curl examples, whatever mode the dashboard is in: the
 * same verb as Developers → API keys (its role check, its audit row), shown once; the browser keeps it
 * in sessionStorage. It acts with the member's role, like every key a member creates.
 */
export async function createReferenceKeyAction(_prev: ActionResult<ReferenceKey> | null, _form: FormData): Promise<ActionResult<ReferenceKey>> {
  const result = await memberAction(async ({ ctx, member }) => {
    const created = await createApiKey({ ctx: { ...ctx, livemode: false }, input: { kind: "secret", name: keyName(member.email) } });
    return { id: created.object.id, secret: created.secret, name: created.object.name };
  });
  if (result.ok) revalidatePath("/developers/api-keys");
  return result;
}
