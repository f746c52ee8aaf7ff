// zod with `.openapi()`: every object schema imports z from here, so the extension runs before any schema
// is built (lib/openapi/objects.ts and the document builder read the metadata it records).
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
