"use server";

import { getDb } from "@/db/client";
import { UPI_FLOWS, type UpiFlow } from "@/db/schema";
import { withEmbed } from "@/lib/checkout/checkout-urls";
import { checkCheckoutUpi, type CheckoutUpiStatus } from "@/lib/checkout/check-checkout-upi";
import { findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { payCheckoutSession } from "@/lib/checkout/pay-checkout-session";
import { settle } from "@/lib/http/core";
import { checkoutUpiPayRateLimiter, checkoutUpiStatusRateLimiter } from "@/lib/rate-limit/checkout-upi";
import { KassaError } from "@/lib/service/errors";
import { failedAction, guardPublicAction } from "./action-guard";

export type UpiPayStep = { ok: true; url: string } | { ok: false; code: string; message: string; param: string | null };
export type UpiStatusStep = ({ ok: true } & CheckoutUpiStatus) | { ok: false; code: string; message: string };

/**
 * The UPI tab's Pay: confirms the session's payment by UPI with the flow chosen (and the VPA for a
 * collect request). The page then reloads and shows the QR, the app link and the live status.
 */
export async function payWithUpiAction(sessionId: string, embedOrigin: string | null, form: FormData): Promise<UpiPayStep> {
  const settled = await settle({ caller: "public", route: "checkout: pay by upi" }, async (): Promise<UpiPayStep> => {
    await guardPublicAction(checkoutUpiPayRateLimiter(), sessionId);
    const flow = String(form.get("flow") ?? "intent");
    if (!(UPI_FLOWS as readonly string[]).includes(flow)) throw new KassaError("parameter_invalid", "Choose how to pay by UPI.", { param: "flow" });
    const vpa = flow === "collect" ? String(form.get("vpa") ?? "").trim() : "";
    const found = await findCheckoutSession(await getDb(), sessionId);
    const embed = embedOrigin && found?.session.embedOrigins.includes(embedOrigin) ? embedOrigin : null;
    const result = await payCheckoutSession({ sessionId, upi: { flow: flow as UpiFlow, ...(vpa ? { vpa } : {}) } });
    if (result.status === "failed") return { ok: false, code: result.declineCode ?? result.code, message: result.message, param: null };
    return { ok: true, url: withEmbed(`/pay/${sessionId}`, embed) };
  });
  return settled.ok ? settled.value : failedAction(settled);
}

/** The waiting page's status refresh (every 2 s): the PSP asked now, the payment expired once its window passed. */
export async function upiStatusAction(sessionId: string): Promise<UpiStatusStep> {
  const settled = await settle({ caller: "public", route: "checkout: upi status" }, async () => {
    await guardPublicAction(checkoutUpiStatusRateLimiter(), sessionId);
    return checkCheckoutUpi({ sessionId });
  });
  if (settled.ok) return { ok: true, ...settled.value };
  const { code, message } = failedAction(settled);
  return { ok: false, code, message };
}
