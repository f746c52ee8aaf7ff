import { PageHeader } from "@/components/ui/card";
import { RoutingEditor } from "@/components/dashboard/routing/routing-editor";
import { SANDBOX_TEST_CARDS } from "@/lib/gateways/sandbox/test-cards";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getRoutingRules } from "@/lib/routing/get-routing-rules";
import { CARD_BRANDS, ROUTABLE_PAYMENT_METHOD_TYPES } from "@/lib/routing/rules";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Routing settings" };

/** The test cards the tester offers: Stripe-style pm_card_… names with their brand, country and number's start. */
const TEST_CARDS = SANDBOX_TEST_CARDS.filter((c) => c.paymentMethods.length > 0).map((c) => ({
  id: c.paymentMethods[0]!,
  label: `${c.paymentMethods[0]} — ${c.brand}, ${c.country}, ${c.number.slice(0, 6)}…`,
}));

export default async function RoutingSettingsPage() {
  const member = await requireMember("routing:read");
  const ctx = await memberContext(member);
  const routing = await getRoutingRules({ ctx });
  return (
    <>
      <PageHeader
        title="Routing"
        description={`Which processor takes each payment in ${ctx.livemode ? "live" : "test"} mode (each mode has its own rules). Rules are tried in order and the first whose conditions all hold routes the payment, to one connector or split by weight; a payment no rule matches takes the default route. If the chosen connector is unavailable, the next in the failover order takes it.`}
      />
      <RoutingEditor
        initial={routing}
        canEdit={can(member.role, "routing:write")}
        cardBrands={CARD_BRANDS}
        paymentMethodTypes={ROUTABLE_PAYMENT_METHOD_TYPES}
        testCards={TEST_CARDS}
      />
    </>
  );
}
