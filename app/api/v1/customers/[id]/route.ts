// GET / POST / PATCH / DELETE /api/v1/customers/:id — read, update (POST as Stripe, or PATCH) or delete a customer
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { deleteCustomer } from "@/lib/customers/delete-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { updateCustomer } from "@/lib/customers/update-customer";

export const GET = withApiKey(operation("GET /api/v1/customers/:id"), ({ ctx, params }) => getCustomer({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/customers/:id"), ({ ctx, body, params }) => updateCustomer({ ctx, id: String(params.id), input: body }));

export const PATCH = withApiKey(operation("PATCH /api/v1/customers/:id"), ({ ctx, body, params }) =>
  updateCustomer({ ctx, id: String(params.id), input: body }),
);

export const DELETE = withApiKey(operation("DELETE /api/v1/customers/:id"), ({ ctx, params }) => deleteCustomer({ ctx, id: String(params.id) }));
