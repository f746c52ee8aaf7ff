// The e2e contract checker (e2e/support/contract.ts) refuses what the document does not describe: a body
// of the wrong shape, a status the operation does not document, an error body that is not the Error
// component, a path no route serves. Checked on a small document written here, so the checker's own
// rules are proved apart from the API's (whose answers the e2e suite checks).
import { describe, expect, test } from "vitest";
import { createContract, type OpenApiDocument } from "@/e2e/support/contract";

const json = (schema: object) => ({ description: "answer", content: { "application/json": { schema } } });
const document: OpenApiDocument = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Payment: {
        type: "object",
        properties: {
          id: { type: "string", pattern: "^pay_[0-9A-Za-z]+$", example: "pay_1" },
          object: { type: "string", const: "payment" },
          amount: { type: "integer" },
          customer: { anyOf: [{ $ref: "#/components/schemas/Customer" }, { type: "null" }] },
        },
        required: ["id", "object", "amount", "customer"],
        additionalProperties: false,
      },
      Customer: { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false },
      Error: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: { type: { type: "string" }, code: { type: "string", enum: ["resource_missing", "route_not_found"] }, message: { type: "string" } },
            required: ["type", "code", "message"],
          },
        },
        required: ["error"],
      },
    },
    responses: { NotFound: json({ $ref: "#/components/schemas/Error" }) },
  },
  paths: {
    "/api/v1/payments/{id}": {
      get: { responses: { "200": json({ $ref: "#/components/schemas/Payment" }), "404": { $ref: "#/components/responses/NotFound" } } },
    },
    "/api/v1/payments/search": {
      get: { responses: { "200": json({ type: "object", properties: { object: { const: "search_result" } }, required: ["object"] }) } },
    },
  },
};
const contract = createContract(document);
const payment = { id: "pay_1", object: "payment", amount: 4200, customer: null };
const missing = { error: { type: "invalid_request_error", code: "resource_missing", message: "No such payment" } };

describe("the contract checker", () => {
  test("accepts an answer the document describes, through $refs to components", () => {
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: payment })).toBeUndefined();
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: { ...payment, customer: { id: "cus_1" } } })).toBeUndefined();
    expect(contract.problem({ method: "get", path: "/api/v1/payments/pay_1?expand=x", status: 404, body: missing })).toBeUndefined();
  });

  test("rejects a wrong body: amount as a string, a field the document does not have, a nested object's wrong field", () => {
    const wrong = contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: { ...payment, amount: "4200" } });
    expect(wrong).toContain("GET /api/v1/payments/pay_1 → 200");
    expect(wrong).toContain("/amount must be integer");
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: { ...payment, secret: "x" } })).toContain(
      'additional properties "secret"',
    );
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: { ...payment, customer: { id: 7 } } })).toBeDefined();
    expect(() => contract.assert({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: { ...payment, id: "cus_1" } })).toThrow(
      /API contract: .*\/id must match pattern/s,
    );
  });

  test("rejects a status the operation does not document", () => {
    const problem = contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 409, body: missing });
    expect(problem).toBe("GET /api/v1/payments/pay_1 → 409: status 409 is not documented for GET /api/v1/payments/{id} (documented: 200, 404)");
  });

  test("rejects an error body that is not the Error component, and a missing body", () => {
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 404, body: { message: "no" } })).toContain(
      "must have required property 'error'",
    );
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 404, body: { error: { ...missing.error, code: "nope" } } })).toContain(
      "must be equal to one of the allowed values",
    );
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: undefined })).toContain("the answer has none");
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/pay_1", status: 200, body: payment, contentType: "text/html" })).toContain(
      "Content-Type text/html",
    );
  });

  test("a literal path wins over a template; an unknown path may only answer 404 route_not_found; an unknown method only 405", () => {
    expect(contract.templateOf("/api/v1/payments/search")).toBe("/api/v1/payments/search");
    expect(contract.templateOf("/api/v1/payments/pay_1")).toBe("/api/v1/payments/{id}");
    expect(contract.problem({ method: "GET", path: "/api/v1/payments/search", status: 200, body: { object: "search_result" } })).toBeUndefined();
    const routeNotFound = { error: { type: "invalid_request_error", code: "route_not_found", message: "Unrecognized request URL" } };
    expect(contract.problem({ method: "GET", path: "/api/v1/nothing", status: 404, body: routeNotFound })).toBeUndefined();
    expect(contract.problem({ method: "GET", path: "/api/v1/nothing", status: 200, body: payment })).toContain("no path matching /api/v1/nothing");
    expect(contract.problem({ method: "DELETE", path: "/api/v1/payments/pay_1", status: 405, body: undefined })).toBeUndefined();
    expect(contract.problem({ method: "DELETE", path: "/api/v1/payments/pay_1", status: 200, body: payment })).toContain(
      "the document has no DELETE /api/v1/payments/{id}",
    );
  });
});
