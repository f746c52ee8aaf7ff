import { defineConfig } from "drizzle-kit";

// The local executor's own migrations: `npx drizzle-kit generate --config inngest/local/drizzle.config.ts`.
// Applied by the executor itself when it starts (inngest/local/migrate.ts), never by the app's migrator.
export default defineConfig({
  dialect: "postgresql",
  schema: "./inngest/local/schema.ts",
  out: "./inngest/local/migrations",
  schemaFilter: ["inngest_local"],
  casing: "snake_case",
});
