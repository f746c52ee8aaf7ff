"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { evaluateRouting } from "@/lib/routing/evaluate-routing";
import type { RoutingDecisionObject, RoutingRulesObject } from "@/lib/routing/routing-object";
import { updateRoutingRules } from "@/lib/routing/update-routing-rules";

/**
 * Saves the mode's routing rules from Settings → Routing: the editor's document as the API takes it (the
 * verb checks it whole and refuses roles below admin, naming the parameter at fault).
 */
export async function saveRoutingRulesAction(input: unknown): Promise<ActionResult<RoutingRulesObject>> {
  const result = await memberAction(({ ctx }) => updateRoutingRules({ ctx, input }), "update routing rules");
  if (result.ok) revalidatePath("/settings/routing");
  return result;
}

/** "Which connector would this payment use?" — the tester, against the draft being edited (changes nothing). */
export async function evaluateRoutingAction(input: unknown): Promise<ActionResult<RoutingDecisionObject>> {
  return memberAction(({ ctx }) => evaluateRouting({ ctx, input }), "evaluate routing");
}
