import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { merchants } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ServiceContext } from "@/lib/service/context";
import { signUp } from "@/lib/team/sign-up";

export const DEMO_LOGIN = { email: "demo@kassa.test", password: "kassa-demo-2026" } as const;

export interface DemoSeed {
  email: string;
  password: string;
  merchantId: string;
  secretKey: string;
  publishableKey: string;
}

/** Whether this start may seed: never in production unless asked for (KASSA_SEED_DEMO=true). */
export function demoSeedAllowed(env = process.env): boolean {
  if (env.KASSA_SEED_DEMO === "false") return false;
  return env.NODE_ENV !== "production" || env.KASSA_SEED_DEMO === "true";
}

/** On an empty database: a demo merchant with an owner login and test keys. Returns null if not empty. */
export async function seedDemo(db: Executor): Promise<DemoSeed | null> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(merchants);
  if (count > 0) return null;
  const { userId, merchantId } = await signUp({
    db,
    input: { name: "Demo Owner", email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, business_name: "Demo Coffee Co." },
  });
  const ctx: ServiceContext = {
    merchantId,
    livemode: false,
    actor: { type: "system", id: "seed", label: "demo seed" },
    db,
  };
  void userId;
  const secret = await createApiKey({ ctx, input: { kind: "secret", name: "Demo secret key" } });
  const publishable = await createApiKey({ ctx, input: { kind: "publishable", name: "Demo publishable key" } });
  return { ...DEMO_LOGIN, merchantId, secretKey: secret.secret, publishableKey: publishable.secret };
}
