// GET /api/dashboard/api-keys — the signed-in member's keys in the current mode
// POST /api/dashboard/api-keys — create one (owner, admin, developer); the secret is in this response only
import { z } from "zod";
import { CreateApiKeyInput, createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { withSession } from "@/lib/http/with-session";

export const GET = withSession({ route: "/api/dashboard/api-keys" }, async ({ ctx }) => ({
  object: "list",
  data: await listApiKeys({ ctx, livemode: ctx.livemode }),
}));

const CreateInput = CreateApiKeyInput.extend({ livemode: z.boolean().optional() });

export const POST = withSession({ route: "/api/dashboard/api-keys", body: CreateInput }, async ({ ctx, body }) => {
  const { livemode, ...input } = body;
  const created = await createApiKey({ ctx: { ...ctx, livemode: livemode ?? ctx.livemode }, input });
  return { ...created.object, secret: created.secret };
});
