import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";

export const API_KEY_KINDS = ["secret", "publishable", "restricted"] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];
/** A restricted key's access per resource (lib/api-keys/key-permissions.ts); absent means none. */
/** Per resource: read, write (which allows read), or dispute (escrow's only level, lib/escrow). */
export type KeyPermissions = Partial<Record<string, "read" | "write" | "dispute">>;

export const apiKeys = pgTable(
  "api_keys",
  {
    id: primaryId(),
    ...tenant,
    kind: text({ enum: API_KEY_KINDS }).notNull(),
    name: text().notNull(),
    /** First characters of the key, shown in the dashboard ("sk_test_4eC3…"). */
    displayPrefix: text().notNull(),
    /** SHA-256 of the whole key; the key itself is never stored. */
    keyHash: text().notNull().unique(),
    /** Publishable keys are not secret: kept so the dashboard can show them again. */
    publishableToken: text(),
    createdBy: text(),
    /** Restricted keys only: what each resource allows. */
    permissions: jsonb().$type<KeyPermissions>(),
    lastUsedAt: timestamp({ withTimezone: true }),
    /** Set when the key is rolled: it keeps working until then. */
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    rolledToId: text(),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
