"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { submitDisputeEvidence } from "@/lib/disputes/submit-evidence";
import { EVIDENCE_FIELDS } from "@/lib/disputes/evidence-fields";

export type EvidenceFormState = ActionResult<{ status: string }> & { values: Record<string, string> };

/** Sends the filled-in evidence fields (empty ones are left out, as the API takes only what is given). */
export async function submitEvidenceAction(_prev: EvidenceFormState | null, form: FormData): Promise<EvidenceFormState> {
  const id = String(form.get("id") ?? "");
  const values = Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f.name, String(form.get(f.name) ?? "").trim()]));
  const evidence = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
  const result = await memberAction(async ({ ctx }) => {
    const dispute = await submitDisputeEvidence({ ctx, id, input: { evidence } });
    return { status: dispute.status };
  });
  // A refusal re-renders nothing, so the form keeps showing why.
  if (result.ok) {
    revalidatePath(`/disputes/${id}`);
    revalidatePath("/disputes");
  }
  return { ...result, values };
}
