// POST /api/v1/payment_methods/:id/attach — save a card to a customer
import { withApiKey } from "@/lib/http/with-api-key";
import { attachPaymentMethod } from "@/lib/customers/attach-payment-method";
import { AttachPaymentMethodInput } from "@/lib/customers/inputs";

export const POST = withApiKey({ route: "/api/v1/payment_methods/:id/attach", body: AttachPaymentMethodInput }, ({ ctx, body, params }) =>
  attachPaymentMethod({ ctx, id: String(params.id), input: body }),
);
