import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".next-*/**", ".data/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    pool: "forks",
    // Every FastInsert (db/fast-insert.ts) compared with drizzle's own rendering: the whole suite as its differential test.
    env: { KASSA_FAST_INSERT_CHECK: "1" },
  },
});
