"use server";

import { redirect } from "next/navigation";
import { settle } from "@/lib/http/core";
import { assertFromOwnPage } from "@/lib/http/public-action";
import { decideSandboxUpi } from "@/lib/checkout/sandbox-upi-app";

export type SandboxUpiAnswer = { ok: false; code: string; message: string; param: string | null };

/** Approve or Decline on the sandbox UPI app page: the PSP decides the transaction and calls Kassa back; then the page again, decided. */
export async function decideSandboxUpiAction(id: string, _prev: SandboxUpiAnswer | null, form: FormData): Promise<SandboxUpiAnswer> {
  const settled = await settle({ caller: "public", route: "sandbox upi app: decide" }, async () => {
    await assertFromOwnPage();
    const outcome = form.get("outcome") === "approve" ? "approve" : "decline";
    await decideSandboxUpi({ id, outcome, payerVpa: String(form.get("payer_vpa") ?? "") });
  });
  if (settled.ok) redirect(`/sandbox/upi/${encodeURIComponent(id)}`);
  const { code, message, param } = settled.error;
  return { ok: false, code, message: code === "api_error" ? "The sandbox PSP could not record that; try again." : message, param: param ?? null };
}
