// ESLint (flat config): Next's core-web-vitals and TypeScript rules. Import boundaries between layers
// are checked by dependency-cruiser (.dependency-cruiser.cjs); formatting by Prettier.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "db/migrations/**",
    "next-env.d.ts",
    "public/**",
  ]),
  {
    // CommonJS config files (dependency-cruiser's) load with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["app/**/page.tsx", "app/**/layout.tsx"],
    // Server components render once per request: reading the clock there is the request's time, not an impure re-render.
    rules: { "react-hooks/purity": "off" },
  },
  {
    rules: {
      // Kassa does not run the React Compiler; TanStack Table's hooks are fine without it.
      "react-hooks/incompatible-library": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
]);
