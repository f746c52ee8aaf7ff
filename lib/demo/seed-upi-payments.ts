import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, sandboxUpiTransactions, upiEvents, type UpiFlow } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import type { ServiceContext } from "@/lib/service/context";
import { checkUpiPayment } from "@/lib/upi/check-upi-payment";

/** Of the demo's INR payments, the share paid by UPI (INR is a fifth of the demo: about 3% of all payments). */
export const UPI_SHARE_OF_INR = 0.15;

/** What the demo's UPI payers do: the sandbox PSP's test VPAs (lib/gateways/upi-sandbox/test-vpas.ts). */
const PAYERS = [
  { vpa: "success@kassa", weight: 78 }, // paid in the app: succeeded
  { vpa: "failure@kassa", weight: 12 }, // declined in the app: failed
  { vpa: "never@kassa", weight: 10 }, // never approved: expired
] as const;

export function pickUpiPayment(random: () => number): { flow: UpiFlow; vpa: string } {
  const flow: UpiFlow = random() < 0.6 ? "intent" : "qr";
  let x = random() * PAYERS.reduce((a, p) => a + p.weight, 0);
  const payer = PAYERS.find((p) => (x -= p.weight) < 0) ?? PAYERS[0];
  return { flow, vpa: payer.vpa };
}

/**
 * One demo UPI payment made at `at` (in the past) through the real verbs: created and confirmed with a
 * test VPA, then the PSP asked once, as the status poll would, and the answer booked. The sandbox PSP
 * decides a transaction by its own dates (success@kassa 20 s after it started, failure@kassa 10 s, an
 * unpaid one at its expiry), so its transaction is dated back to `at` first, like the rest of the demo
 * history: the check then finds what happened back then. Moving the PSP's clock instead would move it
 * for every request this process serves meanwhile (the seed runs beside a live portal), shifting their
 * signature windows and expiries. Returns the payment's id; `datePaymentBack` dates Kassa's side.
 */
export async function seedUpiPayment(
  db: Executor,
  ctx: ServiceContext,
  args: { at: number; amount: number; flow: UpiFlow; vpa: string; description: string; metadata: Record<string, string>; customer?: string },
): Promise<string> {
  const { id } = await createPayment({
    ctx: { ...ctx, asOf: args.at },
    input: {
      amount: args.amount,
      currency: "inr",
      payment_method_types: ["upi"],
      confirm: true,
      payment_method_options: { upi: { flow: args.flow, vpa: args.vpa } },
      description: args.description,
      metadata: args.metadata,
      ...(args.customer ? { customer: args.customer } : {}),
    },
  });
  const shift = await shiftOf(db, id, args.at);
  const back = (c: unknown) => sql`${c} - ${shift} * interval '1 millisecond'`;
  await db
    .update(sandboxUpiTransactions)
    .set({
      createdAt: back(sandboxUpiTransactions.createdAt),
      expiresAt: back(sandboxUpiTransactions.expiresAt),
      decideAt: back(sandboxUpiTransactions.decideAt),
    })
    .where(eq(sandboxUpiTransactions.paymentId, id));
  // expire: a payment the PSP still calls pending has long passed its window.
  await checkUpiPayment({ ctx, paymentId: id, source: "poll", expire: true });
  return id;
}

/**
 * Kassa's side of a demo UPI payment dated back with the payment: its UPI timeline. (Its expiry is the
 * PSP transaction's, already dated back when the check booked it.) Call before the payment's own date moves.
 */
export async function dateUpiPaymentBack(db: Executor, id: string, at: number): Promise<void> {
  const shift = await shiftOf(db, id, at);
  await db
    .update(upiEvents)
    .set({ createdAt: sql`${upiEvents.createdAt} - ${shift} * interval '1 millisecond'` })
    .where(eq(upiEvents.paymentId, id));
}

/** How far back the payment goes: from when it was made to when it stands for (ms). */
async function shiftOf(db: Executor, id: string, at: number): Promise<number> {
  const [row] = await db.select({ createdAt: payments.createdAt }).from(payments).where(eq(payments.id, id));
  return Math.max(0, row!.createdAt.getTime() - at);
}
