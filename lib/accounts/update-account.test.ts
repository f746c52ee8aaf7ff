import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { merchants } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { crashThenRetry } from "@/test/idempotency";
import { auditRows, eventRows } from "@/test/rows";
import { updateAccount } from "./update-account";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("account");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function merchantRow(id: string) {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  return row!;
}

/** The merchant's rows that an update may write: itself, its audit rows and its events. */
async function snapshot(merchantId: string) {
  return {
    merchant: await merchantRow(merchantId),
    audit: await auditRows(db, merchantId, "account.updated"),
    events: await eventRows(db, merchantId),
  };
}

describe("updateAccount", () => {
  let ctx: ServiceContext;
  let merchantId: string;

  beforeAll(async () => {
    ({ ctx, merchantId } = await makeMerchant(db));
    ctx = { ...ctx, requestId: "req_update_test", ip: "203.0.113.9" };
  });

  it("writes the merchant, one audit row and one account.updated event with only the changed fields", async () => {
    const before = await merchantRow(merchantId);
    const result = await updateAccount({
      ctx,
      input: {
        business_name: before.businessName, // unchanged: must not appear in previous_attributes
        statement_descriptor: "KASSA SHOP",
        default_currency: "EUR",
      },
    });

    expect(result).toMatchObject({
      id: merchantId,
      object: "account",
      business_name: before.businessName,
      statement_descriptor: "KASSA SHOP",
      default_currency: "eur",
      livemode: false,
    });

    const after = await merchantRow(merchantId);
    expect(after.statementDescriptor).toBe("KASSA SHOP");
    expect(after.defaultCurrency).toBe("eur");
    expect(after.businessName).toBe(before.businessName);

    const audit = await auditRows(db, merchantId, "account.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "user",
      actorId: ctx.actor.id,
      targetType: "account",
      targetId: merchantId,
      ip: "203.0.113.9",
      requestId: "req_update_test",
    });
    expect((audit[0]!.metadata as { changed: string[] }).changed.sort()).toEqual(["default_currency", "statement_descriptor"]);

    const events = await eventRows(db, merchantId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "account.updated", livemode: false, requestId: "req_update_test" });
    expect(events[0]!.data.object).toEqual(result);
    expect(events[0]!.data.previous_attributes).toEqual({
      statement_descriptor: before.statementDescriptor,
      default_currency: before.defaultCurrency,
    });
  });

  it("writes nothing for a no-op update (same values, or no fields at all)", async () => {
    const before = await snapshot(merchantId);
    const same = await updateAccount({
      ctx,
      input: {
        business_name: before.merchant.businessName,
        statement_descriptor: before.merchant.statementDescriptor,
        default_currency: before.merchant.defaultCurrency.toUpperCase(),
      },
    });
    expect(same.statement_descriptor).toBe(before.merchant.statementDescriptor);
    await updateAccount({ ctx, input: {} });
    expect(await snapshot(merchantId)).toEqual(before);
  });

  it("clears support_email with an empty string and records the old value", async () => {
    await updateAccount({ ctx, input: { support_email: "help@shop.example" } });
    expect((await merchantRow(merchantId)).supportEmail).toBe("help@shop.example");

    const cleared = await updateAccount({ ctx, input: { support_email: "" } });
    expect(cleared.support_email).toBeNull();
    expect((await merchantRow(merchantId)).supportEmail).toBeNull();

    const events = await eventRows(db, merchantId, "account.updated");
    expect(events.at(-1)!.data.previous_attributes).toEqual({ support_email: "help@shop.example" });
    expect(events.at(-1)!.data.object).toMatchObject({ support_email: null });
  });

  it("rejects an unknown field with parameter_unknown naming it, and writes nothing", async () => {
    const before = await snapshot(merchantId);
    await expect(updateAccount({ ctx, input: { business_name: "New", nickname: "x" } })).rejects.toMatchObject({
      code: "parameter_unknown",
      param: "nickname",
    });
    expect(await snapshot(merchantId)).toEqual(before);
  });

  it.each([
    ["statement_descriptor", "abc"], // too short
    ["statement_descriptor", "12345678"], // no letter
    ["statement_descriptor", "SHOP <BEST>"], // forbidden characters
    ["statement_descriptor", "KAFFEE MÜNCHEN"], // not Latin ASCII
    ["statement_descriptor", "A VERY LONG DESCRIPTOR X"], // 24 > 22
    ["default_currency", "xyz"],
    ["default_currency", ""],
    ["support_email", "not-an-email"],
    ["business_name", "   "],
  ])("rejects %s = %j with parameter_invalid", async (param, value) => {
    const before = await snapshot(merchantId);
    await expect(updateAccount({ ctx, input: { [param]: value } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param,
    });
    expect(await snapshot(merchantId)).toEqual(before);
  });

  it("refuses roles without account:write (analyst) with permission_denied", async () => {
    const before = await snapshot(merchantId);
    for (const role of ["analyst", "developer", "support"] as const) {
      await expect(updateAccount({ ctx: { ...ctx, role }, input: { business_name: "Hijacked" } })).rejects.toMatchObject({ code: "permission_denied" });
    }
    expect(await snapshot(merchantId)).toEqual(before);
  });

  it("is atomic: when the event insert fails, neither the merchant nor the audit row is written", async () => {
    await db.execute(sql`
      create or replace function kassa_test_refuse_event() returns trigger language plpgsql as $$
      begin
        if new.data->'object'->>'business_name' = 'Refused Event Ltd' then
          raise exception 'event insert refused by test trigger';
        end if;
        return new;
      end $$`);
    await db.execute(sql`
      create trigger kassa_test_refuse_event before insert on events
      for each row execute function kassa_test_refuse_event()`);
    try {
      const before = await snapshot(merchantId);
      const error = await updateAccount({
        ctx,
        input: { business_name: "Refused Event Ltd", support_email: "atomic@shop.example" },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message)).toContain("refused by test trigger");
      expect(await snapshot(merchantId)).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger kassa_test_refuse_event on events`);
      await db.execute(sql`drop function kassa_test_refuse_event()`);
    }
  });

  it("stores the API's answer in its own commit: a retry after a crash replays it and changes nothing more", async () => {
    const { first, retry } = await crashThenRetry(db, ctx, "/api/v1/account", (c) => updateAccount({ ctx: c, input: { business_name: "Stored Answer Ltd" } }));
    expect(first).toMatchObject({ business_name: "Stored Answer Ltd" });
    expect(retry).toEqual({ kind: "replay", status: 200, body: first, text: JSON.stringify(first) });
  });

  it("joins the caller's transaction: rolling it back undoes merchant, audit and event together", async () => {
    const before = await snapshot(merchantId);
    class Rollback extends Error {}
    await expect(
      db.transaction(async (tx) => {
        await updateAccount({ ctx: { ...ctx, db: tx }, input: { business_name: "Rolled Back Ltd" } });
        // Inside the transaction all three writes are visible…
        expect((await auditRows(tx, merchantId, "account.updated")).length).toBe(before.audit.length + 1);
        expect((await eventRows(tx, merchantId)).length).toBe(before.events.length + 1);
        throw new Rollback("undo");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // …and after the rollback none of them is.
    expect(await snapshot(merchantId)).toEqual(before);
  });
});
