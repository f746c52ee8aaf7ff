import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { devHosts } from "./lib/dev-addresses";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled; so does pdfkit
  // (its standard fonts through package imports, its colour profile read from its own folder).
  serverExternalPackages: ["@electric-sql/pglite", "drizzle-orm", "@node-rs/argon2", "pino", "prom-client", "pdfkit"],
  poweredByHeader: false,
  // Tests and benchmarks that start their own `next dev` build into their own folder: a developer's
  // `.next/dev` left by such a run made the next `npm run dev` reload every page in a loop ("HMR hash
  // mismatch"). Unset, Next's own `.next`.
  ...(process.env.KASSA_NEXT_DIST_DIR ? { distDir: process.env.KASSA_NEXT_DIST_DIR } : {}),
  typedRoutes: false,
  // `npm run bench:floor` builds (into its own folder) with KASSA_BENCH_FLOOR=1: only then are app/api/bench-floor's
  // `route.floor.ts` files routes. Every other build leaves them out.
  ...(process.env.KASSA_BENCH_FLOOR === "1" ? { pageExtensions: ["floor.ts", "tsx", "ts", "jsx", "js"] } : {}),
  // `npm test` type-checks the whole repo (tests included) once with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status for pages a role may not open.
  // KASSA_NO_MINIFY=1: server chunks keep their function names, for a readable CPU profile of `next start`.
  experimental: { authInterrupts: true, ...(process.env.KASSA_NO_MINIFY ? { turbopackMinify: false } : {}) },
  headers: () => securityHeaders(false),
};

/**
 * Every page and route but the checkout flow (proxy.ts sets its own policy, which lets a registered merchant origin
 * frame an embedded checkout): never framed, so no page can be driven by clicks through an invisible frame. In
 * development not Next's own dev files either: `next dev` serves the Pages Router's `_clientMiddlewareManifest.js`
 * as JSON, which a browser refuses to run under `nosniff` (a console error on the checkout in dev only).
 */
async function securityHeaders(dev: boolean) {
  return [
    {
      source: `/((?!${dev ? "_next/static/development/|" : ""}pay/|l/|sandbox/3ds/).*)`,
      headers: [
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "same-origin" },
        // Production builds only (browsers honour it over HTTPS alone): two years, subdomains too.
        ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
      ],
    },
  ];
}

export default function config(phase: string): NextConfig {
  if (phase !== PHASE_DEVELOPMENT_SERVER) return nextConfig;
  // `next dev` hands its dev resources (HMR socket, chunks) to localhost only; a page opened at
  // 127.0.0.1 or at the "Network" address it prints would never hydrate. Development only.
  // No dev indicator: on the Pages Router checkout, Next 16.4's dev client reads the router for it before the
  // router exists and warns "[HMR] Invalid message … reading 'components'" on every load (errors still show).
  return { ...nextConfig, allowedDevOrigins: devHosts(), headers: () => securityHeaders(true), devIndicators: false };
}
