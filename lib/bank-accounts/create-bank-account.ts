import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bankAccounts } from "@/db/schema";
import { seal } from "@/lib/crypto/encryption";
import { sandboxBankName } from "@/lib/gateways/sandbox-bank/test-accounts";
import { newId } from "@/lib/ids";
import { isCurrency } from "@/lib/money";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { bankAccountFingerprint } from "./fingerprint";
import { CreateBankAccountInput } from "./inputs";
import { serializeBankAccount, type BankAccountObject } from "./serialize-bank-account";
import { checkAccountNumber, checkIban, checkRoutingNumber } from "./validate";

/** Serialises default changes per merchant, mode and currency (one default each). */
export async function lockCurrencyDefaults(tx: Transaction, ctx: Pick<ServiceContext, "merchantId" | "livemode">, currency: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bank_accounts:${ctx.merchantId}:${ctx.livemode}:${currency}`}))`);
}

/**
 * POST /api/v1/bank_accounts — a payout destination. The number (IBAN or account number) is checked,
 * sealed and never returned: the API, events, audit rows and logs see last4, bank name and fingerprint.
 * The first account of a currency becomes its default, as does one created with default_for_currency.
 */
export async function createBankAccount({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<BankAccountObject> {
  requirePermission(ctx, "payouts:write");
  const data = parseWith(CreateBankAccountInput, input);
  if (!isCurrency(data.currency)) throw new KassaError("currency_unsupported", `Unsupported currency: ${data.currency}.`, { param: "currency" });
  let kind: "iban" | "account_number";
  let number: string;
  let routingNumber: string | null = null;
  if (data.iban !== undefined) {
    if (data.account_number !== undefined || data.routing_number !== undefined) {
      throw new KassaError("parameter_invalid", "Give either iban, or account_number with routing_number, not both.", { param: "iban" });
    }
    kind = "iban";
    number = checkIban(data.iban, data.country);
  } else if (data.account_number !== undefined) {
    if (data.routing_number === undefined)
      throw new KassaError("parameter_missing", "An account_number needs its routing_number.", { param: "routing_number" });
    kind = "account_number";
    number = checkAccountNumber(data.account_number);
    routingNumber = checkRoutingNumber(data.routing_number);
  } else {
    throw new KassaError("parameter_missing", "Give an iban, or an account_number with its routing_number.", { param: "iban" });
  }
  const sealed = seal(number);
  const row = await commit(ctx, async (tx, changes) => {
    await lockCurrencyDefaults(tx, ctx, data.currency);
    const [existingDefault] = await tx
      .select({ id: bankAccounts.id })
      .from(bankAccounts)
      .where(
        and(
          eq(bankAccounts.merchantId, ctx.merchantId),
          eq(bankAccounts.livemode, ctx.livemode),
          eq(bankAccounts.currency, data.currency),
          eq(bankAccounts.defaultForCurrency, true),
          isNull(bankAccounts.deletedAt),
        ),
      );
    const makeDefault = !existingDefault || data.default_for_currency === true;
    if (existingDefault && makeDefault) await tx.update(bankAccounts).set({ defaultForCurrency: false }).where(eq(bankAccounts.id, existingDefault.id));
    const [created] = await tx
      .insert(bankAccounts)
      .values({
        id: newId("bankAccount"),
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        currency: data.currency,
        country: data.country,
        kind,
        accountHolderName: data.account_holder_name,
        accountHolderType: data.account_holder_type ?? null,
        bankName: sandboxBankName(kind, routingNumber ?? number),
        routingNumber,
        last4: number.slice(-4),
        fingerprint: bankAccountFingerprint(ctx.merchantId, routingNumber, number),
        numberKeyId: sealed.keyId,
        numberCiphertext: sealed.ciphertext,
        defaultForCurrency: makeDefault,
      })
      .returning();
    const object = serializeBankAccount(created!);
    changes.audit({
      action: "bank_account.created",
      targetType: "bank_account",
      targetId: created!.id,
      metadata: { currency: object.currency, last4: object.last4, bank_name: object.bank_name, default_for_currency: makeDefault },
    });
    changes.event("account.external_account.created", object);
    return created!;
  });
  return serializeBankAccount(row);
}
