import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { upiSettings, type UpiFlow, type UpiSettingsRow } from "@/db/schema";

export const UPI_MIN_AMOUNT = 100n; // ₹1.00
export const DEFAULT_MAX_AMOUNT = 10_000_000n; // ₹1,00,000
export const MIN_EXPIRY_MINUTES = 5;
/** PSPs' own windows: an intent link lives 10 minutes, a QR and a collect request 8. */
export const DEFAULT_EXPIRY_MINUTES: Record<UpiFlow, number> = { intent: 10, qr: 8, collect: 8 };

export type UpiSettings = Pick<UpiSettingsRow, "collectEnabled" | "maxAmount" | "expiryMinutes" | "feeBasisPoints">;

const DEFAULTS: UpiSettings = { collectEnabled: false, maxAmount: DEFAULT_MAX_AMOUNT, expiryMinutes: null, feeBasisPoints: 0 };

export async function loadUpiSettings(db: Executor, ctx: { merchantId: string; livemode: boolean }): Promise<UpiSettings> {
  const [row] = await db
    .select()
    .from(upiSettings)
    .where(and(eq(upiSettings.merchantId, ctx.merchantId), eq(upiSettings.livemode, ctx.livemode)));
  return row ?? DEFAULTS;
}

export const expiryMinutesFor = (flow: UpiFlow, s: UpiSettings) => s.expiryMinutes ?? DEFAULT_EXPIRY_MINUTES[flow];

/** The PSP's fee on an amount: basis points, rounded half up (0 by default: zero MDR on UPI P2M). */
export function upiFee(amount: bigint, basisPoints: number): bigint {
  if (basisPoints <= 0 || amount <= 0n) return 0n;
  return (amount * BigInt(basisPoints) + 5_000n) / 10_000n;
}
