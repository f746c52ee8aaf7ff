"use server";

import { redirect } from "next/navigation";
import { withEmbed } from "@/lib/checkout/embed-url";
import { answerSandboxChallenge, findChallenge } from "@/lib/checkout/sandbox-challenge";
import { settle } from "@/lib/http/core";

/** The customer's answer on the sandbox challenge page; then back to where the payment came from. */
export async function answerChallengeAction(processorId: string, embedOrigin: string | null, form: FormData): Promise<void> {
  const outcome = form.get("outcome") === "succeed" ? "succeed" : "fail";
  const settled = await settle({ caller: "public", route: "checkout: 3ds answer" }, () => answerSandboxChallenge({ processorId, outcome }));
  // A challenge already answered or unknown: back to its page, which says so.
  let target = (settled.ok ? settled.value.returnUrl : null) ?? `/sandbox/3ds/${processorId}`;
  if (target.startsWith("/")) {
    const { session } = await findChallenge(processorId);
    target = withEmbed(target, embedOrigin && session?.embedOrigins.includes(embedOrigin) ? embedOrigin : null);
  }
  redirect(target);
}
