import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import type { Settled } from "@/lib/http/core";
import { assertFromOwnPage } from "@/lib/http/public-action";
import type { RateLimiter } from "@/lib/rate-limit";
import { KassaError } from "@/lib/service/errors";

// Helpers of the checkout page's public actions (upi-actions.ts, crypto-actions.ts): not actions themselves,
// so they live outside the "use server" files, whose every export is an endpoint.

/** Public POSTs from the checkout page itself only, a window per client IP and session. */
export async function guardPublicAction(limiter: RateLimiter, sessionId: string): Promise<void> {
  await assertFromOwnPage();
  const limit = await limiter.limit(`${clientIp(await headers()) ?? "unknown"}|${sessionId}`);
  if (!limit.success) {
    throw new KassaError("rate_limited", "Too many tries from this device. Wait a minute and try again.", {
      retryAfter: Math.max(1, Math.ceil((limit.reset - Date.now()) / 1000)),
    });
  }
}

/** A refused action as the page shows it: an internal error never in its own words. */
export function failedAction<T>(settled: Extract<Settled<T>, { ok: false }>) {
  const { code, message, param } = settled.error;
  return {
    ok: false as const,
    code,
    message: code === "api_error" ? "Something went wrong on our side. Nothing was charged; try again." : message,
    param: param ?? null,
  };
}
