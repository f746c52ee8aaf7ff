import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bankAccounts, type BankAccountRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** A bank account of ctx's merchant and mode that is not removed, or 404 resource_missing. */
export async function loadBankAccount(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean; param?: string } = {},
): Promise<BankAccountRow> {
  const q = db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.id, id), eq(bankAccounts.merchantId, ctx.merchantId), eq(bankAccounts.livemode, ctx.livemode), isNull(bankAccounts.deletedAt)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such bank account: '${id}'`, { param: opts.param ?? "id" });
  return row;
}

/** The default account of a currency, if the merchant has one. */
export async function defaultBankAccount(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">, currency: string): Promise<BankAccountRow | null> {
  const [row] = await db
    .select()
    .from(bankAccounts)
    .where(
      and(
        eq(bankAccounts.merchantId, ctx.merchantId),
        eq(bankAccounts.livemode, ctx.livemode),
        eq(bankAccounts.currency, currency),
        eq(bankAccounts.defaultForCurrency, true),
        isNull(bankAccounts.deletedAt),
      ),
    );
  return row ?? null;
}
