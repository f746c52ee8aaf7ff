"use server";

import { redirect } from "next/navigation";
import { withEmbed } from "@/lib/checkout/checkout-urls";
import { answerSandboxChallenge, findChallenge } from "@/lib/checkout/sandbox-challenge";
import { KassaError } from "@/lib/service/errors";

/** The customer's answer on the sandbox challenge page; then back to where the payment came from. */
export async function answerChallengeAction(processorId: string, embedOrigin: string | null, form: FormData): Promise<void> {
  const outcome = form.get("outcome") === "succeed" ? "succeed" : "fail";
  let target: string;
  try {
    const { returnUrl } = await answerSandboxChallenge({ processorId, outcome });
    target = returnUrl ?? `/sandbox/3ds/${processorId}`;
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    target = `/sandbox/3ds/${processorId}`;
  }
  if (target.startsWith("/")) {
    const { session } = await findChallenge(processorId);
    target = withEmbed(target, embedOrigin && session?.embedOrigins.includes(embedOrigin) ? embedOrigin : null);
  }
  redirect(target);
}
