// The portal's "Update card" on Stripe, through the real SDK against the Stripe double: the PaymentMethod id
// Stripe.js would make becomes a SetupIntent on the customer's Stripe twin and their default; a card that
// needs 3D Secure answers the client secret for Stripe.js, and once the bank's step is done the refresh reads
// the setup from Stripe and makes the card the default. The sandbox form is refused for a Stripe customer.
import { describe, expect, it } from "vitest";
import { createCustomer } from "@/lib/customers/create-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { apiMerchant, stripeTestBed } from "@/test/stripe";
import { createPortalSession } from "./create-portal-session";
import { refreshPortalCard, savePortalCard } from "./save-portal-card";

const env = stripeTestBed("stripe_portal");
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function stripePortal() {
  const ctx = await apiMerchant(env.h.db);
  const cus = await createCustomer({ ctx, input: { email: "stripe-portal@example.test" } });
  const session = await createPortalSession({ ctx, input: { customer: cus.id } });
  return { ctx, customer: cus.id, token: tokenOf(session.url), session };
}

describe("updating the card on Stripe", () => {
  it("a Stripe.js PaymentMethod is set up on the customer's Stripe twin and becomes the default, here and at Stripe", async () => {
    const { ctx, customer, token, session } = await stripePortal();
    const saved = await savePortalCard({ token, card: { form: "stripe", paymentMethod: "pm_card_visa" } });
    expect(saved).toMatchObject({ status: "saved", paymentMethod: expect.stringMatching(/^pm_/) });
    if (saved.status !== "saved") throw new Error("expected saved");
    const [setup] = env.double.requestsTo(/^\/setup_intents$/, "POST");
    expect(setup!.params).toMatchObject({ payment_method: "pm_card_visa", confirm: "true", usage: "off_session" });
    expect((await getCustomer({ ctx, id: customer })).invoice_settings.default_payment_method).toBe(saved.paymentMethod);
    const twin = [...env.double.state.customers.values()][0]!;
    expect((twin.invoice_settings as { default_payment_method: string }).default_payment_method).toBe(saved.paymentMethod);
    expect(session.customer).toBe(customer);
  });

  it("a card that needs 3D Secure on setup: the client secret for Stripe.js, then the refresh makes it the default", async () => {
    const { ctx, customer, token } = await stripePortal();
    const first = await savePortalCard({ token, card: { form: "stripe", paymentMethod: "pm_card_authenticationRequiredOnSetup" } });
    expect(first).toMatchObject({ status: "requires_action", clientSecret: expect.stringMatching(/^seti_.+_secret_/) });
    expect((await getCustomer({ ctx, id: customer })).invoice_settings.default_payment_method).toBeNull();
    // Before the bank's step: the refresh finds it still waiting and changes nothing.
    expect(await refreshPortalCard({ token })).toEqual({ status: "failed" });
    // Stripe.js ran the challenge (handleNextAction) and the customer passed it.
    const seti = [...env.double.state.setupIntents.values()].at(-1)!;
    seti.status = "succeeded";
    seti.next_action = null;
    const after = await refreshPortalCard({ token });
    expect(after).toMatchObject({ status: "saved", paymentMethod: seti.payment_method });
    expect((await getCustomer({ ctx, id: customer })).invoice_settings.default_payment_method).toBe(seti.payment_method);
  });

  it("the sandbox form, or something that is not a PaymentMethod id, is refused for a Stripe customer and sends nothing to Stripe", async () => {
    const { token } = await stripePortal();
    await expect(savePortalCard({ token, card: { form: "sandbox", paymentMethod: "pm_card_visa" } })).rejects.toMatchObject({ code: "parameter_invalid" });
    await expect(savePortalCard({ token, card: { form: "stripe", paymentMethod: "seti_123" } })).rejects.toMatchObject({ code: "parameter_invalid" });
    expect(env.double.requestsTo(/^\/setup_intents$/, "POST")).toEqual([]);
  });
});
