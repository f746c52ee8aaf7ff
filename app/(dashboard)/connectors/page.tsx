import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { BreakerHistory } from "@/components/dashboard/connectors/breaker-history";
import { ConnectorCard } from "@/components/dashboard/connectors/connector-card";
import { UtcTime, windowLabel } from "@/components/dashboard/connectors/format";
import { getConnectorHealth } from "@/lib/connector-health/get-connector-health";
import { memberContext, requireMember } from "@/lib/http/session/session";

export const metadata = { title: "Connectors" };

export default async function ConnectorsPage() {
  const member = await requireMember("routing:read");
  const ctx = await memberContext(member);
  const snapshot = await getConnectorHealth({ ctx });
  const mode = ctx.livemode ? "live" : "test";
  return (
    <>
      <PageHeader
        title="Connectors"
        description={`The processors that take ${mode}-mode payments and how they are doing. When one fails ${snapshot.threshold} times in a row its circuit breaker opens: payments go to the next connector in your routing's failover order (or fail if none is left), and after a pause one trial payment decides whether it closes again. Breakers and health are Kassa-wide (a processor's outage is everyone's), so they change by themselves, not from here.`}
        actions={
          <p className="text-sm text-slate-600" data-testid="last-updated">
            Last updated <UtcTime at={snapshot.at} /> ·{" "}
            <Link href="/connectors" prefetch={false} className="text-brand-700 underline hover:text-slate-900">
              Refresh
            </Link>
          </p>
        }
      />
      <div className="space-y-6">
        {snapshot.connectors.length === 0 ? (
          <Card>
            <p className="text-sm text-slate-600" data-testid="no-connectors">
              No processor takes {mode}-mode payments on this Kassa yet.
            </p>
          </Card>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2" data-testid="connectors">
            {snapshot.connectors.map((entry) => (
              <ConnectorCard key={entry.connector} entry={entry} now={snapshot.at} windowMs={snapshot.windowMs} threshold={snapshot.threshold} />
            ))}
          </div>
        )}
        <Card title="Breaker history">
          <BreakerHistory history={snapshot.history} mode={mode} />
        </Card>
        <p className="text-xs text-slate-600">
          Health covers every call to a processor from all of Kassa in the last {windowLabel(snapshot.windowMs)}, this minute as of each server&apos;s last
          report (every few seconds). A decline counts as a success: the processor answered.
        </p>
      </div>
    </>
  );
}
