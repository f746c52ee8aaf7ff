// POST /api/v1/customers — create a customer; GET /api/v1/customers — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createCustomer } from "@/lib/customers/create-customer";
import { listCustomers } from "@/lib/customers/list-customers";

export const POST = withApiKey(operation("POST /api/v1/customers"), ({ ctx, body }) => createCustomer({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/customers"), ({ ctx, query, url }) => listCustomers({ ctx, input: query, url: url.pathname }));
