import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { postingsFor } from "@/lib/ledger/postings";
import { releaseAvailableFunds } from "@/lib/ledger/release-available-funds";

/**
 * Tests only: puts `amount` into a merchant's available balance the way money gets there — a captured
 * charge (with its `charge` balance transaction) released once its available_on has passed.
 */
export async function fundAvailable(db: Executor, key: { merchantId: string; livemode: boolean; currency?: string }, amount: bigint, fee = 0n) {
  const currency = key.currency ?? "usd";
  const source = { type: "payment", id: `pay_test_${randomUUID()}` };
  const { balanceTransaction } = await postJournalEntry(db, {
    merchantId: key.merchantId,
    livemode: key.livemode,
    currency,
    key: `capture:${source.id}`,
    type: "capture",
    source,
    lines: postingsFor.capture({ amount, fee }),
    availableOn: new Date(Date.now() - 1000),
    balanceTransaction: { type: "charge", amount, fee },
  });
  await releaseAvailableFunds({ db, ctx: key, now: new Date() });
  return balanceTransaction!;
}
