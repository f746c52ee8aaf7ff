import { and, eq, isNull } from "drizzle-orm";
import { sandboxUpiTransactions, type SandboxUpiTransactionRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { publicBaseUrl } from "@/lib/public-url";
import { sandboxUpiKeys } from "./keys";
import { pspDeps } from "./config";
import { settle, transactionJson, type PspDeps } from "./psp";
import { signCallback } from "./signing";

/** Where the sandbox PSP calls back: Kassa's own webhook route (UPI_SANDBOX_CALLBACK_URL overrides it). */
export const callbackUrl = () => process.env.UPI_SANDBOX_CALLBACK_URL || `${publicBaseUrl()}/api/webhooks/upi`;

/** One callback per outcome: its id is fixed by the transaction and status, so a resend is the same callback. */
export function callbackBody(row: SandboxUpiTransactionRow): string {
  return JSON.stringify({ id: `cb_${row.id}_${row.status}`, type: "transaction.updated", created: Math.floor(Date.now() / 1000), data: transactionJson(row) });
}

/**
 * Sends the transaction's callback, signed HMAC-SHA256 over the raw body (`X-Upi-Signature`), and marks
 * it sent on a 2xx. Throws on anything else, so its caller retries (the workflow step, or nobody: the
 * status checks find the outcome anyway).
 */
export async function sendCallback(row: SandboxUpiTransactionRow, deps: PspDeps = pspDeps): Promise<void> {
  const db = await deps.db();
  const { callbackSecret } = await sandboxUpiKeys(db);
  const body = callbackBody(row);
  const res = await fetch(callbackUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", "x-upi-signature": signCallback(callbackSecret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`the UPI callback was answered ${res.status}`);
  await db
    .update(sandboxUpiTransactions)
    .set({ callbackSentAt: new Date(deps.now()) })
    .where(and(eq(sandboxUpiTransactions.id, row.id), isNull(sandboxUpiTransactions.callbackSentAt)));
}

/**
 * The PSP's timer for a test VPA's outcome: when it is due, decide it and call back (unless that VPA's
 * callback is the lost kind). Safe to repeat: a decided transaction stays decided, a resent callback is
 * the same callback. Returns what it did.
 */
export async function callBackWhenDue(transactionId: string, deps: PspDeps = pspDeps): Promise<"sent" | "pending" | "no_callback" | "already_sent"> {
  const db = await deps.db();
  const [found] = await db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.id, transactionId));
  if (!found) return "no_callback";
  const row = await settle(db, found, deps.now());
  if (row.status === "pending") return "pending";
  if (!row.callback) return "no_callback";
  if (row.callbackSentAt) return "already_sent";
  await sendCallback(row, deps);
  return "sent";
}

/** After the tester decided on the app page: the callback now; if it fails, the status checks still find it. */
export async function callBackNow(row: SandboxUpiTransactionRow, deps: PspDeps = pspDeps): Promise<boolean> {
  try {
    await sendCallback(row, deps);
    return true;
  } catch (err) {
    logger.warn({ err, transaction: row.id }, "sandbox UPI callback not delivered; status checks will find the outcome");
    return false;
  }
}
