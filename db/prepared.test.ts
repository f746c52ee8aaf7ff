// preparedQuery: one fixed text, run on the executor's own connection (a transaction sees its own writes),
// named on node-postgres (in pg_prepared_statements of that connection), plain on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./client";
import { preparedQuery } from "./prepared";
import { freshPglite, freshPostgres } from "@/test/db";

const merchantsNamed = preparedQuery<{ id: string; n: number }>(
  "test_merchants_named",
  "select id, length(business_name)::int as n from merchants where business_name = $1 and id = any($2::text[])",
);
const statements = preparedQuery<{ name: string }>("test_statements", "select name from pg_prepared_statements where name = $1");

const insertMerchant = (id: string) =>
  sql`insert into merchants (id, business_name, default_currency, created_at, updated_at) values (${id}, 'Prepared shop', 'usd', now(), now())`;

describe.each([
  ["PostgreSQL (pg)", () => freshPostgres("prepared")],
  ["PGlite", () => freshPglite()],
])("preparedQuery on %s", (label, open) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.close());

  it("runs inside a transaction on its connection: sees the transaction's own row, and nothing after a rollback", async () => {
    const rolledBack = new Error("roll back");
    await h.db
      .transaction(async (tx) => {
        await tx.execute(insertMerchant("mer_prepared1"));
        expect(await merchantsNamed(tx, ["Prepared shop", ["mer_prepared1", "mer_other"]])).toEqual([{ id: "mer_prepared1", n: 13 }]);
        if (label.startsWith("PostgreSQL")) {
          // Named on node-postgres: the statement now lives on this connection.
          expect(await statements(tx, ["test_merchants_named"])).toEqual([{ name: "test_merchants_named" }]);
        }
        throw rolledBack;
      })
      .catch((e: unknown) => {
        if (e !== rolledBack) throw e;
      });
    expect(await merchantsNamed(h.db, ["Prepared shop", ["mer_prepared1"]])).toEqual([]);
  });
});
