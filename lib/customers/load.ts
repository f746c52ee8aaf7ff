import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { customers, paymentMethods, type CustomerRow, type PaymentMethodRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export const noSuchCustomer = (id: string, param = "id") => new KassaError("resource_missing", `No such customer: '${id}'`, { param });
export const noSuchPaymentMethod = (id: string, param = "id") => new KassaError("resource_missing", `No such PaymentMethod: '${id}'`, { param });

/** The merchant's customer in this mode; another tenant's, or a deleted one, is "not found". */
export async function loadCustomer(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean; param?: string } = {}): Promise<CustomerRow> {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.merchantId, ctx.merchantId), eq(customers.livemode, ctx.livemode), isNull(customers.deletedAt)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchCustomer(id, opts.param);
  return row;
}

/** A saved payment method by id in any tenant (ids are the processor's): callers check the tenant. */
export async function findPaymentMethod(db: Executor, id: string): Promise<PaymentMethodRow | null> {
  const [row] = await db.select().from(paymentMethods).where(eq(paymentMethods.id, id));
  return row ?? null;
}

export const sameTenant = (ctx: Tenant, row: { merchantId: string; livemode: boolean }) => row.merchantId === ctx.merchantId && row.livemode === ctx.livemode;

export async function loadPaymentMethod(db: Executor, ctx: Tenant, id: string, param = "id"): Promise<PaymentMethodRow> {
  const row = await findPaymentMethod(db, id);
  if (!row || !sameTenant(ctx, row)) throw noSuchPaymentMethod(id, param);
  return row;
}
