import { z } from "zod";
import { getUpiConnector } from "@/lib/gateways/upi-sandbox/upi-connector";
import { ConnectorUnknownOutcomeError } from "@/lib/gateways/types";
import { upiConnectorNameFor } from "@/lib/payments/connector";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { checkVpa } from "./vpa";
import type { UpiVpaObject as UpiVpaSchema } from "./upi-object";

/** The length and format rules are checkVpa's (400 vpa_invalid with param vpa), not zod's. */
export const ValidateVpaInput = z.strictObject({ vpa: z.string() });

/** The answer (its schema: lib/upi/upi-object.ts). */
export type UpiVpaObject = z.input<typeof UpiVpaSchema>;

/**
 * POST /api/v1/upi/vpa/validate — whether a VPA is a UPI account, and its holder's name, before a collect
 * payment asks it to pay. payments:write, not a read: the answer is a person's name for any VPA one types,
 * so only a key that may take payments may ask (an analyst's or support's key is no name directory).
 * Format and blocklist first (400 vpa_invalid / vpa_blocked); a well-formed VPA the PSP does not know is
 * 200 with valid: false. Live mode has no UPI PSP yet (400 processor_unavailable). Nothing is stored.
 */
export async function validateVpa({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<UpiVpaObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(ValidateVpaInput, input ?? {});
  upiConnectorNameFor(ctx);
  const vpa = checkVpa(data.vpa, "vpa");
  try {
    const checked = await getUpiConnector().validateVpa({ merchantId: ctx.merchantId, livemode: ctx.livemode }, { vpa });
    return { object: "upi_vpa", vpa, valid: checked.valid, name: checked.valid ? checked.name : null };
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) {
      throw new KassaError("processor_unavailable", "The UPI PSP did not answer the VPA check; try again in a moment.");
    }
    throw error;
  }
}
