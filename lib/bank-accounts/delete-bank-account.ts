import { and, eq, isNull, ne } from "drizzle-orm";
import { bankAccounts } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { lockCurrencyDefaults } from "./create-bank-account";
import { loadBankAccount } from "./load-bank-account";
import { serializeBankAccount } from "./serialize-bank-account";

/**
 * DELETE /api/v1/bank_accounts/:id — removed (kept for the payouts that went to it). As at Stripe, the
 * default of a currency cannot be removed while another account of that currency exists: make another
 * the default first.
 */
export async function deleteBankAccount({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "payouts:write");
  return commit(ctx, async (tx, changes) => {
    const row = await loadBankAccount(tx, ctx, id);
    await lockCurrencyDefaults(tx, ctx, row.currency);
    if (row.defaultForCurrency) {
      const [other] = await tx
        .select({ id: bankAccounts.id })
        .from(bankAccounts)
        .where(
          and(
            eq(bankAccounts.merchantId, ctx.merchantId),
            eq(bankAccounts.livemode, ctx.livemode),
            eq(bankAccounts.currency, row.currency),
            ne(bankAccounts.id, id),
            isNull(bankAccounts.deletedAt),
          ),
        )
        .limit(1);
      if (other) {
        throw new KassaError(
          "bank_account_is_default",
          `You cannot delete the default bank account for ${row.currency}. Make another account the default first.`,
          { param: "id" },
        );
      }
    }
    const [deleted] = await tx.update(bankAccounts).set({ deletedAt: new Date(), defaultForCurrency: false }).where(eq(bankAccounts.id, id)).returning();
    changes.audit({ action: "bank_account.deleted", targetType: "bank_account", targetId: id, metadata: { last4: row.last4, currency: row.currency } });
    changes.event("account.external_account.deleted", { ...serializeBankAccount(deleted!), deleted: true });
    return { id, object: "bank_account" as const, deleted: true as const };
  });
}
