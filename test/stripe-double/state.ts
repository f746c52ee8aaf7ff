import { fixture, now, stripeId, type StripeObject } from "./objects";

/** Stripe's state in the double. Tests may read it and change it directly (e.g. a dispute's status). */
export class StripeState {
  paymentIntents = new Map<string, StripeObject>();
  charges = new Map<string, StripeObject>();
  refunds = new Map<string, StripeObject>();
  customers = new Map<string, StripeObject>();
  paymentMethods = new Map<string, StripeObject>();
  setupIntents = new Map<string, StripeObject>();
  disputes = new Map<string, StripeObject>();
  /** Events of every state change, oldest first (what Stripe would deliver to a webhook endpoint). */
  events: StripeObject[] = [];

  emit(type: string, object: StripeObject, previous?: Record<string, unknown>): StripeObject {
    const event = fixture("event", {
      id: stripeId("evt"),
      api_version: "2026-10-28.endive",
      created: now(),
      type,
      livemode: false,
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
    });
    this.events.push(event);
    return event;
  }
}
