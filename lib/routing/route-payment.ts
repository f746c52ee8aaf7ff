import type { Executor } from "@/db/client";
import type { AttemptRouting } from "@/db/schema";
import type { ConnectorName } from "@/lib/gateways/types";
import { paypalTestCard } from "@/lib/gateways/paypal/test-cards";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import type { ServiceContext } from "@/lib/service/context";
import type { RoutingFacts } from "./compile";
import { compiledRouting } from "./routing-cache";
import { startedConnectorHealth } from "@/lib/connector-health/process-connector-health";

export interface PaymentRoute {
  connector: ConnectorName;
  routing: AttemptRouting;
}

/**
 * Whether a connector can charge this payment method. Kassa keeps no card vault, so only a token every
 * processor knows is portable: the test cards (pm_card_visa …) in test mode. A processor's own token (a
 * Stripe pm_…, a card the sandbox saved) stays with that processor, and routing leaves such payments alone.
 */
function accepts(connector: string, paymentMethod: string): boolean {
  const card = testCardByPaymentMethod(paymentMethod);
  if (!card) return false;
  if (connector === "paypal") {
    try {
      paypalTestCard(paymentMethod);
      return true;
    } catch {
      return false;
    }
  }
  // The sandboxes know every test card; Stripe every one but the sandbox's own.
  return connector === "sandbox" || connector === "sandbox_b" || (connector === "stripe" && !card.sandboxOnly);
}

/** What routing knows of a card before it is charged: a test card's brand, issuing country and BIN. */
export function cardFacts(paymentMethod: string): RoutingFacts["card"] {
  const card = testCardByPaymentMethod(paymentMethod);
  return card ? { brand: card.brand, country: card.country, bin: card.number.slice(0, 6) } : null;
}

/**
 * The connector for a card payment by the merchant's routing rules, in microseconds from memory (no
 * statement while the rules cache listens): the decision, the rule and the failover order, for the attempt
 * to record. null: no rules, no rule can take this payment method, or its token is not portable — the
 * mode's built-in processor takes it.
 */
export async function routePayment(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  payment: { id: string; amount: bigint; currency: string; paymentMethod: string },
): Promise<PaymentRoute | null> {
  // Only a portable token is ever routed: the others never cost a lookup.
  if (!testCardByPaymentMethod(payment.paymentMethod)) return null;
  const { router, version } = await compiledRouting(db, ctx);
  if (!router) return null;
  const decision = router({
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    paymentMethodType: "card",
    card: cardFacts(payment.paymentMethod),
  });
  if (!decision) return null;
  const portable = decision.candidates.filter((c) => accepts(c, payment.paymentMethod));
  if (portable.length === 0) return null;
  // A connector whose breaker refuses goes last (from memory: no statement); once its probe is due it takes its place again.
  // From memory only (the caller may hold a transaction): before the breakers have started, no order changes.
  const health = startedConnectorHealth();
  const open = (c: string) => health?.refusing({ connector: c, livemode: ctx.livemode }) === true;
  const candidates = [...portable.filter((c) => !open(c)), ...portable.filter(open)];
  return { connector: candidates[0] as ConnectorName, routing: { version, rule: decision.rule, candidates } };
}
