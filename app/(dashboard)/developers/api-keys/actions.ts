"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { rollApiKey } from "@/lib/api-keys/roll-api-key";
import { memberAction, type ActionResult } from "@/lib/http/session/action";

export interface NewKey {
  id: string;
  secret: string;
  kind: string;
  livemode: boolean;
  name: string;
}

/** A restricted key's grants from the form's `permissions.<resource>` selects. */
function permissionsOf(form: FormData): { permissions?: Record<string, string> } {
  if (form.get("kind") !== "restricted") return {};
  const entries = [...form.entries()].filter(([k]) => k.startsWith("permissions.")).map(([k, v]) => [k.slice("permissions.".length), String(v)]);
  return { permissions: Object.fromEntries(entries) };
}

export async function createKeyAction(_prev: ActionResult<NewKey> | null, form: FormData): Promise<ActionResult<NewKey>> {
  const result = await memberAction(async ({ ctx }) => {
    const created = await createApiKey({
      ctx: { ...ctx, livemode: form.get("mode") === "live" },
      input: { kind: String(form.get("kind") ?? ""), name: String(form.get("name") ?? ""), ...permissionsOf(form) },
    });
    return { id: created.object.id, secret: created.secret, kind: created.object.kind, livemode: created.object.livemode, name: created.object.name };
  });
  revalidatePath("/developers/api-keys");
  return result;
}

export async function rollKeyAction(_prev: ActionResult<NewKey> | null, form: FormData): Promise<ActionResult<NewKey>> {
  const result = await memberAction(async ({ ctx }) => {
    const rolled = await rollApiKey({ ctx, id: String(form.get("id") ?? "") });
    return { id: rolled.object.id, secret: rolled.secret, kind: rolled.object.kind, livemode: rolled.object.livemode, name: rolled.object.name };
  });
  revalidatePath("/developers/api-keys");
  return result;
}

export async function revokeKeyAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await revokeApiKey({ ctx, id: String(form.get("id") ?? "") });
    return null;
  });
  revalidatePath("/developers/api-keys");
  return result;
}
