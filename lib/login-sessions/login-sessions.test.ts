import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { auditRows } from "@/test/rows";
import { checkLoginSession } from "./check-login-session";
import { listLoginSessions } from "./list-login-sessions";
import { revokeLoginSessions } from "./revoke-login-sessions";
import { startLoginSession } from "./start-login-session";

let h: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;
beforeAll(async () => {
  h = await freshPostgres("sessions");
  db = h.db;
});
afterAll(() => h.close());

describe("login sessions", () => {
  it("a session is live until signed out; signing out one leaves the user's others", async () => {
    const m = await makeMerchant(db);
    const a = await startLoginSession(db, { userId: m.userId, ip: "198.51.100.1", userAgent: "Firefox" });
    const b = await startLoginSession(db, { userId: m.userId, ip: "198.51.100.2", userAgent: "Chrome" });
    expect(await checkLoginSession(db, { sessionId: a, userId: m.userId })).toBe(true);
    const listed = await listLoginSessions(db, { userId: m.userId, currentId: a });
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: a, current: true, ip: "198.51.100.1", userAgent: "Firefox" }),
        expect.objectContaining({ id: b, current: false }),
      ]),
    );
    expect(await revokeLoginSessions({ ctx: m.ctx, userId: m.userId, sessionId: a })).toBe(1);
    expect(await checkLoginSession(db, { sessionId: a, userId: m.userId })).toBe(false);
    expect(await checkLoginSession(db, { sessionId: b, userId: m.userId })).toBe(true);
    expect((await listLoginSessions(db, { userId: m.userId, currentId: b })).map((s) => s.id)).toEqual([b]);
    expect(await auditRows(db, m.merchantId, "user.signed_out")).toHaveLength(1);
  });

  it("sign out everywhere ends them all; keep spares one (after a password change)", async () => {
    const m = await makeMerchant(db);
    const ids = await Promise.all([1, 2, 3].map((i) => startLoginSession(db, { userId: m.userId, ip: `198.51.100.${i}`, userAgent: null })));
    expect(await revokeLoginSessions({ ctx: m.ctx, userId: m.userId, everywhere: true, keep: ids[0] })).toBe(2);
    expect(await Promise.all(ids.map((id) => checkLoginSession(db, { sessionId: id, userId: m.userId })))).toEqual([true, false, false]);
    expect(await revokeLoginSessions({ ctx: m.ctx, userId: m.userId, everywhere: true })).toBe(1);
    expect(await checkLoginSession(db, { sessionId: ids[0]!, userId: m.userId })).toBe(false);
    expect(await auditRows(db, m.merchantId, "user.signed_out_everywhere")).toHaveLength(2);
  });

  it("another user's session is not found, not signed out; a session never answers for another user", async () => {
    const m = await makeMerchant(db);
    const other = await makeMerchant(db);
    const theirs = await startLoginSession(db, { userId: other.userId, ip: null, userAgent: null });
    await expect(revokeLoginSessions({ ctx: m.ctx, userId: m.userId, sessionId: theirs })).rejects.toMatchObject({ code: "resource_missing" });
    expect(await checkLoginSession(db, { sessionId: theirs, userId: other.userId })).toBe(true);
    expect(await checkLoginSession(db, { sessionId: theirs, userId: m.userId })).toBe(false);
    await expect(revokeLoginSessions({ ctx: m.ctx, userId: m.userId })).rejects.toMatchObject({ code: "parameter_missing" });
  });
});

describe("changePassword", () => {
  it("needs the current password, refuses a weak or unchanged one, then ends every other session", async () => {
    const { changePassword } = await import("./change-password");
    const { verifyCredentials } = await import("@/lib/team/verify-credentials");
    const m = await makeMerchant(db);
    const here = await startLoginSession(db, { userId: m.userId, ip: null, userAgent: "here" });
    const there = await startLoginSession(db, { userId: m.userId, ip: null, userAgent: "there" });
    const change = (input: Record<string, string>) =>
      changePassword({ ctx: m.ctx, userId: m.userId, sessionId: here, input }).then(
        () => "ok",
        (e: { code: string; param?: string }) => `${e.code}:${e.param ?? ""}`,
      );
    expect(await change({ current_password: "wrong wrong wrong", new_password: "a brand new passphrase" })).toBe("invalid_credentials:current_password");
    expect(await change({ current_password: "correct horse battery", new_password: "short" })).toBe("parameter_invalid:new_password");
    expect(await change({ current_password: "correct horse battery", new_password: "correct horse battery" })).toBe("parameter_invalid:new_password");
    expect(await checkLoginSession(db, { sessionId: there, userId: m.userId })).toBe(true);
    expect(await change({ current_password: "correct horse battery", new_password: "a brand new passphrase" })).toBe("ok");
    expect(await checkLoginSession(db, { sessionId: here, userId: m.userId })).toBe(true);
    expect(await checkLoginSession(db, { sessionId: there, userId: m.userId })).toBe(false);
    await expect(verifyCredentials({ db, email: m.email, password: "correct horse battery", ip: "198.51.100.77" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await expect(verifyCredentials({ db, email: m.email, password: "a brand new passphrase", ip: "198.51.100.78" })).resolves.toMatchObject({
      userId: m.userId,
    });
    expect(await auditRows(db, m.merchantId, "user.password_changed")).toHaveLength(1);
  });
});
