// The OpenAPI document: built from the registry, lints clean (npm run openapi:lint runs redocly), and
// covers every operation, error code and event type.
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { ERROR_CODES } from "@/lib/service/error-codes";
import { buildOpenApiDocument } from "./document";
import { OPERATION_KEYS, operation } from "./operations";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = buildOpenApiDocument() as unknown as Json;

describe("buildOpenApiDocument", () => {
  it("is OpenAPI 3.1 with relative servers and both key kinds described", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    expect(doc.components.securitySchemes.SecretKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(buildOpenApiDocument()).toBe(doc); // memoised
  });

  it("has every registry operation under its path and method, with :params as {params}", () => {
    for (const key of OPERATION_KEYS) {
      const op = operation(key);
      const path = op.route.replace(/:(\w+)/g, "{$1}");
      const entry = doc.paths[path]?.[op.method.toLowerCase()];
      expect(entry, key).toBeDefined();
      expect(entry.summary).toBe(op.summary);
      for (const param of op.route.matchAll(/:(\w+)/g)) {
        expect(
          entry.parameters.some((p: Json) => p.in === "path" && p.name === param[1] && p.required),
          key,
        ).toBe(true);
      }
    }
    const count = Object.values(doc.paths as Json).reduce((n: number, item) => n + Object.keys(item as Json).length, 0);
    expect(count).toBe(OPERATION_KEYS.length);
  });

  it("describes bodies and queries from the handlers' own schemas, as the API accepts them", () => {
    const create = doc.paths["/api/v1/payments"].post;
    const body = create.requestBody.content["application/json"].schema;
    // Minor units as an integer, or (payment_method_types ["crypto"]) a string of a token's base units.
    expect(body.properties.amount.anyOf).toMatchObject([
      { type: "integer", minimum: 1 },
      { type: "string", pattern: "^[0-9]+$" },
    ]);
    expect(body.required).toContain("amount");
    expect(create.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    const list = doc.paths["/api/v1/payments"].get;
    const limit = list.parameters.find((p: Json) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { minimum: 1, maximum: 100, default: 10 } });
    expect(list.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(["starting_after", "ending_before"]));
    expect(list.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/PaymentList" });
    expect(doc.components.schemas.PaymentList.properties.data.items).toEqual({ $ref: "#/components/schemas/Payment" });
  });

  it("answers errors by status with the shared Error component, whose code and type enums are all of lib/service/error-codes.ts", () => {
    const error = doc.components.schemas.Error.properties.error;
    expect([...error.properties.code.enum].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    expect([...error.properties.type.enum].sort()).toEqual([...new Set(Object.values(ERROR_CODES).map((e) => e.type))].sort());
    expect(error.required).toEqual(expect.arrayContaining(["type", "code", "message", "request_id"]));
    const capture = doc.paths["/api/v1/payments/{id}/capture"].post.responses;
    for (const status of ["400", "401", "403", "404", "409", "422", "429", "500"]) {
      expect(capture[status]?.content["application/json"].schema, status).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(capture["404"].description).toContain("resource_missing");
    expect(capture["429"].headers["Retry-After"]).toEqual({ $ref: "#/components/headers/Retry-After" });
    expect(capture["200"].headers["Idempotent-Replayed"]).toEqual({ $ref: "#/components/headers/Idempotent-Replayed" });
    expect(Object.keys(doc.components.headers).sort()).toEqual(
      ["Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Request-Id", "Retry-After"].sort(),
    );
  });

  it("has one webhook per event type, its data.object the right object", () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const refOf = (type: string) => doc.webhooks[type].post.requestBody.content["application/json"].schema.allOf[1].properties.data.properties.object.$ref;
    expect(refOf("payment.succeeded")).toBe("#/components/schemas/Payment");
    expect(refOf("customer.subscription.updated")).toBe("#/components/schemas/Subscription");
    expect(refOf("account.external_account.created")).toBe("#/components/schemas/BankAccount");
    expect(refOf("checkout.session.completed")).toBe("#/components/schemas/CheckoutSession");
    for (const type of EVENT_TYPES) expect(doc.components.schemas[refOf(type).split("/").pop()], type).toBeDefined();
  });

  it("names every object as a component and refers to it by $ref", () => {
    for (const name of ["Payment", "Refund", "Customer", "Event", "Invoice", "Payout", "WebhookEndpoint"]) expect(doc.components.schemas[name]).toBeDefined();
    expect(doc.paths["/api/v1/payments/{id}"].get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Payment" });
    expect(doc.paths["/api/v1/customers/{id}"].delete.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/DeletedCustomer",
    });
  });

  it("needs no key for itself", () => {
    expect(doc.paths["/api/v1/openapi.json"].get.security).toEqual([]);
  });
});
