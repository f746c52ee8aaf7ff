import type { Executor } from "@/db/client";
import type { Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ServiceContext } from "@/lib/context";
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
