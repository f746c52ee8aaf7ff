import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type PaymentRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

export const noSuchPayment = (id: string, param = "id") => new KassaError("resource_missing", `No such payment: '${id}'`, { param });

/** The merchant's payment in this mode, optionally locked for update; another tenant's is "not found". */
export async function loadPayment(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean; param?: string } = {},
): Promise<PaymentRow> {
  if (!isId("payment", id)) throw noSuchPayment(id, opts.param);
  const query = db
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchPayment(id, opts.param);
  return row;
}

export function unexpectedState(p: PaymentRow, action: string): KassaError {
  return new KassaError("payment_intent_unexpected_state", `This payment's status is ${p.status}; you can only ${action}`);
}
