import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant, makeSecretKey } from "@/test/fixtures";
import { auditRows } from "@/test/rows";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { ROLL_GRACE_MS, rollApiKey } from "./roll-api-key";
import { hashKey } from "./secret";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;
let ctx: ServiceContext;
let merchantId: string;
let otherCtx: ServiceContext;

beforeAll(async () => {
  handle = await freshPostgres("apikeys");
  db = handle.db;
  ({ ctx, merchantId } = await makeMerchant(db));
  ({ ctx: otherCtx } = await makeMerchant(db));
});
afterAll(async () => {
  await handle?.close();
});

async function keyRow(id: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row!;
}

const bearer = (secret: string) => `Bearer ${secret}`;
const HOUR = 60 * 60 * 1000;

describe("createApiKey", () => {
  it("returns the secret once and stores only its hash", async () => {
    const { secret, object } = await createApiKey({ ctx, input: { kind: "secret", name: "  Backend  " } });
    expect(secret).toMatch(/^sk_test_[A-Za-z0-9]{24,}$/);
    expect(object).toMatchObject({ object: "api_key", kind: "secret", name: "Backend", livemode: false, status: "active", token: null });
    expect(object.redacted).toBe(`sk_test_…${secret.slice(-4)}`);

    const row = await keyRow(object.id);
    expect(row.keyHash).not.toBe(secret);
    expect(row.keyHash).toBe(hashKey(secret));
    expect(row.publishableToken).toBeNull();
    expect(row.merchantId).toBe(merchantId);
    expect(row.createdBy).toBe(ctx.actor.id);

    // Neither the create response's object nor a later listing carries the secret or its hash.
    const listed = (await listApiKeys({ ctx, livemode: false })).find((k) => k.id === object.id)!;
    for (const serialized of [object, listed]) {
      const json = JSON.stringify(serialized);
      expect(json).not.toContain(secret);
      expect(json).not.toContain(row.keyHash);
      expect(serialized).not.toHaveProperty("keyHash");
      expect(serialized).not.toHaveProperty("key_hash");
    }

    const audit = (await auditRows(db, merchantId, "api_key.created")).filter((a) => a.targetId === object.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ctx.actor.id);
    expect(JSON.stringify(audit[0]!.metadata)).not.toContain(secret);
  });

  it("creates live keys with sk_live_ in live mode and publishable keys with pk_", async () => {
    const live = await createApiKey({ ctx: { ...ctx, livemode: true }, input: { kind: "secret", name: "live" } });
    expect(live.secret).toMatch(/^sk_live_/);
    expect(live.object.livemode).toBe(true);
    const pk = await createApiKey({ ctx, input: { kind: "publishable", name: "web" } });
    expect(pk.secret).toMatch(/^pk_test_/);
    expect(pk.object.token).toBe(pk.secret); // publishable keys are not secret
  });

  it("validates its input", async () => {
    await expect(createApiKey({ ctx, input: { kind: "full", name: "x" } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "kind",
    });
    await expect(createApiKey({ ctx, input: { kind: "secret" } })).rejects.toMatchObject({
      code: "parameter_missing",
      param: "name",
    });
    await expect(createApiKey({ ctx, input: { kind: "secret", name: "x", scope: "all" } })).rejects.toMatchObject({
      code: "parameter_unknown",
      param: "scope",
    });
  });
});

describe("authenticateApiKey", () => {
  let secret: string;
  let keyId: string;

  beforeAll(async () => {
    ({ secret, id: keyId } = await makeSecretKey(ctx));
  });

  it("resolves a valid secret key to its row", async () => {
    const row = await authenticateApiKey(db, bearer(secret));
    expect(row).toMatchObject({ id: keyId, merchantId, livemode: false, kind: "secret" });
    // The scheme is case-insensitive and trailing space is tolerated.
    await expect(authenticateApiKey(db, `bearer ${secret} `)).resolves.toMatchObject({ id: keyId });
  });

  it("answers api_key_missing without a header", async () => {
    await expect(authenticateApiKey(db, null)).rejects.toMatchObject({ code: "api_key_missing" });
    await expect(authenticateApiKey(db, "")).rejects.toMatchObject({ code: "api_key_missing" });
  });

  it.each([
    ["a Basic header", () => `Basic ${Buffer.from(`${secret}:`).toString("base64")}`],
    ["a bare key without Bearer", () => secret],
    ["garbage", () => "Bearer not-a-key"],
    ["a too-short key", () => "Bearer sk_test_abc"],
    ["two tokens", () => `Bearer ${secret} extra`],
    ["an unknown but well-formed key", () => bearer(`sk_test_${"A".repeat(32)}`)],
    ["the test secret under a live prefix", () => bearer(secret.replace(/^sk_test_/, "sk_live_"))],
  ])("answers api_key_invalid for %s", async (_label, header) => {
    await expect(authenticateApiKey(db, header())).rejects.toMatchObject({ code: "api_key_invalid" });
  });

  it("answers secret_key_required for a publishable key unless allowed", async () => {
    const pk = await createApiKey({ ctx, input: { kind: "publishable", name: "checkout" } });
    await expect(authenticateApiKey(db, bearer(pk.secret))).rejects.toMatchObject({ code: "secret_key_required" });
    await expect(authenticateApiKey(db, bearer(pk.secret), { allowPublishable: true })).resolves.toMatchObject({
      id: pk.object.id,
    });
  });

  it("records last_used_at, at most once a minute", async () => {
    const fresh = await makeSecretKey(ctx);
    expect((await keyRow(fresh.id)).lastUsedAt).toBeNull();
    const t1 = new Date(Date.now() + 1000);
    await authenticateApiKey(db, bearer(fresh.secret), { now: t1 });
    const after1 = await keyRow(fresh.id);
    expect(after1.lastUsedAt?.getTime()).toBe(t1.getTime());

    await authenticateApiKey(db, bearer(fresh.secret), { now: new Date(t1.getTime() + 10_000) });
    expect((await keyRow(fresh.id)).lastUsedAt?.getTime()).toBe(t1.getTime());

    const t3 = new Date(t1.getTime() + 5 * 60_000);
    await authenticateApiKey(db, bearer(fresh.secret), { now: t3 });
    const after3 = await keyRow(fresh.id);
    expect(after3.lastUsedAt?.getTime()).toBe(t3.getTime());
    // Using a key is not an edit of it.
    expect(after3.updatedAt.getTime()).toBe(after1.updatedAt.getTime());
  });

  it("answers api_key_expired for a revoked key, and it stays revoked", async () => {
    const k = await makeSecretKey(ctx);
    await authenticateApiKey(db, bearer(k.secret));
    const revoked = await revokeApiKey({ ctx, id: k.id });
    expect(revoked).toMatchObject({ id: k.id, status: "revoked" });
    expect((await keyRow(k.id)).revokedAt).not.toBeNull();
    await expect(authenticateApiKey(db, bearer(k.secret))).rejects.toMatchObject({ code: "api_key_expired" });
    await expect(revokeApiKey({ ctx, id: k.id })).rejects.toMatchObject({ code: "api_key_revoked" });
  });
});

describe("rollApiKey", () => {
  it("issues a new key; the old one works for the grace period and then expires", async () => {
    const old = await makeSecretKey(ctx);
    const now = new Date();
    const rolled = await rollApiKey({ ctx, id: old.id, now });
    expect(rolled.secret).toMatch(/^sk_test_/);
    expect(rolled.secret).not.toBe(old.secret);
    expect(rolled.object.id).not.toBe(old.id);

    const oldRow = await keyRow(old.id);
    expect(oldRow.rolledToId).toBe(rolled.object.id);
    expect(oldRow.expiresAt?.getTime()).toBe(now.getTime() + ROLL_GRACE_MS);

    // Before the grace period ends, both keys work.
    await expect(authenticateApiKey(db, bearer(old.secret), { now: new Date(now.getTime() + ROLL_GRACE_MS - HOUR) })).resolves.toMatchObject({ id: old.id });
    await expect(authenticateApiKey(db, bearer(rolled.secret))).resolves.toMatchObject({ id: rolled.object.id });

    // After it, only the new one.
    const later = new Date(now.getTime() + ROLL_GRACE_MS + 1000);
    await expect(authenticateApiKey(db, bearer(old.secret), { now: later })).rejects.toMatchObject({
      code: "api_key_expired",
    });
    await expect(authenticateApiKey(db, bearer(rolled.secret), { now: later })).resolves.toMatchObject({
      id: rolled.object.id,
    });

    const audit = (await auditRows(db, merchantId, "api_key.rolled")).filter((a) => a.targetId === old.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata).toMatchObject({ new_key: rolled.object.id });
    // The new key is a created key of its own in the listing, the old one is expiring.
    const listed = await listApiKeys({ ctx, livemode: false });
    expect(listed.find((k) => k.id === old.id)?.status).toBe("expiring");
    expect(listed.find((k) => k.id === rolled.object.id)?.status).toBe("active");
  });

  it("refuses to roll a key twice, or a revoked key, with api_key_revoked", async () => {
    const k = await makeSecretKey(ctx);
    await rollApiKey({ ctx, id: k.id });
    await expect(rollApiKey({ ctx, id: k.id })).rejects.toMatchObject({ code: "api_key_revoked", param: "id" });

    const r = await makeSecretKey(ctx);
    await revokeApiKey({ ctx, id: r.id });
    await expect(rollApiKey({ ctx, id: r.id })).rejects.toMatchObject({ code: "api_key_revoked" });
    expect((await auditRows(db, merchantId, "api_key.rolled")).filter((a) => a.targetId === r.id)).toHaveLength(0);
  });

  it("rolls a live key into a live key even from a test-mode context", async () => {
    const live = await makeSecretKey(ctx, true);
    const rolled = await rollApiKey({ ctx, id: live.id });
    expect(rolled.secret).toMatch(/^sk_live_/);
    expect(rolled.object.livemode).toBe(true);
    await expect(authenticateApiKey(db, bearer(rolled.secret))).resolves.toMatchObject({ livemode: true });
    // Its audit row is filed under the key's mode, not the page's.
    expect((await auditRows(db, merchantId, "api_key.rolled")).filter((a) => a.targetId === live.id).map((a) => a.livemode)).toEqual([true]);
  });
});

describe("revokeApiKey", () => {
  it("writes an audit row", async () => {
    const k = await makeSecretKey(ctx);
    await revokeApiKey({ ctx, id: k.id });
    const audit = (await auditRows(db, merchantId, "api_key.revoked")).filter((a) => a.targetId === k.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ctx.actor.id);
  });
});

describe("tenancy and roles", () => {
  it("treats another merchant's key as missing for revoke and roll", async () => {
    const theirs = await makeSecretKey(otherCtx);
    await expect(revokeApiKey({ ctx, id: theirs.id })).rejects.toMatchObject({ code: "resource_missing", param: "id" });
    await expect(rollApiKey({ ctx, id: theirs.id })).rejects.toMatchObject({ code: "resource_missing" });
    const row = await keyRow(theirs.id);
    expect(row.revokedAt).toBeNull();
    expect(row.rolledToId).toBeNull();
    await expect(authenticateApiKey(db, bearer(theirs.secret))).resolves.toMatchObject({ id: theirs.id });
  });

  it.each(["analyst", "support"] as const)("refuses %s with permission_denied for create, roll, revoke and list", async (role) => {
    const k = await makeSecretKey(ctx);
    const as = { ...ctx, role };
    const auditBefore = (await auditRows(db, merchantId)).length;
    await expect(createApiKey({ ctx: as, input: { kind: "secret", name: "x" } })).rejects.toMatchObject({
      code: "permission_denied",
    });
    await expect(rollApiKey({ ctx: as, id: k.id })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(revokeApiKey({ ctx: as, id: k.id })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(listApiKeys({ ctx: as, livemode: false })).rejects.toMatchObject({ code: "permission_denied" });
    expect((await auditRows(db, merchantId)).length).toBe(auditBefore);
    const row = await keyRow(k.id);
    expect(row.revokedAt).toBeNull();
    expect(row.rolledToId).toBeNull();
  });

  it("lets a developer create, roll and revoke keys", async () => {
    const dev = { ...ctx, role: "developer" as const };
    const created = await createApiKey({ ctx: dev, input: { kind: "secret", name: "dev" } });
    const rolled = await rollApiKey({ ctx: dev, id: created.object.id });
    const revoked = await revokeApiKey({ ctx: dev, id: rolled.object.id });
    expect(revoked.status).toBe("revoked");
  });
});

describe("a member's key acts with the member's current role", () => {
  async function memberWith(role: "developer" | "support") {
    const { inviteMember } = await import("@/lib/team/invite-member");
    const { acceptInvitation } = await import("@/lib/team/accept-invitation");
    const { memberships, users } = await import("@/db/schema");
    const email = `${role}-${Date.now().toString(36)}@example.test`;
    const invitation = await inviteMember({ ctx, input: { email, role } });
    await acceptInvitation({ db, input: { token: invitation.token, name: role, password: "correct horse battery" } });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    const memberCtx: ServiceContext = { merchantId, livemode: false, actor: { type: "user", id: user!.id, label: email }, role, db };
    return { userId: user!.id, membershipId: membership!.id, memberCtx };
  }

  it("a developer's key cannot refund (developers cannot), follows a role change, and dies with the membership", async () => {
    const { requirePermission } = await import("@/lib/service/roles");
    const { changeRole, removeMember } = await import("@/lib/team/change-role");
    const dev = await memberWith("developer");
    const { secret } = await createApiKey({ ctx: dev.memberCtx, input: { kind: "secret", name: "dev key" } });
    const key = await authenticateApiKey(db, bearer(secret));
    expect(key.creatorRole).toBe("developer");
    const keyCtx: ServiceContext = { merchantId, livemode: false, actor: { type: "api_key", id: key.id }, role: key.creatorRole! };
    expect(() => requirePermission(keyCtx, "payments:write")).not.toThrow();
    expect(() => requirePermission(keyCtx, "refunds:write")).toThrow(expect.objectContaining({ code: "permission_denied" }));
    expect(() => requirePermission(keyCtx, "account:write")).toThrow(expect.objectContaining({ code: "permission_denied" }));

    await changeRole({ ctx, input: { membership: dev.membershipId, role: "support" } });
    expect((await authenticateApiKey(db, bearer(secret))).creatorRole).toBe("support");

    await removeMember({ ctx, membershipId: dev.membershipId });
    await expect(authenticateApiKey(db, bearer(secret))).rejects.toMatchObject({ code: "api_key_expired" });
    // The keys page says who made it, and that it stopped.
    const listed = (await listApiKeys({ ctx, livemode: false })).find((k) => k.name === "dev key");
    expect(listed?.created_by).toMatchObject({ role: null });
  });

  it("the owner's key acts as owner; a key made by the system is merchant-wide", async () => {
    const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "owner key" } });
    expect((await authenticateApiKey(db, bearer(secret))).creatorRole).toBe("owner");
    const { secret: sys } = await createApiKey({
      ctx: { ...ctx, actor: { type: "system", id: "seed" }, role: undefined },
      input: { kind: "secret", name: "system key" },
    });
    expect((await authenticateApiKey(db, bearer(sys))).creatorRole).toBeNull();
  });
});

describe("restricted keys (rk_…)", () => {
  it("carry per-resource grants; write allows read; nothing else is allowed; the grants survive a roll", async () => {
    const { requirePermission } = await import("@/lib/service/roles");
    const created = await createApiKey({
      ctx,
      input: { kind: "restricted", name: "orders", permissions: { payments: "write", customers: "read", refunds: "none" } },
    });
    expect(created.secret).toMatch(/^rk_test_[A-Za-z0-9]{32}$/);
    expect(created.object).toMatchObject({
      kind: "restricted",
      permissions: { payments: "write", customers: "read" },
      redacted: expect.stringMatching(/^rk_test_…/),
    });
    const key = await authenticateApiKey(db, bearer(created.secret));
    const keyCtx: ServiceContext = {
      merchantId,
      livemode: false,
      actor: { type: "api_key", id: key.id },
      role: key.creatorRole!,
      keyPermissions: key.permissions!,
    };
    for (const allowed of ["payments:write", "payments:read", "customers:read"] as const) expect(() => requirePermission(keyCtx, allowed)).not.toThrow();
    for (const denied of ["customers:write", "refunds:write", "account:read", "webhooks:read", "api_keys:write", "team:manage"] as const) {
      expect(() => requirePermission(keyCtx, denied)).toThrow(expect.objectContaining({ code: "permission_denied" }));
    }
    const rolled = await rollApiKey({ ctx, id: created.object.id });
    expect(rolled.secret).toMatch(/^rk_test_/);
    expect((await authenticateApiKey(db, bearer(rolled.secret))).permissions).toEqual({ payments: "write", customers: "read" });
  });

  it("bad grants are 400 naming the parameter; a member cannot grant what their role cannot do (403)", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code?: string; param?: string }) => `${e.code}:${e.param ?? ""}`,
      );
    expect(await code(createApiKey({ ctx, input: { kind: "restricted", name: "x" } }))).toBe("parameter_missing:permissions");
    expect(await code(createApiKey({ ctx, input: { kind: "restricted", name: "x", permissions: { payments: "none" } } }))).toBe(
      "parameter_missing:permissions",
    );
    expect(await code(createApiKey({ ctx, input: { kind: "restricted", name: "x", permissions: { payments: "admin" } } }))).toBe(
      "parameter_invalid:permissions[payments]",
    );
    expect(await code(createApiKey({ ctx, input: { kind: "restricted", name: "x", permissions: { api_keys: "write" } } }))).toBe(
      "parameter_unknown:permissions[api_keys]",
    );
    expect(await code(createApiKey({ ctx, input: { kind: "restricted", name: "x", permissions: { events: "write" } } }))).toBe(
      "parameter_invalid:permissions[events]",
    );
    expect(await code(createApiKey({ ctx, input: { kind: "secret", name: "x", permissions: { payments: "read" } } }))).toBe("parameter_invalid:permissions");
    const developer: ServiceContext = { ...ctx, role: "developer" };
    expect(await code(createApiKey({ ctx: developer, input: { kind: "restricted", name: "x", permissions: { refunds: "write" } } }))).toBe(
      "permission_denied:permissions[refunds]",
    );
    expect(await code(createApiKey({ ctx: developer, input: { kind: "restricted", name: "x", permissions: { payments: "write" } } }))).toBe("ok");
  });
});
