"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { cancelWorkflowRun } from "@/lib/workflows/cancel-workflow-run";
import { rerunWorkflowRun, type RerunAnswer } from "@/lib/workflows/rerun-workflow-run";

export async function rerunAction(_prev: ActionResult<RerunAnswer> | null, form: FormData): Promise<ActionResult<RerunAnswer>> {
  const result = await memberAction(({ ctx }) => rerunWorkflowRun({ ctx, id: String(form.get("run") ?? "") }));
  revalidatePath("/developers/workflows");
  return result;
}

export async function cancelAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await memberAction(({ ctx }) => cancelWorkflowRun({ ctx, id: String(form.get("run") ?? "") }));
  revalidatePath("/developers/workflows");
  return result;
}
