// The customer billing portal at service level on a real PostgreSQL and the sandbox processor: creating a
// session (its shape, only the token's hash stored, bad input, another tenant's or a deleted customer),
// the token's lookup and expiry on a fixed clock, the page's data bound to the session's customer, a new
// card made the default (and a subscription's own default), and cancel at period end with the portal as the
// actor — refused for another customer's subscription, another merchant's, and when portal_cancel is off.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, billingPortalSessions, billingSettings, customers, events, subscriptions } from "@/db/schema";
import { deleteCustomer } from "@/lib/customers/delete-customer";
import { newId } from "@/lib/ids";
import { getCustomer } from "@/lib/customers/get-customer";
import type { ServiceContext } from "@/lib/service/context";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { getSubscription } from "@/lib/subscriptions/get-subscription";
import { makeCustomer, makePrice } from "@/test/billing";
import { errorCodeOf as code } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { createPortalSession } from "./create-portal-session";
import { findPortalSession, openPortalSession } from "./find-portal-session";
import { getPortalView } from "./get-portal-view";
import { refreshPortalCard, savePortalCard } from "./save-portal-card";
import { setPortalCancel } from "./set-portal-cancel";
import { PORTAL_SESSION_TTL_MS } from "./token";

const bed = paymentsTestBed("portal");
const db = () => bed.env.h.db;
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const sessionsOf = async (ctx: ServiceContext) => db().select().from(billingPortalSessions).where(eq(billingPortalSessions.merchantId, ctx.merchantId));
const subRow = async (id: string) => (await db().select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;

/** A merchant, a customer with a card and a monthly subscription, and a portal session for that customer. */
async function portalFor(opts: { returnUrl?: string; now?: Date } = {}) {
  const ctx = await bed.merchant();
  const price = await makePrice(ctx, { amount: 1500, name: "Basic" });
  const { customer, paymentMethod } = await makeCustomer(ctx);
  const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
  const session = await createPortalSession({
    ctx,
    input: { customer, ...(opts.returnUrl ? { return_url: opts.returnUrl } : {}) },
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { ctx, price, customer, paymentMethod: paymentMethod!, sub, session, token: tokenOf(session.url) };
}

describe("creating a portal session", () => {
  it("answers Stripe's shape with a one-hour link; only the token's SHA-256 is stored; an audit row names it", async () => {
    const now = new Date("2031-03-04T05:06:07Z");
    const { ctx, customer, session, token } = await portalFor({ returnUrl: "https://shop.example/account", now });
    expect(session).toEqual({
      id: expect.stringMatching(/^bps_[0-9a-z]{26}$/),
      object: "billing_portal.session",
      customer,
      url: expect.stringMatching(/\/billing\/[A-Za-z0-9_-]{43}$/),
      return_url: "https://shop.example/account",
      expires_at: Math.floor(now.getTime() / 1000) + 3600,
      livemode: false,
      created: Math.floor(now.getTime() / 1000),
    });
    const rows = await sessionsOf(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows[0])).not.toContain(token);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, "billing_portal.session.created")));
    expect(audit).toMatchObject({ actorType: "api_key", targetType: "customer", targetId: customer, metadata: { session: session.id } });
    expect(JSON.stringify(audit)).not.toContain(token);
    // Two sessions for one customer are two different links.
    const again = await createPortalSession({ ctx, input: { customer } });
    expect(tokenOf(again.url)).not.toBe(token);
    expect(again.return_url).toBeNull();
  });

  it("refuses a bad return_url, another merchant's, the other mode's and a deleted customer, storing nothing", async () => {
    const ctx = await bed.merchant();
    const other = await bed.merchant();
    const { customer } = await makeCustomer(ctx, null);
    const { customer: theirs } = await makeCustomer(other, null);
    const { customer: gone } = await makeCustomer(ctx, null);
    await deleteCustomer({ ctx, id: gone });
    for (const return_url of ["javascript:alert(1)", "ftp://shop.example/", "data:text/html,hi", "not a url", "//shop.example/x"]) {
      await expect(createPortalSession({ ctx, input: { customer, return_url } })).rejects.toMatchObject({ code: "parameter_invalid", param: "return_url" });
    }
    await expect(createPortalSession({ ctx, input: { return_url: "https://shop.example" } })).rejects.toMatchObject({
      code: "parameter_missing",
      param: "customer",
    });
    await expect(createPortalSession({ ctx, input: { customer, flow_data: {} } })).rejects.toMatchObject({ code: "parameter_unknown" });
    for (const id of [theirs, gone, "cus_nope"]) {
      await expect(createPortalSession({ ctx, input: { customer: id } })).rejects.toMatchObject({ code: "resource_missing", param: "customer" });
    }
    // This test-mode customer from a live key.
    await expect(createPortalSession({ ctx: { ...ctx, livemode: true }, input: { customer } })).rejects.toMatchObject({
      code: "resource_missing",
      param: "customer",
    });
    expect(await sessionsOf(ctx)).toEqual([]);
  });

  it("needs billing_portal:write: analysts and support cannot, a restricted key only with that grant", async () => {
    const ctx = await bed.merchant();
    const { customer } = await makeCustomer(ctx, null);
    const user = (role: "analyst" | "support" | "developer") => ({ ...ctx, actor: { type: "user" as const, id: "usr_x" }, role });
    expect(await code(createPortalSession({ ctx: user("analyst"), input: { customer } }))).toBe("permission_denied");
    expect(await code(createPortalSession({ ctx: user("support"), input: { customer } }))).toBe("permission_denied");
    expect(await code(createPortalSession({ ctx: user("developer"), input: { customer } }))).toBe("ok");
    const key = (keyPermissions: Record<string, "read" | "write">) => ({ ...ctx, keyPermissions });
    expect(await code(createPortalSession({ ctx: key({ customers: "write", subscriptions: "write" }), input: { customer } }))).toBe("permission_denied");
    expect(await code(createPortalSession({ ctx: key({ billing_portal: "write" }), input: { customer } }))).toBe("ok");
  });
});

describe("the portal link", () => {
  it("opens the portal until expires_at and not a millisecond after (fixed clock); unknown and malformed tokens are missing", async () => {
    const now = new Date("2031-06-01T12:00:00Z");
    const { customer, session, token } = await portalFor({ now });
    const at = (ms: number) => findPortalSession({ token, now: new Date(now.getTime() + ms) });
    expect(await at(0)).toMatchObject({ state: "open", session: { id: session.id, customer }, customer: { id: customer } });
    expect(await at(PORTAL_SESSION_TTL_MS - 1)).toMatchObject({ state: "open" });
    expect(await at(PORTAL_SESSION_TTL_MS)).toMatchObject({ state: "expired", session: { id: session.id } });
    expect(await at(-1 + 86_400_000)).toMatchObject({ state: "expired" });
    await expect(openPortalSession({ token, now: new Date(now.getTime() + PORTAL_SESSION_TTL_MS) })).rejects.toMatchObject({
      code: "billing_portal_session_expired",
    });
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const t of [flipped, token.slice(1), `${token}x`, session.id, "", null, 42, "../etc/passwd", createHash("sha256").update(token).digest("hex")]) {
      expect(await findPortalSession({ token: t, now })).toEqual({ state: "missing" });
    }
    await expect(openPortalSession({ token: flipped, now })).rejects.toMatchObject({ code: "resource_missing" });
  });

  it("stops opening once its customer is deleted", async () => {
    const { ctx, customer, token } = await portalFor();
    expect((await findPortalSession({ token })).state).toBe("open");
    await deleteCustomer({ ctx, id: customer });
    expect(await findPortalSession({ token })).toEqual({ state: "missing" });
  });

  it("shows the session's customer only: their subscription with its renewal, their invoice, their card", async () => {
    const { ctx, sub, token, price } = await portalFor({ returnUrl: "https://shop.example/account" });
    // Another customer of the same merchant with their own subscription and invoice.
    const { customer: neighbour } = await makeCustomer(ctx, "pm_card_mastercard");
    const theirs = await createSubscription({ ctx, input: { customer: neighbour, items: [{ price: price.id, quantity: 3 }] } });
    const portal = await findPortalSession({ token });
    if (portal.state !== "open") throw new Error("expected an open portal");
    const view = await getPortalView({ portal });
    expect(view).toMatchObject({
      businessName: expect.stringMatching(/^Shop /),
      livemode: false,
      returnUrl: "https://shop.example/account",
      customer: { name: "Ada Buyer" },
      card: { brand: "visa", last4: "4242" },
      portalCancel: true,
    });
    expect(view.subscriptions).toHaveLength(1);
    expect(view.subscriptions[0]).toMatchObject({
      id: sub.id,
      status: "active",
      cancelAtPeriodEnd: false,
      cancelable: true,
      items: [{ name: "Basic", quantity: 1, unitAmount: 1500n, interval: "month" }],
      next: { at: new Date(sub.current_period_end * 1000), amountDue: 1500n },
    });
    expect(view.invoices).toHaveLength(1);
    expect(view.invoices[0]).toMatchObject({ number: expect.stringMatching(/^KASSA-\d{4}$/), status: "paid", total: 1500n, currency: "usd" });
    expect(view.invoices[0]!.hostedUrl).toMatch(/\/invoice\/[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(view, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(theirs.id);
  });
});

describe("updating the card", () => {
  it("saves the card through a setup, makes it the default (and a subscription's own default), tells a waiting dunning run", async () => {
    const { ctx, customer, paymentMethod, price, token, session } = await portalFor();
    const own = await createSubscription({ ctx, input: { customer, items: [{ price: (await makePrice(ctx)).id }], default_payment_method: paymentMethod } });
    expect(price.id).toBeTruthy();
    const saved = await savePortalCard({ token, card: { form: "sandbox", paymentMethod: "pm_card_mastercard" } });
    expect(saved).toMatchObject({ status: "saved", paymentMethod: expect.stringMatching(/^pm_/) });
    if (saved.status !== "saved") throw new Error("expected saved");
    expect(saved.paymentMethod).not.toBe(paymentMethod);
    expect((await getCustomer({ ctx, id: customer })).invoice_settings.default_payment_method).toBe(saved.paymentMethod);
    expect((await getSubscription({ ctx, id: own.id })).default_payment_method).toBe(saved.paymentMethod);
    const portal = await findPortalSession({ token });
    if (portal.state !== "open") throw new Error("expected an open portal");
    expect((await getPortalView({ portal })).card).toMatchObject({ brand: "mastercard", last4: "4444" });
    const rows = await db().select().from(events).where(eq(events.merchantId, ctx.merchantId));
    expect(rows.filter((e) => e.type === "billing/payment_method.updated").length).toBeGreaterThanOrEqual(1);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, "customer.updated"), eq(auditLog.actorId, "billing_portal")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "system", targetId: customer, actorLabel: expect.stringContaining(session.id) });
  });

  it("a declined card changes nothing; the Stripe form on a sandbox customer is refused; an expired link saves nothing", async () => {
    const now = new Date();
    const { ctx, customer, paymentMethod, token } = await portalFor({ now });
    await expect(savePortalCard({ token, card: { form: "sandbox", paymentMethod: "pm_card_chargeDeclined" } })).rejects.toMatchObject({
      code: "card_declined",
    });
    await expect(savePortalCard({ token, card: { form: "stripe", paymentMethod: "pm_card_visa" } })).rejects.toMatchObject({ code: "parameter_invalid" });
    await expect(
      savePortalCard({ token, card: { form: "sandbox", paymentMethod: "pm_card_visa" }, now: new Date(now.getTime() + PORTAL_SESSION_TTL_MS) }),
    ).rejects.toMatchObject({ code: "billing_portal_session_expired" });
    // The declined setup is this session's latest: refreshing it finds it failed and changes nothing.
    expect(await refreshPortalCard({ token })).toEqual({ status: "failed" });
    expect((await db().select().from(customers).where(eq(customers.id, customer)))[0]!.defaultPaymentMethod).toBe(paymentMethod);
    expect(ctx.merchantId).toBeTruthy();
  });
});

describe("cancel at period end from the portal", () => {
  it("sets and undoes it through updateSubscription, the portal recorded as the actor", async () => {
    const { ctx, sub, token, session } = await portalFor();
    expect(await setPortalCancel({ token, subscription: sub.id, cancel: true })).toMatchObject({ id: sub.id, cancel_at_period_end: true, status: "active" });
    expect((await subRow(sub.id)).cancelAtPeriodEnd).toBe(true);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.targetId, sub.id), eq(auditLog.action, "subscription.updated")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "system", actorId: "billing_portal", actorLabel: expect.stringContaining(session.id) });
    expect(await setPortalCancel({ token, subscription: sub.id, cancel: false })).toMatchObject({ cancel_at_period_end: false });
    expect((await subRow(sub.id)).cancelAtPeriodEnd).toBe(false);
  });

  it("refuses another customer's subscription, another merchant's, the other mode's and junk, changing nothing", async () => {
    const { ctx, price, token } = await portalFor();
    const { customer: neighbour } = await makeCustomer(ctx);
    const neighbours = await createSubscription({ ctx, input: { customer: neighbour, items: [{ price: price.id }] } });
    const other = await portalFor();
    // The same merchant's subscription in live mode (rows only: live mode needs Stripe to make one).
    const liveSub = { id: newId("subscription") };
    const now = new Date();
    await db()
      .insert(subscriptions)
      .values({
        id: liveSub.id,
        merchantId: ctx.merchantId,
        livemode: true,
        customer: neighbour,
        status: "active",
        currency: "usd",
        interval: "month",
        intervalCount: 1,
        billingCycleAnchor: now,
        currentPeriodStart: now,
        currentPeriodEnd: new Date(now.getTime() + 30 * 86_400_000),
      });
    for (const id of [neighbours.id, other.sub.id, liveSub.id, "sub_nope", ["x"], undefined]) {
      await expect(setPortalCancel({ token, subscription: id, cancel: true })).rejects.toMatchObject({ code: "resource_missing", param: "subscription" });
    }
    for (const id of [neighbours.id, other.sub.id, liveSub.id]) expect((await subRow(id)).cancelAtPeriodEnd).toBe(false);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, "billing_portal"), eq(auditLog.action, "subscription.updated")));
    expect(audits.filter((a) => [neighbours.id, other.sub.id, liveSub.id].includes(a.targetId!))).toEqual([]);
  });

  it("portal_cancel off: cancel is refused and nothing changes; undoing a cancellation is still allowed", async () => {
    const { ctx, sub, token } = await portalFor();
    await db()
      .insert(billingSettings)
      .values({ merchantId: ctx.merchantId, retryDays: [1, 2], terminalAction: "unpaid", portalCancel: false });
    const portal = await findPortalSession({ token });
    if (portal.state !== "open") throw new Error("expected an open portal");
    expect((await getPortalView({ portal })).portalCancel).toBe(false);
    await expect(setPortalCancel({ token, subscription: sub.id, cancel: true })).rejects.toMatchObject({ code: "permission_denied" });
    expect((await subRow(sub.id)).cancelAtPeriodEnd).toBe(false);
    await db().update(subscriptions).set({ cancelAtPeriodEnd: true }).where(eq(subscriptions.id, sub.id));
    expect(await setPortalCancel({ token, subscription: sub.id, cancel: false })).toMatchObject({ cancel_at_period_end: false });
  });

  it("an expired link changes nothing", async () => {
    const now = new Date();
    const { sub, token } = await portalFor({ now });
    await expect(
      setPortalCancel({ token, subscription: sub.id, cancel: true, now: new Date(now.getTime() + PORTAL_SESSION_TTL_MS + 1) }),
    ).rejects.toMatchObject({ code: "billing_portal_session_expired" });
    expect((await subRow(sub.id)).cancelAtPeriodEnd).toBe(false);
  });
});

describe("a session row whose mode is not its customer's", () => {
  it("never opens (the lookup joins the customer in the session's own merchant and mode)", async () => {
    const { ctx, customer } = await portalFor();
    const token = "A".repeat(43);
    await db()
      .insert(billingPortalSessions)
      .values({
        id: newId("billingPortalSession"),
        merchantId: ctx.merchantId,
        livemode: true,
        customer,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 60_000),
      });
    expect(await findPortalSession({ token })).toEqual({ state: "missing" });
  });
});
