import { and, eq, isNull, ne } from "drizzle-orm";
import { bankAccounts } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { lockCurrencyDefaults } from "./create-bank-account";
import { UpdateBankAccountInput } from "./inputs";
import { loadBankAccount } from "./load-bank-account";
import { serializeBankAccount, type BankAccountObject } from "./serialize-bank-account";

/** POST /api/v1/bank_accounts/:id — make it its currency's default, or correct the holder's name. */
export async function updateBankAccount({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<BankAccountObject> {
  requirePermission(ctx, "payouts:write");
  const data = parseWith(UpdateBankAccountInput, input);
  return commit(ctx, async (tx, changes) => {
    const before = await loadBankAccount(tx, ctx, id);
    await lockCurrencyDefaults(tx, ctx, before.currency);
    if (data.default_for_currency) {
      await tx
        .update(bankAccounts)
        .set({ defaultForCurrency: false })
        .where(
          and(
            eq(bankAccounts.merchantId, ctx.merchantId),
            eq(bankAccounts.livemode, ctx.livemode),
            eq(bankAccounts.currency, before.currency),
            ne(bankAccounts.id, id),
            isNull(bankAccounts.deletedAt),
          ),
        );
    }
    const [after] = await tx
      .update(bankAccounts)
      .set({
        ...(data.default_for_currency ? { defaultForCurrency: true } : {}),
        ...(data.account_holder_name ? { accountHolderName: data.account_holder_name } : {}),
      })
      .where(eq(bankAccounts.id, id))
      .returning();
    const object = serializeBankAccount(after!);
    changes.audit({ action: "bank_account.updated", targetType: "bank_account", targetId: id, metadata: { last4: object.last4, ...data } });
    changes.event("account.external_account.updated", object, {
      default_for_currency: before.defaultForCurrency,
      account_holder_name: before.accountHolderName,
    });
    return object;
  });
}
