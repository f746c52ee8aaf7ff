import { Inngest, eventType } from "inngest";
import { z } from "zod";

/**
 * Cloud mode always — signatures checked on every call — whether the engine is Inngest Cloud, a
 * self-hosted Inngest or Kassa's embedded executor (which gets its keys at start, lib/workflows/
 * local-engine.ts). The mode and keys are read from the environment on each request. Only a developer
 * who sets INNGEST_DEV (running `inngest dev`, which does not sign) gets dev mode.
 */
export const inngest = new Inngest({
  id: "kassa",
  // Kassa's executor keeps run state itself; the SDK must not checkpoint to an API it does not serve.
  checkpointing: false,
});

/** Every Kassa event, declared once with its schema. Outbox events arrive as `kassa/<type>`. */
export const kassaEvent = z.object({
  id: z.string(),
  object: z.literal("event"),
  type: z.string(),
  created: z.number(),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()), previous_attributes: z.record(z.string(), z.unknown()).optional() }),
  merchant: z.string(),
  /** Set by the outbox relay: the merchant has an enabled webhook endpoint in this mode. */
  webhooks: z.boolean().optional(),
});
export type KassaEventPayload = z.infer<typeof kassaEvent>;

export const events = {
  accountUpdated: eventType("kassa/account.updated", { schema: kassaEvent }),
  /** A verified Stripe webhook delivery, recorded in stripe_events (event id `stripe-<evt id>`). */
  stripeEventReceived: eventType("stripe/event.received", { schema: z.object({ stripe_event_id: z.string(), type: z.string() }) }),
};

/** The Inngest event name for an outbox event type. */
export const inngestEventName = (type: string) => `kassa/${type}`;
