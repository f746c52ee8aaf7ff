import { Inngest, eventType } from "inngest";
import { z } from "zod";

/**
 * Dev mode (no signatures, events to the local executor at 127.0.0.1:8288) unless Inngest Cloud or a
 * self-hosted Inngest is configured with a signing key. INNGEST_DEV forces dev mode explicitly.
 */
export const isDevMode = (env: Record<string, string | undefined> = process.env): boolean =>
  Boolean(env.INNGEST_DEV) || !env.INNGEST_SIGNING_KEY;

export const inngest = new Inngest({
  id: "kassa",
  isDev: isDevMode(),
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
