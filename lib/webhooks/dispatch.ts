import { KassaError } from "@/lib/service/errors";

/**
 * Hands deliveries to the webhook-deliver workflow. `tag` makes the event id new for a resend (the
 * engine drops a repeated id for 24 h) while staying stable if this very call is retried.
 */
export async function dispatchDeliveries(deliveries: { id: string; endpointId: string }[], tag: string): Promise<void> {
  if (deliveries.length === 0) return;
  const { inngest } = await import("@/inngest/client");
  try {
    await inngest.send(deliveries.map((d) => ({ id: `${tag}-${d.id}`, name: "webhooks/delivery.requested", data: { deliveryId: d.id, endpointId: d.endpointId } })));
  } catch (error) {
    throw new KassaError("service_unavailable", "The workflow engine did not take the deliveries; nothing was sent. Try again in a moment.", { cause: error });
  }
}
