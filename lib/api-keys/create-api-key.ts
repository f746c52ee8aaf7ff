import { z } from "zod";
import { API_KEY_KINDS, apiKeys } from "@/db/schema";
import { parseWith } from "@/lib/api/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/auth/roles";
import { withTransaction, type ServiceContext } from "@/lib/context";
import { newId } from "@/lib/ids";
import type { Executor } from "@/db/client";
import { displayPrefix, generateKey, hashKey } from "./secret";
import { serializeApiKey, type ApiKeyObject } from "./serialize-api-key";

export const CreateApiKeyInput = z.strictObject({
  kind: z.enum(API_KEY_KINDS),
  name: z.string().trim().min(1).max(80),
});

/** Inserts a key row and returns it with the one-time plaintext. Used by create and roll. */
export async function insertApiKey(
  tx: Executor,
  ctx: ServiceContext,
  input: { kind: "secret" | "publishable"; name: string },
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
    })
    .returning();
  return { object: serializeApiKey(row!), secret };
}

/** Creates a key in ctx's mode. The secret is in the result once and never again. */
export async function createApiKey({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "api_keys:write");
  const data = parseWith(CreateApiKeyInput, input);
  return withTransaction(ctx, async (tx) => {
    const created = await insertApiKey(tx, ctx, data);
    await writeAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.object.id,
      metadata: { kind: data.kind, name: data.name, redacted: created.object.redacted },
    });
    return created;
  });
}
