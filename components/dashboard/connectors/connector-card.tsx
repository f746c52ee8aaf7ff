import type { ConnectorHealthEntry } from "@/lib/connector-health/health-snapshot";
import { BreakerStateBadge, STATE_LABEL, STATE_MEANING } from "./breaker-state";
import { percent, plural, relativeTime, UtcTime, windowLabel } from "./format";

const TERM = "text-slate-600";
const VALUE = "font-medium text-slate-900 tabular-nums";

/** "12:01:30 UTC (in 42 s)": a moment and how far it is from the page's time. */
function Moment({ at, now }: { at: Date; now: Date }) {
  return (
    <>
      <UtcTime at={at} /> <span className="font-normal text-slate-600">({relativeTime(at, now)})</span>
    </>
  );
}

/** When the breaker lets a payment through again: nothing to wait for when closed. */
function NextProbe({ breaker, now }: { breaker: ConnectorHealthEntry["breaker"]; now: Date }) {
  if (breaker.state === "closed" || !breaker.retryAt) return <span className="font-normal text-slate-600">None: it is closed</span>;
  if (breaker.state === "half_open") {
    return (
      <>
        Out now{breaker.probeClaimedAt ? <> (sent {relativeTime(breaker.probeClaimedAt, now)})</> : null}; if unanswered, another at{" "}
        <Moment at={breaker.retryAt} now={now} />
      </>
    );
  }
  if (breaker.retryAt <= now) return <>Due now: the next payment sent to it is the trial</>;
  return <Moment at={breaker.retryAt} now={now} />;
}

/**
 * One connector: its circuit breaker (shared by every Kassa instance and merchant) and its health over
 * the window, summed over the fleet. Read-only: a breaker moves by itself, on outcomes and time.
 */
export function ConnectorCard({ entry, now, windowMs, threshold }: { entry: ConnectorHealthEntry; now: Date; windowMs: number; threshold: number }) {
  const { connector, breaker, health } = entry;
  const headingId = `connector-${connector}`;
  const failures = health.transientFailures + health.unknownOutcomes;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
      data-testid="connector-card"
      data-connector={connector}
    >
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <h2 id={headingId} className="font-mono text-sm font-semibold text-slate-800">
          {connector}
        </h2>
        <BreakerStateBadge state={breaker.state} testId="breaker-state" />
      </header>
      <div className="space-y-5 p-5 text-sm">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Circuit breaker</h3>
          <p className="mt-1 text-slate-700" data-testid="breaker-summary">
            {STATE_LABEL[breaker.state]}: {STATE_MEANING[breaker.state]}.
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className={TERM}>Failures in a row</dt>
            <dd className={VALUE} data-testid="consecutive-failures">
              {breaker.consecutiveFailures}
              {breaker.state === "closed" ? <span className="font-normal text-slate-600"> (it opens at {threshold})</span> : null}
            </dd>
            <dt className={TERM}>Open since</dt>
            <dd className={VALUE} data-testid="opened-at">
              {breaker.state !== "closed" && breaker.openedAt ? (
                <Moment at={breaker.openedAt} now={now} />
              ) : (
                <span className="font-normal text-slate-600">Not open</span>
              )}
            </dd>
            <dt className={TERM}>Next trial payment</dt>
            <dd className={VALUE} data-testid="next-probe">
              <NextProbe breaker={breaker} now={now} />
            </dd>
          </dl>
        </div>
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Last {windowLabel(windowMs)}, all of Kassa</h3>
          {health.total === 0 ? (
            <p className="mt-1 text-slate-600" data-testid="no-calls">
              No calls in the last {windowLabel(windowMs)}.
            </p>
          ) : (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className={TERM}>Calls</dt>
              <dd className={VALUE} data-testid="calls">
                {health.total.toLocaleString("en-US")}
              </dd>
              <dt className={TERM}>Success rate</dt>
              <dd className={VALUE}>
                <span data-testid="success-rate">{percent(health.successRate ?? 0)}</span>
                {health.declines > 0 ? (
                  <span className="font-normal text-slate-600"> ({plural(health.declines, "decline")} included: the processor answered)</span>
                ) : null}
              </dd>
              <dt className={TERM}>Failures</dt>
              <dd className={VALUE} data-testid="failures">
                {failures}
                {failures > 0 ? (
                  <span className="font-normal text-slate-600">
                    {" "}
                    ({health.transientFailures} transient, {health.unknownOutcomes} unknown outcome)
                  </span>
                ) : null}
              </dd>
              <dt className={TERM}>Latency</dt>
              <dd className={VALUE} data-testid="latency">
                {health.latencyMs ? `p50 ${health.latencyMs.p50} ms · p95 ${health.latencyMs.p95} ms` : "Not timed"}
              </dd>
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
