import { eq } from "drizzle-orm";
import { z } from "zod";
import { merchants } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isCurrency } from "@/lib/money";
import { parseWith } from "@/lib/service/parse";
import { serializeAccount, type AccountObject } from "./serialize-account";

// Stripe's rules for a statement descriptor: 5-22 Latin characters, at least one letter, none of <>\'"*
const statementDescriptor = z
  .string()
  .min(5)
  .max(22)
  .regex(/^[\x20-\x7e]+$/, "must use Latin characters only")
  .regex(/[A-Za-z]/, "must contain at least one letter")
  .refine((s) => !/[<>\\'"*]/.test(s), "must not contain < > \\ ' \" or *")
  // The refinement in the OpenAPI document (lib/openapi), which cannot read a refine.
  .meta({ not: { pattern: "[<>\\\\'\"*]" }, description: "5–22 Latin characters with at least one letter; none of < > \\ ' \" *." });

export const UpdateAccountInput = z.strictObject({
  business_name: z.string().trim().min(1).max(100).optional(),
  support_email: z.union([z.email().max(254), z.literal(""), z.null()]).optional(),
  statement_descriptor: z.union([statementDescriptor, z.literal(""), z.null()]).optional(),
  default_currency: z
    .string()
    .transform((s) => s.toLowerCase())
    .refine(isCurrency, "is not a supported currency")
    .meta({ description: "A supported three-letter ISO 4217 code (any case)." })
    .optional(),
});
export type UpdateAccountInput = z.input<typeof UpdateAccountInput>;

const FIELDS = {
  business_name: "businessName",
  support_email: "supportEmail",
  statement_descriptor: "statementDescriptor",
  default_currency: "defaultCurrency",
} as const;

/** Updates the merchant's account; the audit row, `account.updated` and the API's answer in the same commit. */
export async function updateAccount({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<AccountObject> {
  requirePermission(ctx, "account:write");
  const data = parseWith(UpdateAccountInput, input);
  return commit(
    ctx,
    async (tx, changes) => {
      const [before] = await tx.select().from(merchants).where(eq(merchants.id, ctx.merchantId)).for("update");
      if (!before) throw new KassaError("resource_missing", "No such account.");
      const set: Partial<typeof merchants.$inferInsert> = {};
      const previous: Record<string, unknown> = {};
      for (const [param, column] of Object.entries(FIELDS) as [keyof typeof FIELDS, (typeof FIELDS)[keyof typeof FIELDS]][]) {
        const raw = data[param];
        if (raw === undefined) continue;
        const value = raw === "" ? null : raw;
        if (value === before[column]) continue;
        if (column === "businessName" || column === "defaultCurrency") {
          if (value === null) throw new KassaError("parameter_invalid", `${param} cannot be empty.`, { param });
          set[column] = value;
        } else {
          set[column] = value;
        }
        previous[param] = before[column];
      }
      if (Object.keys(set).length === 0) return serializeAccount(before, ctx.livemode);
      const [after] = await tx.update(merchants).set(set).where(eq(merchants.id, ctx.merchantId)).returning();
      const object = serializeAccount(after!, ctx.livemode);
      changes.audit({
        action: "account.updated",
        targetType: "account",
        targetId: ctx.merchantId,
        metadata: { changed: Object.keys(previous) },
      });
      changes.event("account.updated", object, previous);
      return object;
    },
    { respond: (account) => account },
  );
}
