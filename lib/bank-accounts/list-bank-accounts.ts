import { and, eq, isNull } from "drizzle-orm";
import { bankAccounts, type BankAccountRow } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { ListBankAccountsQuery } from "./inputs";
import { serializeBankAccount } from "./serialize-bank-account";

/** GET /api/v1/bank_accounts — the merchant's payout accounts in this mode (masked), newest first. */
export async function listBankAccounts({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "payouts:read");
  const q = parseWith(ListBankAccountsQuery, input);
  return paginate({
    db: await executor(ctx),
    table: bankAccounts,
    id: bankAccounts.id,
    where: and(
      eq(bankAccounts.merchantId, ctx.merchantId),
      eq(bankAccounts.livemode, ctx.livemode),
      isNull(bankAccounts.deletedAt),
      q.currency ? eq(bankAccounts.currency, q.currency) : undefined,
    ),
    params: q,
    url,
    serialize: (row: BankAccountRow) => serializeBankAccount(row),
  });
}
