import Link from "next/link";
import { RadarRules } from "@/components/dashboard/radar-rules";
import { Card, PageHeader } from "@/components/ui/card";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listRules } from "@/lib/fraud/list-rules";
import { RULE_ACTIONS } from "@/lib/fraud/rules";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Fraud rules" };

export default async function FraudRulesPage() {
  const member = await requireMember("radar:read");
  const ctx = await memberContext(member);
  // At most 100 are active, so one page holds them all; shown in the order they are evaluated.
  const { data } = await listRules({ ctx, input: { status: "active", limit: "100" }, url: "/fraud/rules" });
  const rules = [...data].reverse().sort((a, b) => RULE_ACTIONS.indexOf(a.action) - RULE_ACTIONS.indexOf(b.action));
  return (
    <>
      <PageHeader
        title="Rules"
        description="Your fraud rules, evaluated with Kassa's default rules in Radar's order: request_3ds, then allow, then block, then review; the first that matches decides."
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/fraud/lists">
            Lists
          </Link>
        }
      />
      <Card>
        <RadarRules rules={rules} canWrite={can(member.role, "radar:write")} />
      </Card>
    </>
  );
}
