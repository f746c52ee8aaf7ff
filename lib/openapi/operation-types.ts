// The shape of one entry of the API's operation registry (lib/openapi/operations.ts).
import type { z } from "zod";
import type { ErrorCode } from "@/lib/service/error-codes";
import type { Permission } from "@/lib/service/roles";
import type { ObjectName } from "./objects";
import type { LocalObjectName } from "./local-objects";

export const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const OPERATION_TAGS = [
  "Account",
  "Alerts",
  "Balance",
  "Billing portal",
  "Checkout",
  "Customers",
  "Disputes",
  "Escrow",
  "Events",
  "Invoices",
  "OpenAPI",
  "Orders",
  "Payment links",
  "Payments",
  "Payouts",
  "Products",
  "Radar",
  "Refunds",
  "Routing",
  "Subscriptions",
  "Test helpers",
  "UPI",
  "Webhooks",
] as const;
export type OperationTag = (typeof OPERATION_TAGS)[number];

/** What a 200 answers: one object, a list envelope of them, or the `{ id, object, deleted: true }` stub. */
export type ResponseSpec = ObjectName | LocalObjectName | { readonly list: ObjectName } | { readonly deleted: ObjectName };

export interface OperationEntry {
  summary: string;
  description?: string;
  tag: OperationTag;
  /** Which key the caller sends: a secret key (sk_… or restricted rk_…), a publishable key (pk_…), or none. */
  auth: "secret" | "publishable" | "none";
  /** What a restricted key (and the creator's role) needs: lib/service/roles.ts, granted per lib/api-keys/key-permissions.ts. */
  permission?: Permission;
  /** The JSON body schema the handler validates with (never a copy). */
  body?: z.ZodType;
  /** The query schema the handler validates with. */
  query?: z.ZodType;
  response: ResponseSpec;
  /** The operation's own error codes; the document adds those every operation of its kind can answer. */
  errors?: readonly ErrorCode[];
  /** Whether an `Idempotency-Key` header makes a retry replay the first answer (withApiKey honours it). */
  idempotent: boolean;
}

/** "METHOD /api/v1/path/:param", the template withApiKey reports as the route. */
export type OperationKeyPattern = `${HttpMethod} /api/v1/${string}`;
export type OperationEntries = Record<OperationKeyPattern, OperationEntry>;
