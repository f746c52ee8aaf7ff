import type { Executor } from "@/db/client";
import type { Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { signUp } from "@/lib/team/sign-up";

let n = 0;

/** A merchant with an owner, and a context acting as that owner. */
export async function makeMerchant(db: Executor, overrides: { role?: Role } = {}) {
  const i = `${Date.now().toString(36)}${n++}`;
  const email = `owner-${i}@example.test`;
  const { userId, merchantId } = await signUp({
    db,
    input: { name: `Owner ${i}`, email, password: "correct horse battery", business_name: `Shop ${i}` },
  });
  const ctx: ServiceContext = {
    merchantId,
    livemode: false,
    actor: { type: "user", id: userId, label: email },
    role: overrides.role ?? "owner",
    db,
  };
  return { userId, merchantId, email, ctx };
}

export async function makeSecretKey(ctx: ServiceContext, livemode = false) {
  const { secret, object } = await createApiKey({ ctx: { ...ctx, livemode }, input: { kind: "secret", name: "test" } });
  return { secret, id: object.id };
}

/** What a call ended in: "ok", the KassaError's code, or the message of anything else thrown. */
export const errorCodeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof KassaError ? e.code : `thrown: ${String(e)}`),
  );

/**
 * A merchant and a context acting for it with no `db` handle, so the services open the process's
 * database (DATABASE_URL) exactly as the app does. `actor` replaces the owner (e.g. an API key).
 */
export async function makeMerchantContext(db: Executor, overrides: { role?: Role; actor?: ServiceContext["actor"] } = {}): Promise<ServiceContext> {
  const { ctx } = await makeMerchant(db, overrides.role ? { role: overrides.role } : {});
  const { db: _db, ...rest } = ctx;
  return overrides.actor ? { ...rest, actor: overrides.actor } : rest;
}
