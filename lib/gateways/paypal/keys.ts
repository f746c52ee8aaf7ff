import { createHash } from "node:crypto";
import type { ConnectorContext } from "../types";

/** The call kinds that write at PayPal; each gets its own PayPal-Request-Id derived from Kassa's one key. */
export type WriteKind = "create" | "authorize" | "capture" | "void" | "refund";

/** PayPal's Orders API takes PayPal-Request-Id up to 108 characters. */
const MAX_REQUEST_ID = 108;

/**
 * The PayPal-Request-Id of one write: Kassa's idempotency key and the call kind, so a retry of the
 * same step replays PayPal's stored answer (6 hours for Orders, 45 days for Payments) and two steps
 * of one attempt (create, then authorize after approval) never collide.
 */
export function requestId(key: string, kind: WriteKind): string {
  const id = `${key}:${kind}`;
  return id.length <= MAX_REQUEST_ID ? id : `${createHash("sha256").update(key).digest("hex")}:${kind}`;
}

/**
 * Who a PayPal object belongs to in Kassa, in its `custom_id` (PayPal echoes it on the order, its
 * authorizations, captures and refunds): `kassa|<merchant>|<test|live>|<Kassa id>` — the payment's
 * pay_… on an order, the refund's re_… on a refund. Checked on every read so one tenant never sees
 * another's objects.
 */
export function customId(ctx: ConnectorContext, kassaId: string): string {
  return ["kassa", ctx.merchantId, ctx.livemode ? "live" : "test", kassaId].join("|");
}

export interface CustomIdParts {
  merchantId: string;
  livemode: boolean;
  kassaId: string;
}

export function parseCustomId(value: string | null | undefined): CustomIdParts | null {
  const parts = value?.split("|");
  if (parts?.length !== 4 || parts[0] !== "kassa") return null;
  return { merchantId: parts[1]!, livemode: parts[2] === "live", kassaId: parts[3]! };
}

/** An object made outside Kassa (no tag) is the merchant's own; a tagged one must be this tenant's. */
export function ownedBy(ctx: ConnectorContext, value: string | null | undefined): boolean {
  const tag = parseCustomId(value);
  return !tag || (tag.merchantId === ctx.merchantId && tag.livemode === ctx.livemode);
}
