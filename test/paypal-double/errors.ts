import { randomBytes } from "node:crypto";

/** What the simulated PayPal answers: a status, a JSON body (none for 204) and extra headers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ErrorDetail {
  issue: string;
  description: string;
  field?: string;
  value?: string;
  location?: "body" | "path" | "query";
}

/** PayPal's debug_id: a 13-hex correlation id (also sent as the paypal-debug-id header). */
export const debugId = () => randomBytes(7).toString("hex").slice(0, 13);

const MESSAGES: Record<string, string> = {
  INVALID_REQUEST: "Request is not well-formed, syntactically incorrect, or violates schema.",
  AUTHENTICATION_FAILURE: "Authentication failed due to missing authorization header, or invalid authentication credentials.",
  NOT_AUTHORIZED: "Authorization failed due to insufficient permissions.",
  RESOURCE_NOT_FOUND: "The specified resource does not exist.",
  UNPROCESSABLE_ENTITY: "The requested action could not be performed, semantically incorrect, or failed business validation.",
  RATE_LIMIT_REACHED: "Too many requests. Blocked due to rate limiting.",
  INTERNAL_SERVER_ERROR: "An internal server error has occurred.",
  SERVICE_UNAVAILABLE: "Service Unavailable.",
};

/**
 * PayPal's REST error body (`name`, `message`, `debug_id`, `details[{issue, description}]`, `links`
 * to the issue's documentation), as the Orders v2 and Payments v2 references show it.
 */
export function paypalError(status: number, name: string, details: ErrorDetail[] = [], api: "orders" | "payments" = "orders"): Answer {
  const id = debugId();
  const issue = details[0]?.issue;
  return {
    status,
    headers: { "paypal-debug-id": id },
    body: {
      name,
      message: MESSAGES[name] ?? name,
      debug_id: id,
      ...(details.length ? { details } : {}),
      ...(issue ? { links: [{ href: `https://developer.paypal.com/docs/api/${api}/v2/#error-${issue}`, rel: "information_link", method: "GET" }] } : {}),
    },
  };
}

export const unprocessable = (issue: string, description: string, api: "orders" | "payments" = "orders", field?: string) =>
  paypalError(422, "UNPROCESSABLE_ENTITY", [{ issue, description, ...(field ? { field, location: "body" as const } : {}) }], api);

export const invalidRequest = (issue: string, description: string, field?: string, value?: string) =>
  paypalError(400, "INVALID_REQUEST", [{ issue, description, ...(field ? { field, location: "body" as const } : {}), ...(value ? { value } : {}) }]);

export const notFound = (api: "orders" | "payments" = "orders") =>
  paypalError(
    404,
    "RESOURCE_NOT_FOUND",
    [{ issue: "INVALID_RESOURCE_ID", description: "Specified resource ID does not exist. Please check the resource ID and try again." }],
    api,
  );

export const authenticationFailure = () => paypalError(401, "AUTHENTICATION_FAILURE");
