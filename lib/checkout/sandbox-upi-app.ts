import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { merchants, payments, sandboxUpiTransactions, type SandboxUpiTransactionRow } from "@/db/schema";
import { callBackNow } from "@/lib/gateways/upi-sandbox/callbacks";
import { pspDeps } from "@/lib/gateways/upi-sandbox/config";
import { decideByApp, settle } from "@/lib/gateways/upi-sandbox/psp";
import { isId } from "@/lib/ids";
import { formatMoney } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { checkVpa } from "@/lib/upi/vpa";

/** What the sandbox UPI app shows: who is paid, how much, for what, and where the transaction stands. */
export interface SandboxUpiApp {
  id: string;
  flow: SandboxUpiTransactionRow["flow"];
  status: SandboxUpiTransactionRow["status"];
  payee: string;
  amount: string;
  note: string;
  /** Collect: the VPA the request went to (the app's own account). */
  vpa: string | null;
  expiresAt: Date;
}

export const DEFAULT_PAYER_VPA = "customer@kassa";

const noSuchTransaction = (id: string) => new KassaError("resource_missing", `No such UPI transaction: '${id}'`);

/**
 * The sandbox PSP's transaction as the customer's UPI app would see it, by its id alone (the `tr` of the
 * intent link, the credential a real app gets from the QR). Test mode only: a live or unknown id is not found.
 */
export async function findSandboxUpiApp(id: string): Promise<SandboxUpiApp> {
  const db = await getDb();
  if (!isId("sandboxUpiTransaction", id)) throw noSuchTransaction(id);
  const [found] = await db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.id, id));
  if (!found || found.livemode) throw noSuchTransaction(id);
  const row = await settle(db, found, pspDeps.now());
  const link = row.intentUrl ? new URL(row.intentUrl).searchParams : null;
  let payee = link?.get("pn") ?? null;
  let note = link?.get("tn") ?? null;
  if (!payee || !note) {
    // A collect request has no link: the app shows the merchant's name and the payment's description.
    const [m] = await db.select({ name: merchants.businessName }).from(merchants).where(eq(merchants.id, row.merchantId));
    const [p] = await db.select({ description: payments.description }).from(payments).where(eq(payments.id, row.paymentId));
    payee ??= m?.name ?? "Kassa merchant";
    note ??= p?.description ?? row.paymentId;
  }
  return {
    id: row.id,
    flow: row.flow,
    status: row.status,
    payee,
    amount: formatMoney(row.amount, row.currency),
    note,
    vpa: row.flow === "collect" ? row.vpa : null,
    expiresAt: row.expiresAt,
  };
}

/**
 * The tester's Approve or Decline on the sandbox app page, as the customer's app reports it to the PSP:
 * the PSP decides the transaction and calls Kassa back at once (a lost callback is found by the status
 * checks). A transaction decided already (by its test VPA's timer, its expiry or another tab) stays as it was.
 */
export async function decideSandboxUpi({
  id,
  outcome,
  payerVpa,
}: {
  id: string;
  outcome: "approve" | "decline";
  payerVpa: string;
}): Promise<{ app: SandboxUpiApp; changed: boolean; callbackSent: boolean }> {
  await findSandboxUpiApp(id);
  const vpa = checkVpa(payerVpa.trim(), "payer_vpa");
  const { row, changed } = await decideByApp(pspDeps, id, outcome, vpa);
  const callbackSent = changed && row.callback ? await callBackNow(row) : false;
  return { app: await findSandboxUpiApp(id), changed, callbackSent };
}
