// POST /api/v1/payment_methods/:id/detach — remove a saved card from its customer
import { withApiKey } from "@/lib/http/with-api-key";
import { detachPaymentMethod } from "@/lib/customers/detach-payment-method";
import { DetachPaymentMethodInput } from "@/lib/customers/inputs";

export const POST = withApiKey({ route: "/api/v1/payment_methods/:id/detach", body: DetachPaymentMethodInput }, ({ ctx, body, params }) =>
  detachPaymentMethod({ ctx, id: String(params.id), input: body }),
);
