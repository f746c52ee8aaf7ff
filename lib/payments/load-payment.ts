import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
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
  const values = { id, merchantId: ctx.merchantId, livemode: ctx.livemode };
  const [row] = await (opts.lock ? lockPayment : readPayment)(db).execute(values);
  if (!row) throw noSuchPayment(id, opts.param);
  return row;
}

const byId = (db: Executor) =>
  db
    .select()
    .from(payments)
    .where(
      and(eq(payments.id, sql.placeholder("id")), eq(payments.merchantId, sql.placeholder("merchantId")), eq(payments.livemode, sql.placeholder("livemode"))),
    );
// GET /payments/:id's one statement, and every verb's locked read: built once, not per request.
const readPayment = (db: Executor) => preparedStatement(db, "load_payment", (d, name) => byId(d).prepare(name));
const lockPayment = (db: Executor) => preparedStatement(db, "load_payment_for_update", (d, name) => byId(d).for("update").prepare(name));

export function unexpectedState(p: PaymentRow, action: string): KassaError {
  return new KassaError("payment_intent_unexpected_state", `This payment's status is ${p.status}; you can only ${action}`);
}
