import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadBankAccount } from "./load-bank-account";
import { serializeBankAccount, type BankAccountObject } from "./serialize-bank-account";

/** GET /api/v1/bank_accounts/:id */
export async function getBankAccount({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<BankAccountObject> {
  requirePermission(ctx, "payouts:read");
  return serializeBankAccount(await loadBankAccount(await executor(ctx), ctx, id));
}
