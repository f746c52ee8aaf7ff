import { eq } from "drizzle-orm";
import { fulfillmentHooks, type FulfillmentHookRow, type OrderProgress, type OrderRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { toJson } from "@/lib/service/json";
import { signedHeaders } from "@/lib/webhooks/attempt-delivery";
import { safeFetch } from "@/lib/webhooks/safe-fetch";
import { currentSecret } from "@/lib/webhooks/secrets";
import { loadOrder } from "./load-order";
import { failureWrite, progressWrite, stepTryWrite } from "./record-order-step";
import type { TryInfo } from "./saga-context";
import { SagaStepError, stepKeyOf } from "./saga-errors";
import { serializeOrder } from "./serialize-order";

export type HookAction = "reserve" | "confirm" | "release";

/** The per-call timeout: 10 s (tests shorten it with KASSA_FULFILLMENT_TIMEOUT_MS). */
const timeoutMs = () => Number(process.env.KASSA_FULFILLMENT_TIMEOUT_MS ?? 10_000);
/** Answers that mean "try again later" although they are 4xx. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

const DONE: Record<HookAction, keyof OrderProgress> = { reserve: "reserved", confirm: "confirmed", release: "released" };

/** The merchant's answer for this step: 2xx done, 5xx/timeouts/network again later, other 4xx refused for good. */
function classify(status: number | null): "ok" | "retry" | "final" {
  if (status === null) return "retry";
  if (status >= 200 && status < 300) return "ok";
  if (status >= 500 || RETRYABLE_4XX.has(status)) return "retry";
  return "final"; // other 4xx, and 3xx (redirects are never followed)
}

/**
 * Saga steps 2 and 4 and a compensation: one signed POST to the merchant's reserve, confirm or release
 * URL, through the webhook SSRF guard (safeFetch). Standard Webhooks headers with `webhook-id` = the step
 * key (`ord_…:reserve`), the same on every try, so the merchant dedupes by it. Before the first reserve is
 * sent the order records that a reservation may exist (its recovery point): a compensation releases it
 * then, whatever the answer was. An order without a hook skips its merchant calls.
 */
export async function callFulfillmentHook({
  ctx,
  orderId,
  action,
  tryInfo,
}: {
  ctx: ServiceContext;
  orderId: string;
  action: HookAction;
  tryInfo: TryInfo;
}): Promise<{ status: number | null; skipped?: true }> {
  const db = await executor(ctx);
  const order = await loadOrder(db, ctx, orderId);
  if (order.progress[DONE[action]]) return { status: null, skipped: true };
  if (action === "release" && !order.progress.reserveRequested) return { status: null, skipped: true };
  const hook = await hookOf(db, order);
  if (!hook) return { status: null, skipped: true };
  if (action === "reserve" && !order.progress.reserveRequested) {
    await commit(ctx, (tx) => progressWrite(tx, order.id, { reserveRequested: true }));
  }

  const stepKey = stepKeyOf(order.id, action);
  const now = new Date();
  const body = toJson({ type: `order.${action}`, order: serializeOrder(order), step_key: stepKey });
  const headers = { ...signedHeaders(stepKey, now, body, [currentSecret(hook)]), "user-agent": "Kassa-Fulfillment/1.0" };
  const url = action === "reserve" ? hook.reserveUrl : action === "confirm" ? hook.confirmUrl : hook.releaseUrl;
  const res = await safeFetch(url, { method: "POST", headers, body, timeoutMs: timeoutMs(), livemode: order.livemode });
  const status = "status" in res ? res.status : null;
  const verdict = "error" in res && res.error === "blocked" ? "final" : classify(status);
  const error =
    verdict === "ok"
      ? null
      : "error" in res
        ? `${res.error}: ${res.message}`
        : `HTTP ${status}${"bodyText" in res && res.bodyText ? `: ${res.bodyText.slice(0, 200)}` : ""}`;
  const last = verdict === "final" || tryInfo.lastTry;
  await commit(ctx, async (tx) => {
    await stepTryWrite(tx, order, {
      name: action,
      attempt: tryInfo.attempt,
      outcome: verdict === "ok" ? "succeeded" : last ? "failed" : "retrying",
      statusCode: status,
      latencyMs: res.latencyMs,
      error,
      detail: { url },
    });
    if (verdict === "ok") await progressWrite(tx, order.id, { [DONE[action]]: true });
    // A forward step that fails for good is why the saga compensates; a failing release is not the order's failure.
    else if (last && action !== "release") {
      await failureWrite(
        tx,
        order.id,
        verdict === "final" ? "fulfillment_rejected" : "fulfillment_unavailable",
        `The merchant's ${action} endpoint ${verdict === "final" ? "refused the order" : "did not answer"} (${error}).`,
      );
    }
  });
  if (verdict === "ok") return { status };
  throw new SagaStepError(
    verdict === "final" ? "final" : "retry",
    verdict === "final" ? "fulfillment_rejected" : "fulfillment_unavailable",
    `${action}: ${error}`,
  );
}

/** The order's hook, even if deleted since: a running saga still releases what it reserved. */
async function hookOf(db: Awaited<ReturnType<typeof executor>>, order: OrderRow): Promise<FulfillmentHookRow | null> {
  if (!order.hookId) return null;
  const [hook] = await db.select().from(fulfillmentHooks).where(eq(fulfillmentHooks.id, order.hookId));
  return hook ?? null;
}
