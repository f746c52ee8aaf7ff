// POST /api/webhooks/paypal — PayPal's events: verified by PayPal, recorded once, handed to the paypal-event workflow
import { withPayPalSignature } from "@/lib/http/with-paypal-signature";
import { receivePayPalEvent } from "@/lib/paypal-events/receive-paypal-event";

export const POST = withPayPalSignature("/api/webhooks/paypal", ({ event, transmissionId }) => receivePayPalEvent({ event, transmissionId }));
