import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sandboxUpiKeys as keysTable } from "@/db/schema";
import { open, seal } from "@/lib/crypto/encryption";

export interface SandboxUpiKeys {
  publicKey: KeyObject;
  privateKey: KeyObject;
  callbackSecret: string;
}

const ROW = "default";
let cached: Promise<SandboxUpiKeys> | undefined;

/**
 * The sandbox PSP's credentials: made on first use (RSA-2048 and 32 random bytes), kept in Postgres with
 * the secrets sealed by the encryption keyring, so every app instance signs and verifies with the same
 * ones, in every mode (the embedded one included). `UPI_SANDBOX_CALLBACK_SECRET` overrides the callback secret.
 */
export function sandboxUpiKeys(db: Executor): Promise<SandboxUpiKeys> {
  cached ??= load(db).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** Tests that switch databases start over. */
export function forgetSandboxUpiKeys(): void {
  cached = undefined;
}

async function load(db: Executor): Promise<SandboxUpiKeys> {
  let [row] = await db.select().from(keysTable).where(eq(keysTable.id, ROW));
  if (!row) {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    await db
      .insert(keysTable)
      .values({
        id: ROW,
        publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
        privateKey: seal(pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
        callbackSecret: seal(randomBytes(32).toString("base64url")),
      })
      .onConflictDoNothing();
    [row] = await db.select().from(keysTable).where(eq(keysTable.id, ROW));
  }
  return {
    publicKey: createPublicKey(row!.publicKey),
    privateKey: createPrivateKey(open(row!.privateKey)),
    callbackSecret: process.env.UPI_SANDBOX_CALLBACK_SECRET || open(row!.callbackSecret),
  };
}
