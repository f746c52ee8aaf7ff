import { and, eq } from "drizzle-orm";
import { sandboxPaymentMethods, type SandboxPaymentMethodRow } from "@/db/schema";
import { newId } from "@/lib/ids";
import { ConnectorRequestError, type ConnectorContext, type PaymentMethodInput, type SavedPaymentMethod, type SetupInput, type SetupResult } from "../types";
import { FAILURES } from "./outcomes";
import type { SandboxDeps } from "./store";
import { cardDetails, testCardByPaymentMethod, type SandboxTestCard } from "./test-cards";

// The sandbox's customers are Kassa's (it keys saved cards by Kassa's cus_…), so creating, updating and
// deleting one has nothing to store; deleting detaches its cards, as Stripe does.

const pmTenant = (ctx: ConnectorContext, id: string) =>
  and(eq(sandboxPaymentMethods.merchantId, ctx.merchantId), eq(sandboxPaymentMethods.livemode, ctx.livemode), eq(sandboxPaymentMethods.id, id));

const toSaved = (row: SandboxPaymentMethodRow): SavedPaymentMethod => ({ processorId: row.id, customer: row.customer, card: { ...row.card } });

/** A card the sandbox saved, by its pm_… id, in this tenant. */
export async function findSavedCard(deps: SandboxDeps, ctx: ConnectorContext, id: string): Promise<SandboxPaymentMethodRow | null> {
  const db = await deps.db();
  const [row] = await db.select().from(sandboxPaymentMethods).where(pmTenant(ctx, id));
  return row ?? null;
}

/** Which decline a test card gives when it is saved (Stripe checks the card on setup). */
function setupDecline(card: SandboxTestCard) {
  switch (card.behaviour) {
    case "decline_generic":
      return FAILURES.generic_decline;
    case "decline_insufficient_funds":
      return FAILURES.insufficient_funds;
    case "decline_expired_card":
      return FAILURES.expired_card;
    case "decline_incorrect_cvc":
      return FAILURES.incorrect_cvc;
    case "fraud_blocked":
      return FAILURES.fraudulent;
    default:
      return null;
  }
}

/** Saves a test token as a new card (idempotent by key), or attaches one of the sandbox's saved cards. */
async function save(
  deps: SandboxDeps,
  ctx: ConnectorContext,
  token: string,
  customerId: string,
  key: string,
): Promise<SandboxPaymentMethodRow | { failure: (typeof FAILURES)[keyof typeof FAILURES] }> {
  const db = await deps.db();
  const existing = await findSavedCard(deps, ctx, token);
  if (existing) {
    if (existing.customer && existing.customer !== customerId) {
      throw new ConnectorRequestError("payment_method_unexpected_state", "This PaymentMethod is attached to another customer.", "payment_method");
    }
    const [row] = await db.update(sandboxPaymentMethods).set({ customer: customerId }).where(pmTenant(ctx, existing.id)).returning();
    return row!;
  }
  const card = testCardByPaymentMethod(token);
  if (!card) throw new ConnectorRequestError("resource_missing", `No such PaymentMethod: '${token}'`, "payment_method");
  const decline = setupDecline(card);
  if (decline) return { failure: decline };
  const [inserted] = await db
    .insert(sandboxPaymentMethods)
    .values({
      id: newId("sandboxPaymentMethod"),
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      idempotencyKey: key,
      token,
      customer: customerId,
      card: cardDetails(card),
    })
    .onConflictDoNothing({ target: [sandboxPaymentMethods.merchantId, sandboxPaymentMethods.livemode, sandboxPaymentMethods.idempotencyKey] })
    .returning();
  if (inserted) return inserted;
  const [replayed] = await db
    .select()
    .from(sandboxPaymentMethods)
    .where(
      and(
        eq(sandboxPaymentMethods.merchantId, ctx.merchantId),
        eq(sandboxPaymentMethods.livemode, ctx.livemode),
        eq(sandboxPaymentMethods.idempotencyKey, key),
      ),
    );
  return replayed!;
}

export async function setupPaymentMethod(deps: SandboxDeps, ctx: ConnectorContext, input: SetupInput): Promise<SetupResult> {
  const saved = await save(deps, ctx, input.paymentMethod, input.customerId, input.idempotencyKey);
  if ("failure" in saved) return { processorId: input.idempotencyKey, status: "failed", paymentMethod: null, failure: { ...saved.failure }, nextAction: null };
  return { processorId: input.idempotencyKey, status: "succeeded", paymentMethod: toSaved(saved), failure: null, nextAction: null };
}

export async function attachPaymentMethod(
  deps: SandboxDeps,
  ctx: ConnectorContext,
  input: PaymentMethodInput & { customerId: string },
): Promise<SavedPaymentMethod> {
  const saved = await save(deps, ctx, input.paymentMethod, input.customerId, input.idempotencyKey);
  if ("failure" in saved) throw new ConnectorRequestError(saved.failure.code, saved.failure.message, "payment_method");
  return toSaved(saved);
}

export async function detachPaymentMethod(deps: SandboxDeps, ctx: ConnectorContext, input: PaymentMethodInput): Promise<SavedPaymentMethod> {
  const existing = await findSavedCard(deps, ctx, input.paymentMethod);
  if (!existing) throw new ConnectorRequestError("resource_missing", `No such PaymentMethod: '${input.paymentMethod}'`, "payment_method");
  if (!existing.customer) return toSaved(existing); // detached already: a retry answers the same
  const db = await deps.db();
  const [row] = await db.update(sandboxPaymentMethods).set({ customer: null }).where(pmTenant(ctx, existing.id)).returning();
  return toSaved(row!);
}

export async function deleteCustomer(deps: SandboxDeps, ctx: ConnectorContext, input: { customerId: string }): Promise<void> {
  const db = await deps.db();
  await db
    .update(sandboxPaymentMethods)
    .set({ customer: null })
    .where(
      and(
        eq(sandboxPaymentMethods.merchantId, ctx.merchantId),
        eq(sandboxPaymentMethods.livemode, ctx.livemode),
        eq(sandboxPaymentMethods.customer, input.customerId),
      ),
    );
}
