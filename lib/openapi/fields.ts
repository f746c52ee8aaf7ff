// The fields every object shares, written once: ids with their prefix (lib/ids.ts), amounts in minor units,
// currencies, Unix timestamps, metadata, livemode.
import { ID_PREFIXES, type IdKind } from "@/lib/ids";
import { z } from "./zod";

/** An id of `kind`: its prefix from lib/ids.ts, then letters and digits. */
export const idOf = (kind: IdKind, description?: string) =>
  z
    .string()
    .regex(new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-Za-z]+$`))
    .openapi({
      description: description ?? `Unique identifier (prefix \`${ID_PREFIXES[kind]}_\`).`,
      example: `${ID_PREFIXES[kind]}_01jd8v2k3m4n5p6q7r8s9t0vwx`,
    });

/** An amount in the currency's smallest unit (cents, paise); a safe JSON integer. */
export const minorUnits = (description: string) => z.int().openapi({ description: `${description} In minor units (e.g. cents).` });

/** Three-letter ISO 4217 code, lower case. */
export const currency = (description = "Three-letter ISO 4217 currency code, lower case.") =>
  z
    .string()
    .regex(/^[a-z]{3}$/)
    .openapi({ description, example: "usd" });

/** A point in time as Unix seconds. */
export const unixTime = (description: string) => z.int().openapi({ description: `${description} (Unix seconds).`, example: 1764720000 });

/** The merchant's own key-value pairs, as Stripe's metadata. */
export const metadata = () => z.record(z.string(), z.string()).openapi({ description: "Key-value pairs the merchant attached to the object." });

export const livemode = () => z.boolean().openapi({ description: "true in live mode, false in test mode." });

/** A nested list as Stripe embeds one (`lines`, `items`, `list_items`). */
export const embeddedList = <T extends z.ZodType>(item: T, description: string) =>
  z.strictObject({ object: z.literal("list"), data: z.array(item), has_more: z.boolean(), url: z.string() }).openapi({ description });
