import type { Executor } from "@/db/client";
import { upiEvents, type UpiEventKind, type UpiStatus } from "@/db/schema";
import { newId } from "@/lib/ids";

/** One line of a UPI payment's timeline (a status check, an error, an expiry), in one statement of its own. */
export async function recordUpiEvent(
  db: Executor,
  row: {
    merchantId: string;
    livemode: boolean;
    paymentId: string;
    attemptId: string;
    kind: UpiEventKind;
    status?: UpiStatus | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(upiEvents).values({ id: newId("upiEvent"), ...row, status: row.status ?? null, detail: row.detail ?? {} });
}
