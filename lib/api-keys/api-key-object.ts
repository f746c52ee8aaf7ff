// The `api_key` (lib/api-keys/serialize-api-key.ts types its answer by this schema); the dashboard shows it.
import { API_KEY_KINDS } from "@/db/schema/api-keys";
import { idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const ApiKeyObject = z
  .strictObject({
    id: idOf("apiKey"),
    object: z.literal("api_key"),
    kind: z.enum(API_KEY_KINDS),
    name: z.string(),
    livemode: livemode(),
    redacted: z.string().openapi({ description: "The key's first characters; never the whole secret." }),
    token: z.string().nullable().openapi({ description: "A publishable key's full value (not secret); null otherwise." }),
    status: z.enum(["active", "expiring", "expired", "revoked"]),
    created: unixTime("Created").nullable(),
    last_used: unixTime("Last used").nullable(),
    expires: unixTime("Stops working").nullable(),
    revoked: unixTime("Revoked").nullable(),
    permissions: z
      .partialRecord(z.string(), z.enum(["read", "write", "dispute"]))
      .nullable()
      .openapi({ description: "A restricted key's access per resource; null for other kinds." }),
    created_by: z.strictObject({ email: z.string(), role: z.string().nullable() }).nullable(),
  })
  .openapi("ApiKey", { description: "An API key; never its hash, and a secret key's value only when made." });
