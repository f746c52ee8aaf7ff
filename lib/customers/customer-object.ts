// The API's `customer`, `payment_method` and `setup_intent` (lib/customers/serialize.ts types its answers by these).
import { SETUP_INTENT_STATUSES } from "@/db/schema/customers";
import { CardDetailsObject, NextActionObject } from "@/lib/payments/payment-object";
import { idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const CustomerObject = z
  .strictObject({
    id: idOf("customer"),
    object: z.literal("customer"),
    email: z.string().nullable(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    phone: z.string().nullable(),
    metadata: metadata(),
    invoice_settings: z.strictObject({
      default_payment_method: z.string().nullable().openapi({ description: "The saved card off-session charges use by default." }),
    }),
    balance: minorUnits("Negative is credit the customer's next invoice uses up; positive is debt added to it."),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("Customer", { description: "A merchant's customer." });

export const PaymentMethodObject = z
  .strictObject({
    id: z.string().startsWith("pm_").openapi({ description: "The processor's payment method id (pm_…)." }),
    object: z.literal("payment_method"),
    type: z.literal("card"),
    customer: idOf("customer").nullable(),
    card: CardDetailsObject,
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("PaymentMethod", { description: "A saved card: its display details only, never a number or CVC." });

export const SetupErrorObject = z
  .strictObject({ type: z.string(), code: z.string(), decline_code: z.string().nullable(), message: z.string() })
  .openapi("SetupError", { description: "Why saving the card failed." });

export const SetupIntentObject = z
  .strictObject({
    id: idOf("setupIntent"),
    object: z.literal("setup_intent"),
    customer: idOf("customer"),
    status: z.enum(SETUP_INTENT_STATUSES),
    payment_method: z.string().nullable().openapi({ description: "The card given, then the saved payment method." }),
    usage: z.enum(["off_session", "on_session"]),
    last_setup_error: SetupErrorObject.nullable(),
    next_action: NextActionObject.nullable(),
    client_secret: z.string().nullable().openapi({ description: "Only in the answer that made it; never stored." }),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("SetupIntent", { description: "Saving a card for later; on success the card is a payment method of the customer." });
