import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { alerts, alertSettings, type AlertKind, type AlertRow } from "@/db/schema";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { serializeAlert } from "./serialize-alert";
import { ALERT_WINDOW_MINUTES, clearBelowBp, DEFAULT_ALERT_SETTINGS, type AlertSettings } from "./settings";
import { windowCounts, type WindowCounts } from "./window-counts";

export interface AlertEvaluation {
  /** Merchant modes looked at: those with traffic in the window, and those with an alert open. */
  evaluated: number;
  opened: string[];
  resolved: string[];
}

type Tenant = { merchantId: string; livemode: boolean };
const keyOf = (t: Tenant) => `${t.merchantId}:${t.livemode}`;

/** Which count and threshold each kind watches. */
const WATCH: Record<AlertKind, { matching: (c: WindowCounts) => number; threshold: (s: AlertSettings) => number }> = {
  payment_failure_rate: { matching: (c) => c.failures, threshold: (s) => s.failureRateBp },
  processor_timeout_rate: { matching: (c) => c.timeouts, threshold: (s) => s.timeoutRateBp },
};

/**
 * Every minute (the alert-evaluate cron), or for one merchant's mode with `only`: the rates over the 15
 * minutes before `now`, per merchant and mode with traffic. An alert opens when a rate exceeds the
 * merchant's threshold with at least the minimum number of counted attempts; it clears when the rate is
 * back at or under 80% of the threshold (hysteresis) with that volume, or when the window holds no counted
 * attempt at all. Idempotent: one open alert per merchant, mode and kind (a unique index), so a second
 * evaluation while open does nothing, and each change is one commit with its `alert.*` event and audit row.
 */
export async function evaluateAlerts(args: { now?: Date; db?: Executor; only?: Tenant } = {}): Promise<AlertEvaluation> {
  const db = args.db ?? (await getDb());
  const now = args.now ?? new Date();
  const window = { from: new Date(now.getTime() - ALERT_WINDOW_MINUTES * 60_000), to: now };
  const counts = await windowCounts(db, window, args.only);
  const open = await db
    .select()
    .from(alerts)
    .where(
      and(
        isNull(alerts.resolvedAt),
        args.only ? eq(alerts.merchantId, args.only.merchantId) : undefined,
        args.only ? eq(alerts.livemode, args.only.livemode) : undefined,
      ),
    );
  const tenants = new Map<string, Tenant>();
  for (const t of [...counts, ...open]) tenants.set(keyOf(t), { merchantId: t.merchantId, livemode: t.livemode });
  const settings = await settingsOf(db, [...tenants.values()]);
  const result: AlertEvaluation = { evaluated: tenants.size, opened: [], resolved: [] };
  for (const [key, tenant] of tenants) {
    const c = counts.find((x) => keyOf(x) === key) ?? { ...tenant, attempts: 0, failures: 0, timeouts: 0 };
    const s = settings.get(key) ?? DEFAULT_ALERT_SETTINGS;
    for (const kind of Object.keys(WATCH) as AlertKind[]) {
      const current = open.find((a) => keyOf(a) === key && a.kind === kind);
      const matching = WATCH[kind].matching(c);
      const threshold = WATCH[kind].threshold(s);
      const enough = c.attempts >= s.minAttempts;
      // Exact comparisons in integers: matching / attempts against basis points.
      if (!current && enough && matching * 10_000 > threshold * c.attempts) {
        const id = await raise(db, now, tenant, { kind, attempts: c.attempts, matching, threshold });
        if (id) result.opened.push(id);
      } else if (current && (c.attempts === 0 || (enough && matching * 10_000 <= clearBelowBp(current.thresholdBp) * c.attempts))) {
        if (await clear(db, now, current, rateBp(matching, c.attempts))) result.resolved.push(current.id);
      }
    }
  }
  return result;
}

const rateBp = (matching: number, attempts: number) => (attempts === 0 ? 0 : Math.round((matching * 10_000) / attempts));

const systemCtx = (db: Executor, t: Tenant): ServiceContext => ({ ...t, db, actor: systemActor("alert-evaluation") });

async function settingsOf(db: Executor, tenants: Tenant[]): Promise<Map<string, AlertSettings>> {
  if (tenants.length === 0) return new Map();
  const rows = await db
    .select()
    .from(alertSettings)
    .where(inArray(alertSettings.merchantId, [...new Set(tenants.map((t) => t.merchantId))]));
  return new Map(rows.map((r) => [keyOf(r), r]));
}

/** Opens the alert unless one of its kind is open already (then nothing: no row, no event). */
async function raise(
  db: Executor,
  now: Date,
  t: Tenant,
  a: { kind: AlertKind; attempts: number; matching: number; threshold: number },
): Promise<string | null> {
  return commit(systemCtx(db, t), async (tx, changes) => {
    const [row] = await tx
      .insert(alerts)
      .values({
        id: newId("alert"),
        ...t,
        kind: a.kind,
        valueBp: rateBp(a.matching, a.attempts),
        thresholdBp: a.threshold,
        attempts: a.attempts,
        matching: a.matching,
        windowMinutes: ALERT_WINDOW_MINUTES,
        openedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    changes.audit({ action: "alert.opened", targetType: "alert", targetId: row.id, metadata: { kind: row.kind, value_bp: row.valueBp } });
    changes.event("alert.opened", serializeAlert(row));
    return row.id;
  });
}

/** Resolves the alert if it is still open (a concurrent evaluation that resolved it first wins). */
async function clear(db: Executor, now: Date, open: AlertRow, valueBp: number): Promise<boolean> {
  return commit(systemCtx(db, open), async (tx, changes) => {
    const [row] = await tx
      .update(alerts)
      .set({ resolvedAt: now, resolvedValueBp: valueBp, updatedAt: now })
      .where(and(eq(alerts.id, open.id), isNull(alerts.resolvedAt)))
      .returning();
    if (!row) return false;
    changes.audit({ action: "alert.resolved", targetType: "alert", targetId: row.id, metadata: { kind: row.kind, value_bp: valueBp } });
    changes.event("alert.resolved", serializeAlert(row), { status: "open", resolved_at: null });
    return true;
  });
}
