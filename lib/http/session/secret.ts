import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataRoot } from "@/db/data-dir";

/**
 * AUTH_SECRET signs session cookies. Production must set it; the embedded default makes one
 * on first start and keeps it in the data folder (db/data-dir.ts) so sessions survive restarts.
 */
export function authSecret(): string | undefined {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.NODE_ENV === "production" && process.env.KASSA_EMBEDDED !== "1") return undefined;
  const file = path.join(dataRoot(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
