import path from "node:path";

/**
 * The folder the embedded defaults keep their files in: PGlite's database, the auth secret and the
 * encryption key made on first start. KASSA_DATA_DIR, else `.data` in the working directory.
 */
export function dataRoot(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.KASSA_DATA_DIR || path.join(process.cwd(), ".data"));
}
