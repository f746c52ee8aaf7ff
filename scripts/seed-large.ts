/**
 * `npm run seed:large`: 1,000,000 payments (KASSA_SEED_LARGE_COUNT) over 90 days for one merchant on
 * the PostgreSQL server in DATABASE_URL, through the bulk path in lib/demo/seed-large.ts (ledger balanced,
 * rollups exact). The payments go to the demo merchant (demo@kassa.test) when it exists, else to a
 * new merchant whose login is printed; KASSA_SEED_MERCHANT=mer_… picks one.
 * As a superuser role the triggers' per-row work (rollups, ledger checks) is done per chunk instead, about
 * twice as fast; KASSA_SEED_SET_BASED=0 keeps the triggers.
 */
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { merchants, memberships, users } from "@/db/schema";
import { DEMO_LOGIN } from "@/lib/demo/seed";
import { seedLargePayments } from "@/lib/demo/seed-large";
import { signUp } from "@/lib/team/sign-up";

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("seed:large needs DATABASE_URL=postgres://… (a PostgreSQL server; PGlite is not meant for a million rows).");
  process.exit(2);
}
const count = Number(process.env.KASSA_SEED_LARGE_COUNT ?? 1_000_000);
const handle = await openDatabase(url);
await migrateDatabase(handle);
let merchantId = process.env.KASSA_SEED_MERCHANT;
if (!merchantId) {
  const [demo] = await handle.db
    .select({ merchantId: memberships.merchantId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, DEMO_LOGIN.email));
  if (demo) merchantId = demo.merchantId;
  else {
    const email = `large-${Date.now().toString(36)}@kassa.test`;
    ({ merchantId } = await signUp({ db: handle.db, input: { name: "Large Owner", email, password: DEMO_LOGIN.password, business_name: "Large Shop" } }));
    console.log(`New merchant ${merchantId}: sign in as ${email} / ${DEMO_LOGIN.password}`);
  }
}
const [m] = await handle.db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId));
if (!m) throw new Error(`No merchant ${merchantId}`);
const pool = new Pool({ connectionString: url });
const started = Date.now();
await seedLargePayments(pool, {
  merchantId,
  count,
  setBased: process.env.KASSA_SEED_SET_BASED === "0" ? false : undefined,
  onProgress: (done) =>
    process.stdout.write(`\r  ${done.toLocaleString("en-US")} / ${count.toLocaleString("en-US")} payments (${Math.round((Date.now() - started) / 1000)} s)`),
});
await pool.query("analyze payments; analyze payment_rollups; analyze refunds");
console.log(`\n${count.toLocaleString("en-US")} test-mode payments for ${merchantId} in ${Math.round((Date.now() - started) / 1000)} s.`);
await pool.end();
await handle.close();
