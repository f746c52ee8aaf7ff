// GET / POST / PATCH / DELETE /api/v1/customers/:id — read, update (POST as Stripe, or PATCH) or delete a customer
import { withApiKey } from "@/lib/http/with-api-key";
import { deleteCustomer } from "@/lib/customers/delete-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { UpdateCustomerInput } from "@/lib/customers/inputs";
import { updateCustomer } from "@/lib/customers/update-customer";

const route = "/api/v1/customers/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getCustomer({ ctx, id: String(params.id) }));

const update = withApiKey({ route, body: UpdateCustomerInput }, ({ ctx, body, params }) => updateCustomer({ ctx, id: String(params.id), input: body }));
export const POST = update;
export const PATCH = update;

export const DELETE = withApiKey({ route }, ({ ctx, params }) => deleteCustomer({ ctx, id: String(params.id) }));
