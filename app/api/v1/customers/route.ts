// POST /api/v1/customers — create a customer; GET /api/v1/customers — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createCustomer } from "@/lib/customers/create-customer";
import { CreateCustomerInput, ListCustomersQuery } from "@/lib/customers/inputs";
import { listCustomers } from "@/lib/customers/list-customers";

export const POST = withApiKey({ route: "/api/v1/customers", body: CreateCustomerInput }, ({ ctx, body }) => createCustomer({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/customers", query: ListCustomersQuery }, ({ ctx, query, url }) =>
  listCustomers({ ctx, input: query, url: url.pathname }),
);
