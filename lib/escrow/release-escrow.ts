import { z } from "zod";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { escrowStateError, releaseIn } from "./release-in";

export const ReleaseEscrowInput = z.strictObject({});

/**
 * POST /api/v1/payments/:id/release — the merchant releases a held escrow early, before its timelock.
 * Only a held escrow: not one still uncaptured, disputed (resolve it instead), released or refunded.
 */
export async function releaseEscrow({ ctx, id, input }: { ctx: ServiceContext; id: string; input?: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  parseWith(ReleaseEscrowInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      const payment = await loadPayment(tx, ctx, id, { lock: true });
      const refused = escrowStateError(payment, "release");
      if (refused) throw refused;
      await releaseIn(tx, changes, payment, new Date(), "early");
      return serializePayment(payment);
    },
    { respond: (p) => p },
  );
}
