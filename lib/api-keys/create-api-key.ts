import { z } from "zod";
import { API_KEY_KINDS, apiKeys, type ApiKeyKind, type KeyPermissions } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { exceedsRole, KeyPermissionsInput, normalizePermissions } from "./key-permissions";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import type { Executor } from "@/db/client";
import { displayPrefix, generateKey, hashKey } from "./secret";
import { serializeApiKey, type ApiKeyObject } from "./serialize-api-key";

export const CreateApiKeyInput = z.strictObject({
  kind: z.enum(API_KEY_KINDS),
  name: z.string().trim().min(1).max(80),
  /** Restricted keys only: none/read/write per resource. */
  permissions: KeyPermissionsInput.optional(),
});

/** Inserts a key row and returns it with the one-time plaintext. Used by create and roll. */
export async function insertApiKey(
  tx: Executor,
  ctx: ServiceContext,
  input: { kind: ApiKeyKind; name: string; permissions?: KeyPermissions | null },
): Promise<{ object: ApiKeyObject; secret: string }> {
  const secret = generateKey(input.kind, ctx.livemode ? "live" : "test");
  const [row] = await tx
    .insert(apiKeys)
    .values({
      id: newId("apiKey"),
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      kind: input.kind,
      name: input.name,
      displayPrefix: displayPrefix(secret),
      keyHash: hashKey(secret),
      publishableToken: input.kind === "publishable" ? secret : null,
      createdBy: ctx.actor.id,
      permissions: input.kind === "restricted" ? (input.permissions ?? {}) : null,
    })
    .returning();
  return { object: serializeApiKey(row!), secret };
}

/**
 * Creates a key in ctx's mode. The secret is in the result once and never again. A restricted key
 * carries its grants; a member may grant only what their own role can do (the key also acts with
 * their role, lib/service/roles.ts).
 */
export async function createApiKey({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "api_keys:write");
  const data = parseWith(CreateApiKeyInput, input);
  if (data.kind !== "restricted" && data.permissions !== undefined) {
    throw new KassaError("parameter_invalid", "permissions are for restricted keys only.", { param: "permissions" });
  }
  const permissions = data.kind === "restricted" ? normalizePermissions(data.permissions ?? {}) : null;
  if (data.kind === "restricted" && Object.keys(permissions!).length === 0) {
    throw new KassaError("parameter_missing", "A restricted key needs at least one resource it may read or write.", { param: "permissions" });
  }
  const over = permissions && ctx.actor.type === "user" && ctx.role ? exceedsRole(permissions, ctx.role) : null;
  if (over) {
    throw new KassaError("permission_denied", `Your role (${ctx.role}) cannot ${permissions![over]} ${over}, so a key you make cannot either.`, {
      param: `permissions[${over}]`,
    });
  }
  return commit(ctx, async (tx, changes) => {
    const created = await insertApiKey(tx, ctx, { kind: data.kind, name: data.name, permissions });
    changes.audit({
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.object.id,
      metadata: { kind: data.kind, name: data.name, redacted: created.object.redacted, ...(permissions ? { permissions } : {}) },
    });
    return created;
  });
}
