// OpenAPI: the document itself (lib/openapi/operations.ts)
import { z } from "zod";
import type { OperationEntries } from "../operation-types";

/** No parameters: an unknown one is refused (parameter_unknown), as on every other operation. */
export const OpenApiDocumentQuery = z.strictObject({});

export const openapiOperations = {
  "GET /api/v1/openapi.json": {
    summary: "Get the OpenAPI document",
    description: "This document: every operation, object, error code and webhook of the API, as OpenAPI 3.1. No key needed; cacheable (ETag).",
    tag: "OpenAPI",
    auth: "none",
    query: OpenApiDocumentQuery,
    response: "OpenApiDocument",
    idempotent: false,
  },
} as const satisfies OperationEntries;
