// The payment's `escrow` (lib/escrow/serialize-escrow.ts types its answer by this schema).
import { ESCROW_RESOLUTIONS, ESCROW_STATUSES } from "@/db/schema/escrow";
import { minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const EscrowDisputeObject = z
  .strictObject({
    reason: z.string().openapi({ description: "Why the buyer disputed the escrow." }),
    created: unixTime("When the dispute was opened"),
    resolution: z.enum(ESCROW_RESOLUTIONS).nullable().openapi({ description: "How it was resolved; null while open." }),
    resolved_at: unixTime("When it was resolved").nullable(),
  })
  .openapi("EscrowDispute", { description: "A dispute of a held escrow, opened inside its dispute window." });

export const EscrowObject = z
  .strictObject({
    status: z.enum(ESCROW_STATUSES).openapi({
      description:
        "pending: asked for, nothing captured yet; held: captured and waiting for release_at; disputed: the timed release is blocked; released: moved to the available balance; refunded: returned to the buyer.",
    }),
    amount: minorUnits("What the escrow holds (or held) for this payment, gross."),
    net: minorUnits("The same net of Kassa's fee."),
    release_after_days: z.int().nullable().openapi({ description: "Release this many days after capture; null when release_at was given." }),
    dispute_window_days: z.int().nullable().openapi({ description: "Days after capture during which a dispute may be opened; null: until the release." }),
    release_at: unixTime("When a held escrow is released").nullable(),
    held_at: unixTime("When it was captured into escrow").nullable(),
    dispute_window_ends_at: unixTime("When the dispute window closes").nullable(),
    released_at: unixTime("When it was released").nullable(),
    dispute: EscrowDisputeObject.nullable(),
  })
  .openapi("Escrow", { description: "Captured funds held until a release time unless disputed inside the window." });
