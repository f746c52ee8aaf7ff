// What `npm run bench` and `npm run bench:floor` share: the env their `next start` runs with, and a merchant's key.
import type { Database } from "@/db/client";

/** A production server for load: no demo data, a rate limit no bench reaches, warnings only in its log. */
export function benchServerEnv(databaseUrl: string, executorPort: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    KASSA_RATE_LIMIT_API: "1000000/1s",
    KASSA_SEED_DEMO: "false",
    KASSA_EXECUTOR_PORT: String(executorPort),
    LOG_LEVEL: "warn",
  };
}

/** A new merchant with a secret test key on `db`, made through the service verbs; its secret. */
export async function benchMerchantKey(db: Database): Promise<string> {
  // Imported here: the callers set DATABASE_URL first, which these modules' database client reads.
  const { signUp } = await import("@/lib/team/sign-up");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { merchantId, userId } = await signUp({
    db,
    input: { name: "Bench", email: `bench-${Date.now()}@kassa.test`, password: "bench horse battery", business_name: "Bench shop" },
  });
  const { secret } = await createApiKey({
    ctx: { merchantId, livemode: false, actor: { type: "user", id: userId }, role: "owner", db },
    input: { kind: "secret", name: "bench" },
  });
  return secret;
}
