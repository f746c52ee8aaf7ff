/**
 * Escrow on a payment (issue 18 part 2, lib/escrow). No table of its own: the state lives on the payment
 * (`payments.escrow`, `payments.escrow_release_at`), so every payment object and event carries it and the
 * capture, refund and release that move escrowed money lock the one row they already lock.
 *
 * pending  — asked for at creation, nothing captured yet (no money held);
 * held     — captured into the merchant's `escrow` ledger account, waiting for release_at;
 * disputed — a dispute was opened inside the window: the timelock no longer releases it;
 * released — moved to the merchant's available balance (timelock, early release or a dispute resolved so);
 * refunded — everything held went back to the buyer through refunds.
 */
export const ESCROW_STATUSES = ["pending", "held", "released", "disputed", "refunded"] as const;
export type EscrowStatus = (typeof ESCROW_STATUSES)[number];

export const ESCROW_RESOLUTIONS = ["refund", "release"] as const;
export type EscrowResolution = (typeof ESCROW_RESOLUTIONS)[number];

export interface EscrowDispute {
  reason: string;
  /** ISO timestamps. */
  openedAt: string;
  resolution: EscrowResolution | null;
  resolvedAt: string | null;
}

export interface EscrowState {
  status: EscrowStatus;
  /** As asked: release N days after capture (release_at is then set at capture), or at a fixed time. */
  releaseAfterDays: number | null;
  /** Days after capture during which a dispute may be opened; null = until the release. */
  disputeWindowDays: number | null;
  /** ISO timestamps, set at capture (held) and release. */
  heldAt: string | null;
  disputeWindowEndsAt: string | null;
  releasedAt: string | null;
  /**
   * What the escrow account holds for this payment (minor units as strings): the gross amount still held
   * and the part of Kassa's fee still in it; amount - fee is the escrow account's credit for this payment.
   */
  amount: string;
  fee: string;
  dispute: EscrowDispute | null;
}
