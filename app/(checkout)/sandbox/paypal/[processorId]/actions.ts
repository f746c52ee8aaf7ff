"use server";

import { redirect } from "next/navigation";
import { answerSandboxChallenge } from "@/lib/checkout/sandbox-challenge";
import { settle } from "@/lib/http/core";
import { canceledUrl } from "@/lib/gateways/wallet";

/** The buyer's answer on the sandbox's simulated PayPal page; then back to the return URL PayPal would use. */
export async function answerPayPalAction(processorId: string, form: FormData): Promise<void> {
  const outcome = form.get("outcome") === "approve" ? "succeed" : "fail";
  const settled = await settle({ caller: "public", route: "checkout: sandbox paypal answer" }, () =>
    answerSandboxChallenge({ processorId, outcome, kind: "paypal" }),
  );
  // Already answered, or unknown: back to this page, which says so.
  const back = settled.ok ? settled.value.returnUrl : null;
  redirect(back ? (outcome === "fail" ? canceledUrl(back) : back) : `/sandbox/paypal/${processorId}`);
}
