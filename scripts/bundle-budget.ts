/**
 * `npm run check:bundle`: the first-load JavaScript of the hosted checkout and of every dashboard page, read from
 * the production build's manifests (run after `next build`), each file gzipped (level 9) as a browser would
 * receive it. A dashboard page (App Router): the framework's root chunks plus every chunk the route's client
 * manifest names for its layouts, boundaries and page. The hosted checkout (the one Pages Router page,
 * pages/pay/[sessionId].tsx): the chunks the build manifest lists for `/_app` and the page, plus the small
 * manifests the Pages Router fetches at load (its "low priority" files); not the polyfills, which only browsers
 * without ES modules load. Budgets (issue 20): the hosted checkout ≤ 120 KB, a dashboard page ≤ 250 KB.
 * Prints each route's size beside its budget and exits 1 when one is over (`--ci`, a step of `npm test`: the same).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, process.env.KASSA_NEXT_DIST_DIR ?? ".next");
export const BUDGET_KB = { checkout: 120, dashboard: 250 } as const;

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size;
}

/** The chunks a route loads on first visit: the framework's, then its layouts', boundaries' and page's. */
export function firstLoadFiles(route: string): string[] {
  const build = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const file = path.join(dist, "server", "app", route, "page_client-reference-manifest.js");
  const holder = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
  holder.__RSC_MANIFEST = {};
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in this process.
  new Function(fs.readFileSync(file, "utf8"))();
  const manifest = Object.values(holder.__RSC_MANIFEST)[0];
  if (!manifest?.entryJSFiles) throw new Error(`${route}: no entryJSFiles in ${path.relative(root, file)} (a webpack build? this reads Turbopack's)`);
  return [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
}

export const firstLoadKb = (route: string) => firstLoadFiles(route).reduce((sum, f) => sum + gzipSize(f), 0) / 1024;

/** The hosted checkout's route in the Pages Router's build manifest. */
const CHECKOUT_PAGE = "/pay/[sessionId]";

/** A Pages Router page's first load: `/_app`'s and the page's chunks, then the build's small manifests. */
function pagesFirstLoadFiles(page: string): string[] {
  const build = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as {
    pages: Record<string, string[]>;
    lowPriorityFiles: string[];
  };
  if (!build.pages[page]) throw new Error(`${page}: not in the build manifest's pages (is it still a Pages Router page?)`);
  return [...new Set([...(build.pages["/_app"] ?? []), ...build.pages[page], ...build.lowPriorityFiles].filter((f) => f.endsWith(".js")))];
}

const pagesFirstLoadKb = (page: string) => pagesFirstLoadFiles(page).reduce((sum, f) => sum + gzipSize(f), 0) / 1024;

function dashboardRoutes(): string[] {
  const base = path.join(dist, "server", "app", "(dashboard)");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === "page_client-reference-manifest.js") out.push(path.relative(path.join(dist, "server", "app"), dir));
    }
  };
  walk(base);
  return out.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [
    { route: `pages${CHECKOUT_PAGE}`, budget: BUDGET_KB.checkout, kb: pagesFirstLoadKb(CHECKOUT_PAGE) },
    ...dashboardRoutes().map((route) => ({ route, budget: BUDGET_KB.dashboard, kb: firstLoadKb(route) })),
  ];
  const width = Math.max(...rows.map((r) => r.route.length));
  for (const r of rows) console.log(`${r.route.padEnd(width)}  ${r.kb.toFixed(1).padStart(6)} KB  budget ${r.budget} KB${r.kb > r.budget ? "  OVER" : ""}`);
  const over = rows.filter((r) => r.kb > r.budget);
  console.log(over.length ? `\n${over.length} route(s) over budget` : "\nevery route within its budget");
  if (over.length) process.exitCode = 1;
}
