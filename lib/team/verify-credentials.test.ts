import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { auditRows } from "@/test/rows";
import { verifyCredentials } from "./verify-credentials";

// The password test/fixtures.ts gives every owner it makes.
const PASSWORD = "correct horse battery";
const ACCOUNT_IP_LIMIT = 3;
const ACCOUNT_TOTAL_LIMIT = 6;
const IP_LIMIT = 5;

const LIMITERS = Symbol.for("kassa.rateLimiters");
type G = typeof globalThis & { [LIMITERS]?: Map<string, unknown> };
const ENV_KEYS = [
  "KASSA_RATE_LIMIT_LOGIN_ACCOUNT",
  "KASSA_RATE_LIMIT_LOGIN_ACCOUNT_TOTAL",
  "KASSA_RATE_LIMIT_LOGIN_IP",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

/** Drops the cached login limiters so the next call builds them from the current env. */
function resetLoginLimiters() {
  const map = (globalThis as G)[LIMITERS];
  map?.delete("login:ip");
  map?.delete("login:account");
  map?.delete("login:account-ip");
}

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  process.env.KASSA_RATE_LIMIT_LOGIN_ACCOUNT = `${ACCOUNT_IP_LIMIT}/15m`;
  process.env.KASSA_RATE_LIMIT_LOGIN_ACCOUNT_TOTAL = `${ACCOUNT_TOTAL_LIMIT}/15m`;
  process.env.KASSA_RATE_LIMIT_LOGIN_IP = `${IP_LIMIT}/15m`;
  // In-process limiter: never reach out to a Redis from this test.
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  resetLoginLimiters();
  handle = await freshPostgres("login");
  db = handle.db;
});
afterAll(async () => {
  resetLoginLimiters();
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  await handle?.close();
});

// Every test uses its own IPs and accounts, so the counters of one never throttle another.
let ipN = 0;
const nextIp = () => `192.0.2.${++ipN}`;

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case, and audits it", async () => {
    const m = await makeMerchant(db);
    const ip = nextIp();
    const signedIn = await verifyCredentials({ db, email: `  ${m.email.toUpperCase()} `, password: PASSWORD, ip });
    expect(signedIn).toEqual({
      userId: m.userId,
      email: m.email,
      name: expect.any(String),
      merchantId: m.merchantId,
      role: "owner",
    });
    const audit = await auditRows(db, m.merchantId, "user.signed_in");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "user", actorId: m.userId, targetId: m.userId, ip });
  });

  it("answers invalid_credentials for a wrong password or an unknown email, and audits no sign-in", async () => {
    const m = await makeMerchant(db);
    await expect(verifyCredentials({ db, email: m.email, password: "correct horse battery!", ip: nextIp() })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await expect(verifyCredentials({ db, email: `nobody-${m.userId}@example.test`, password: PASSWORD, ip: nextIp() })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect(await auditRows(db, m.merchantId, "user.signed_in")).toHaveLength(0);
  });

  it("a stranger's failed guesses lock the stranger's IP out of the account, never the owner signing in from theirs", async () => {
    const m = await makeMerchant(db);
    const stranger = nextIp();
    for (let i = 0; i < ACCOUNT_IP_LIMIT; i++) {
      await expect(verifyCredentials({ db, email: m.email, password: "wrong password", ip: stranger })).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    const error = await verifyCredentials({ db, email: m.email.toUpperCase(), password: PASSWORD, ip: stranger }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "login_throttled" });
    expect((error as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
    expect(await auditRows(db, m.merchantId, "user.signed_in")).toHaveLength(0);
    // The owner, from their own address, still gets in.
    await expect(verifyCredentials({ db, email: m.email, password: PASSWORD, ip: nextIp() })).resolves.toMatchObject({ userId: m.userId });
  });

  it("guesses spread over many IPs hit the account's slower backstop, even with the right password", async () => {
    const m = await makeMerchant(db);
    for (let i = 0; i < ACCOUNT_TOTAL_LIMIT; i++) {
      await expect(verifyCredentials({ db, email: m.email, password: "wrong password", ip: nextIp() })).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(verifyCredentials({ db, email: m.email, password: PASSWORD, ip: nextIp() })).rejects.toMatchObject({ code: "login_throttled" });
    // Another account is not affected.
    const other = await makeMerchant(db);
    await expect(verifyCredentials({ db, email: other.email, password: PASSWORD, ip: nextIp() })).resolves.toMatchObject({ userId: other.userId });
  });

  it("throttles one IP after its limit across accounts, even with the right password", async () => {
    const m = await makeMerchant(db);
    const ip = nextIp();
    for (let i = 0; i < IP_LIMIT; i++) {
      await expect(verifyCredentials({ db, email: `spray-${i}-${m.userId}@example.test`, password: "guess guess", ip })).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    await expect(verifyCredentials({ db, email: m.email, password: PASSWORD, ip })).rejects.toMatchObject({
      code: "login_throttled",
    });
    expect(await auditRows(db, m.merchantId, "user.signed_in")).toHaveLength(0);

    // The same account from another IP still gets in.
    await expect(verifyCredentials({ db, email: m.email, password: PASSWORD, ip: nextIp() })).resolves.toMatchObject({
      userId: m.userId,
    });
  });
});
