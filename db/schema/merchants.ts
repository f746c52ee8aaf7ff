import { pgTable, text } from "drizzle-orm/pg-core";
import { primaryId, timestamps } from "./columns";

export const merchants = pgTable("merchants", {
  id: primaryId(),
  businessName: text().notNull(),
  supportEmail: text(),
  statementDescriptor: text(),
  defaultCurrency: text().notNull().default("usd"),
  country: text().notNull().default("US"),
  ...timestamps,
});

export type Merchant = typeof merchants.$inferSelect;
