"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { replayFailedDeliveries } from "@/lib/webhooks/replay-failed-deliveries";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { revealWebhookSecret } from "@/lib/webhooks/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const str = (form: FormData, key: string) => String(form.get(key) ?? "");
const done = <T>(result: ActionResult<T>, id?: string) => {
  revalidatePath("/developers/webhooks");
  if (id) revalidatePath(`/developers/webhooks/${id}`);
  return result;
};

export async function createEndpointAction(_prev: ActionResult<{ id: string; secret: string }> | null, form: FormData) {
  const events = str(form, "enabled_events")
    .split(/[\s,]+/)
    .filter(Boolean);
  const result = await memberAction(async ({ ctx }) => {
    const e = await createWebhookEndpoint({
      ctx,
      input: { url: str(form, "url").trim(), enabled_events: events, ...(str(form, "description") ? { description: str(form, "description") } : {}) },
    });
    return { id: e.id, secret: e.secret! };
  });
  return done(result);
}

export async function revealSecretAction(_prev: ActionResult<{ secret: string }> | null, form: FormData) {
  return memberAction(({ ctx }) => revealWebhookSecret({ ctx, id: str(form, "id") }));
}

export async function rotateSecretAction(_prev: ActionResult<{ secret: string }> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => ({ secret: (await rotateWebhookSecret({ ctx, id })).secret! }));
  return done(result, id);
}

export async function setEnabledAction(_prev: ActionResult<null> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await updateWebhookEndpoint({ ctx, id, input: { disabled: str(form, "enabled") !== "true" } });
    return null;
  });
  return done(result, id);
}

export async function deleteEndpointAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await deleteWebhookEndpoint({ ctx, id: str(form, "id") });
    return null;
  });
  return done(result);
}

export async function sendTestAction(_prev: ActionResult<{ delivery: string }> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => ({ delivery: (await sendTestEvent({ ctx, id })).id }));
  return done(result, id);
}

export async function resendAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await resendWebhookDelivery({ ctx, id: str(form, "delivery") });
    return null;
  });
  return done(result, str(form, "endpoint"));
}

export async function replayAction(_prev: ActionResult<{ replayed: number }> | null, form: FormData) {
  const id = str(form, "id");
  const toSeconds = (v: string) => Math.floor(Date.parse(v) / 1000);
  const result = await memberAction(async ({ ctx }) => {
    const out = await replayFailedDeliveries({ ctx, endpointId: id, input: { from: toSeconds(str(form, "from")), to: toSeconds(str(form, "to")) } });
    return { replayed: out.replayed };
  });
  return done(result, id);
}

export async function editEndpointAction(_prev: ActionResult<null> | null, form: FormData) {
  const id = str(form, "id");
  const events = str(form, "enabled_events")
    .split(/[\s,]+/)
    .filter(Boolean);
  const result = await memberAction(async ({ ctx }) => {
    await updateWebhookEndpoint({ ctx, id, input: { url: str(form, "url").trim(), enabled_events: events, description: str(form, "description") || null } });
    return null;
  });
  return done(result, id);
}
