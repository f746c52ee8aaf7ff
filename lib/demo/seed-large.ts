import type { Pool, PoolClient } from "pg";
import { LEDGER_ACCOUNTS, ROLLUP_SHARDS } from "@/db/schema";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { newId } from "@/lib/ids";
import { postingsFor, type PostingLine } from "@/lib/ledger/postings";
import { feeRefundFor, processingFee } from "@/lib/payments/fees";
import { AVAILABLE_AFTER_MS } from "@/lib/payments/postings";

const DAY = 86_400_000;
const CHUNK = 20_000;
const CURRENCIES = [
  ["usd", 50, 500, 25_000],
  ["eur", 20, 500, 20_000],
  ["inr", 20, 10_000, 500_000],
  ["jpy", 10, 300, 30_000],
] as const;
const BRANDS = [
  ["visa", "4242", 50],
  ["mastercard", "4444", 30],
  ["amex", "8431", 12],
  ["discover", "1117", 8],
] as const;

function weighted<T extends readonly unknown[]>(items: readonly T[], weightAt: number, r: number): T {
  const total = items.reduce((a, i) => a + (i[weightAt] as number), 0);
  let x = r * total;
  for (const i of items) if ((x -= i[weightAt] as number) < 0) return i;
  return items.at(-1)!;
}

/**
 * The bulk path behind `npm run seed:large`: `count` payments for one merchant (test mode) over the
 * last `days` days on a PostgreSQL server, written set-based — rows are made in memory per chunk of
 * 20,000, unnest()ed into a temp table, and every table is filled from it with INSERT … SELECT:
 * payments (the rollup trigger fires per row, so rollups stay exact), refunds, and the ledger exactly
 * as the verbs would post it (capture and refund entries, balance transactions, and the release to
 * available of what is older than 2 days; every entry's lines from the verbs' own builder,
 * lib/ledger/postings.ts, unnest()ed likewise), inside one transaction per chunk so the deferred
 * balanced-entry checks run at each commit. Statuses: succeeded, declined, never paid, canceled —
 * nothing that the reconciliation jobs would pick up.
 */
export async function seedLargePayments(
  pool: Pool,
  opts: {
    merchantId: string;
    count: number;
    days?: number;
    seed?: number;
    now?: number;
    chunk?: number;
    /** Skip the per-row triggers and do their work set-based (superuser only; default: when the role is one). */
    setBased?: boolean;
    onProgress?: (done: number) => void;
  },
): Promise<void> {
  const random = seededRandom(opts.seed ?? 1_000_000);
  const now = opts.now ?? Date.now();
  const days = opts.days ?? 90;
  const m = opts.merchantId;
  const setBased = opts.setBased ?? (await pool.query<{ on: string }>(`select current_setting('is_superuser') as on`)).rows[0]?.on === "on";
  const accountRows = CURRENCIES.flatMap(([c]) => LEDGER_ACCOUNTS.map((type) => [newId("ledgerAccount"), c, type]));
  await pool.query(
    `insert into ledger_accounts (id, merchant_id, livemode, currency, type) select id, $1, false, c, t from unnest($2::text[], $3::text[], $4::text[]) as u(id, c, t) on conflict do nothing`,
    [m, accountRows.map((r) => r[0]), accountRows.map((r) => r[1]), accountRows.map((r) => r[2])],
  );
  // Oldest first, spread over the range, so ids and created times agree.
  const step = (days * DAY) / opts.count;
  const start = now - days * DAY;
  const chunk = opts.chunk ?? CHUNK;
  for (let done = 0; done < opts.count; done += chunk) {
    const n = Math.min(chunk, opts.count - done);
    const cols: Record<string, (string | null)[]> = Object.fromEntries(
      [
        "id",
        "created",
        "amount",
        "currency",
        "status",
        "received",
        "refunded",
        "fee",
        "brand",
        "last4",
        "email",
        "declined",
        "entry",
        "bt",
        "rel",
        "re",
        "re_amount",
        "re_fee",
        "re_created",
        "re_entry",
        "re_bt",
        "re_rel",
      ].map((k) => [k, []]),
    );
    // Every entry's lines, as the verbs post them: built by postingsFor, one row per line.
    const lines = { entry: [] as string[], position: [] as number[], currency: [] as string[], account: [] as string[], amount: [] as string[] };
    const post = (entry: string, currency: string, set: PostingLine[]) =>
      set.forEach((l, position) => {
        lines.entry.push(entry);
        lines.position.push(position);
        lines.currency.push(currency);
        lines.account.push(l.account);
        lines.amount.push(String(l.amount));
      });
    for (let i = 0; i < n; i++) {
      const at = Math.floor(start + (done + i) * step + random() * step);
      const [currency, , min, max] = weighted(CURRENCIES, 1, random());
      const amount = BigInt(Math.round(min + random() * (max - min)));
      const [brand, last4] = weighted(BRANDS, 2, random());
      const r = random();
      const status = r < 0.86 ? "succeeded" : r < 0.94 ? "requires_payment_method" : "canceled";
      const declined = status === "requires_payment_method" && random() < 0.8;
      const received = status === "succeeded" ? amount : 0n;
      const fee = status === "succeeded" ? processingFee(amount, currency) : 0n;
      const refundAmount = status === "succeeded" && random() < 0.06 ? (random() < 0.5 ? amount : (amount * 4n) / 10n) : 0n;
      const reAt = Math.min(now, at + DAY);
      const reFee = refundAmount > 0n ? feeRefundFor({ fee, amountReceived: received, refundedBefore: 0n, refundAmount }) : 0n;
      const entry = received > 0n ? newId("journalEntry", at) : null;
      const rel = received > 0n && at + AVAILABLE_AFTER_MS <= now ? newId("journalEntry", at) : null;
      const reEntry = refundAmount > 0n ? newId("journalEntry", reAt) : null;
      const reRel = refundAmount > 0n ? newId("journalEntry", reAt) : null;
      if (entry) post(entry, currency, postingsFor.capture({ amount: received, fee }));
      if (rel) post(rel, currency, postingsFor.release({ net: received - fee }));
      if (reEntry) post(reEntry, currency, postingsFor.refund({ amount: refundAmount, feeRefunded: reFee }));
      if (reRel && refundAmount !== reFee) post(reRel, currency, postingsFor.release({ net: reFee - refundAmount }));
      const push = (k: string, v: string | number | bigint | null) => cols[k]!.push(v === null ? null : String(v));
      push("id", newId("payment", at));
      push("created", new Date(at).toISOString());
      push("amount", amount);
      push("currency", currency);
      push("status", status);
      push("received", received);
      push("refunded", refundAmount);
      push("fee", fee);
      push("brand", status === "requires_payment_method" && !declined ? null : brand);
      push("last4", String((Number(last4) + i * 7919) % 10_000).padStart(4, "0"));
      push("email", random() < 0.6 ? `buyer${Math.floor(random() * 50_000)}@example.com` : null);
      push("declined", declined ? "1" : null);
      push("entry", entry);
      push("bt", received > 0n ? newId("balanceTransaction", at) : null);
      push("rel", rel);
      push("re", refundAmount > 0n ? newId("refund", reAt) : null);
      push("re_amount", refundAmount);
      push("re_fee", reFee);
      push("re_created", new Date(reAt).toISOString());
      push("re_entry", reEntry);
      push("re_bt", refundAmount > 0n ? newId("balanceTransaction", reAt) : null);
      push("re_rel", reRel);
    }
    const client = await pool.connect();
    try {
      await client.query("begin");
      // The per-row work of the triggers (rollup upserts, balanced-entry and foreign-key checks) is most of a
      // chunk's time; set-based, each rollup row takes one upsert per chunk and each check one grouped query.
      if (setBased) await client.query("set local session_replication_role = replica");
      await client.query(`create temp table bulk (id text, created timestamptz, amount bigint, currency text, status text, received bigint, refunded bigint, fee bigint, brand text, last4 text, email text, declined text,
        entry text, bt text, rel text, re text, re_amount bigint, re_fee bigint, re_created timestamptz, re_entry text, re_bt text, re_rel text) on commit drop`);
      const keys = Object.keys(cols);
      const types: Record<string, string> = {
        created: "timestamptz",
        re_created: "timestamptz",
        amount: "bigint",
        received: "bigint",
        refunded: "bigint",
        fee: "bigint",
        re_amount: "bigint",
        re_fee: "bigint",
      };
      await client.query(
        `insert into bulk select * from unnest(${keys.map((k, i) => `$${i + 1}::${types[k] ?? "text"}[]`).join(", ")})`,
        keys.map((k) => cols[k]),
      );
      await client.query(
        `${setBased ? "with p as (" : ""}insert into payments (id, merchant_id, livemode, amount, currency, status, capture_method, amount_received, amount_refunded, fee, payment_method, card, receipt_email, description, metadata, connector, attempt_count, last_payment_error, canceled_at, cancellation_reason, captured_at, created_at, updated_at)
         select id, $1, false, amount, currency, status, 'automatic', received, refunded, fee,
                case when brand is null then null else 'pm_card_' || brand end,
                case when brand is null then null else jsonb_build_object('brand', brand, 'last4', last4, 'exp_month', 12, 'exp_year', 2030, 'fingerprint', md5(brand || last4), 'country', 'US', 'funding', 'credit') end,
                email, 'Bulk order', '{}'::jsonb, 'sandbox', case when brand is null then 0 else 1 end,
                case when declined is null then null else '{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined.","payment_method":null}'::jsonb end,
                case when status = 'canceled' then created end, case when status = 'canceled' then 'abandoned' end,
                case when status = 'succeeded' then created end, created, created
         from bulk${setBased ? `\n returning *) ${ROLLUP_FROM_INSERTED}` : ""}`,
        [m],
      );
      await client.query(
        `${setBased ? "with x as (" : ""}insert into refunds (id, merchant_id, livemode, payment_id, amount, fee_refunded, currency, status, reason, metadata, connector, created_at, updated_at)
         select re, $1, false, id, re_amount, re_fee, currency, 'succeeded', 'requested_by_customer', '{}'::jsonb, 'sandbox', re_created, re_created from bulk where re is not null${setBased ? `\n returning *) ${REFUND_ROLLUP_FROM_INSERTED}` : ""}`,
        [m],
      );
      // Entries: the capture, the refund, and the releases of what is available by now.
      await client.query(
        `insert into journal_entries (id, merchant_id, livemode, currency, key, type, source_type, source_id, description, created_at)
         select entry, $1, false, currency, 'capture:' || id, 'capture', 'payment', id, 'Bulk order', created from bulk where entry is not null
         union all select re_entry, $1, false, currency, 'refund:' || re, 'refund', 'refund', re, 'Refund of ' || id, re_created from bulk where re_entry is not null
         union all select rel, $1, false, currency, 'release:' || bt, 'release', 'balance_transaction', bt, null, created + interval '2 days' from bulk where rel is not null
         union all select re_rel, $1, false, currency, 'release:' || re_bt, 'release', 'balance_transaction', re_bt, null, re_created from bulk where re_rel is not null and re_amount <> re_fee`,
        [m],
      );
      await client.query(
        `insert into journal_lines (entry_id, position, merchant_id, livemode, currency, account, amount)
         select e, pos, $1, false, c, a, amt from unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[]) as u(e, pos, c, a, amt)`,
        [m, lines.entry, lines.position, lines.currency, lines.account, lines.amount],
      );
      await client.query(
        `insert into balance_transactions (id, merchant_id, livemode, entry_id, type, amount, fee, net, currency, status, available_on, source_type, source_id, description, created_at)
         select bt, $1, false, entry, 'charge', received, fee, received - fee, currency, case when rel is null then 'pending' else 'available' end, created + interval '2 days', 'payment', id, 'Bulk order', created from bulk where bt is not null
         union all select re_bt, $1, false, re_entry, 'refund', -re_amount, -re_fee, re_fee - re_amount, currency, 'available', re_created, 'refund', re, 'Refund of ' || id, re_created from bulk where re_bt is not null`,
        [m],
      );
      if (setBased) await checkChunkLedger(client, m, lines);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    opts.onProgress?.(done + n);
  }
}

// The triggers' own expressions (migrations payment_rollup_triggers, rollup_shard_triggers), as one grouped upsert over the
// chunk's rows. The rows go to every shard (by a hash of the id), as a busy merchant's many connections would write
// them, so the overview reads what it would read for such a merchant: up to 16 rows per key.
const ROLLUP_FROM_INSERTED = `insert into payment_rollups as r (merchant_id, livemode, day, currency, status, brand, shard, count, declined, amount, amount_received, amount_refunded, fee)
  select merchant_id, livemode, (created_at at time zone 'UTC')::date, currency, status, coalesce(card->>'brand', ''), hashtext(id) & ${ROLLUP_SHARDS - 1},
         count(*), count(last_payment_error), sum(amount), sum(amount_received), sum(amount_refunded), sum(fee)
  from p group by 1, 2, 3, 4, 5, 6, 7
  on conflict (merchant_id, livemode, day, currency, status, brand, shard) do update set
    count = r.count + excluded.count, declined = r.declined + excluded.declined, amount = r.amount + excluded.amount,
    amount_received = r.amount_received + excluded.amount_received, amount_refunded = r.amount_refunded + excluded.amount_refunded, fee = r.fee + excluded.fee`;
const REFUND_ROLLUP_FROM_INSERTED = `insert into refund_rollups as r (merchant_id, livemode, day, currency, status, shard, count, amount, fee_refunded)
  select merchant_id, livemode, (created_at at time zone 'UTC')::date, currency, status, hashtext(id) & ${ROLLUP_SHARDS - 1}, count(*), sum(amount), sum(fee_refunded)
  from x group by 1, 2, 3, 4, 5, 6
  on conflict (merchant_id, livemode, day, currency, status, shard) do update set
    count = r.count + excluded.count, amount = r.amount + excluded.amount, fee_refunded = r.fee_refunded + excluded.fee_refunded`;

/**
 * What the skipped triggers check, for one chunk, before its commit, on the rows it wrote (all new): every
 * entry has at least two lines and balances per currency (ledger_check_entry_balanced), every line and
 * balance transaction belongs to an entry written, and every line's account exists (the foreign keys).
 */
async function checkChunkLedger(client: PoolClient, merchantId: string, lines: { entry: string[]; currency: string[]; account: string[]; amount: string[] }) {
  const { rows } = await client.query<{ problem: string }>(
    `with l as (select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) as u(entry, currency, account, amount)),
          e as (select entry as id from bulk where entry is not null union all select rel from bulk where rel is not null
                union all select re_entry from bulk where re_entry is not null union all select re_rel from bulk where re_rel is not null and re_amount <> re_fee),
          per as (select entry, currency, count(*) as n, sum(amount) as total from l group by 1, 2)
     select 'entry ' || e.id || ' has ' || coalesce(sum(per.n), 0) || ' line(s) or does not balance' as problem
       from e left join per on per.entry = e.id group by e.id having coalesce(sum(per.n), 0) < 2 or bool_or(per.total <> 0)
     union all select 'line of an entry not written: ' || entry from per where entry not in (select id from e)
     union all select 'line on a missing account ' || x.currency || '/' || x.account from (select distinct currency, account from l) x
       where not exists (select 1 from ledger_accounts a where a.merchant_id = $5 and a.livemode = false and a.currency = x.currency and a.type = x.account)
     union all select 'balance transaction of an entry not written: ' || id from bulk where (bt is not null and entry is null) or (re_bt is not null and re_entry is null)
     limit 5`,
    [lines.entry, lines.currency, lines.account, lines.amount, merchantId],
  );
  if (rows.length) throw new Error(`seed-large: ${rows.map((r) => r.problem).join("; ")}`);
}
