import { readFileSync } from "node:fs";
import path from "node:path";

// Scalar's browser build (one UMD file, no lazy chunks), served by this app instead of a CDN. Read from
// node_modules at run time, so `next start`, `next dev` and a fresh clone after `npm ci` all have it.
const PACKAGE_DIR = path.join(process.cwd(), "node_modules", "@scalar", "api-reference");

export const SCALAR_BUNDLE_FILE = path.join(PACKAGE_DIR, "dist", "browser", "standalone.js");

/** The installed @scalar/api-reference version: part of the bundle's URL, so a new version is a new URL. */
export const SCALAR_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }).version;

/** Where the page loads the renderer from (app/docs/api/scalar/[version]/standalone.js/route.ts). */
export const SCALAR_SCRIPT_PATH = `/docs/api/scalar/${SCALAR_VERSION}/standalone.js`;
