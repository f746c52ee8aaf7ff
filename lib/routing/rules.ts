import { z } from "zod";
import { isCurrency } from "@/lib/money";

/**
 * A merchant's routing rules for one mode, as the API and the dashboard send them: ordered rules, each a
 * set of conditions (all must hold) and a route — one connector, or a weighted split — then a default.
 * The first rule whose conditions hold routes the payment. Checked twice: its syntax here (zod), its
 * references (connectors that exist in the mode and take the rule's payment methods, weights adding up to
 * 100, ranges that can match) in compile.ts, each error naming the parameter.
 */

export const ROUTABLE_PAYMENT_METHOD_TYPES = ["card", "paypal"] as const;
export type RoutablePaymentMethodType = (typeof ROUTABLE_PAYMENT_METHOD_TYPES)[number];
export const CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay", "rupay"] as const;

const connectorName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "must be a connector name such as sandbox or stripe");
/** A lowercase ISO 4217 code Kassa supports (rules' currency lists, the tester's payment). */
export const currency = z
  .string()
  .length(3)
  .transform((s) => s.toLowerCase())
  .refine(isCurrency, "must be an ISO 4217 currency Kassa supports");
const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const RoutingConditions = z
  .strictObject({
    currency: z.array(currency).min(1).max(50).optional(),
    /** Minor units of the payment's own currency: at least this much… */
    amount_gte: minor.optional(),
    /** …and less than this. */
    amount_lt: minor.optional(),
    payment_method_type: z.array(z.enum(ROUTABLE_PAYMENT_METHOD_TYPES)).min(1).optional(),
    card_brand: z.array(z.enum(CARD_BRANDS)).min(1).optional(),
    /** ISO 3166-1 alpha-2 of the card's issuer. */
    card_country: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code")
          .transform((s) => s.toUpperCase()),
      )
      .min(1)
      .max(250)
      .optional(),
    /** Card number prefixes (BIN/IIN), 1 to 8 digits. */
    bin: z
      .array(z.string().regex(/^\d{1,8}$/, "must be 1 to 8 digits"))
      .min(1)
      .max(500)
      .optional(),
  })
  .meta({ description: "Every condition given must hold; an empty object matches every payment." });

export const RoutingTarget = z.union([
  z.strictObject({ connector: connectorName }),
  z.strictObject({
    split: z
      .array(z.strictObject({ connector: connectorName, weight: z.int().min(1).max(100) }))
      .min(2)
      .max(10),
  }),
]);

export const RoutingRule = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  when: RoutingConditions,
  route: RoutingTarget,
});

export const RoutingRulesInput = z.strictObject({
  rules: z.array(RoutingRule).max(100),
  default: RoutingTarget,
});

export type RoutingConditions = z.output<typeof RoutingConditions>;
export type RoutingTarget = z.output<typeof RoutingTarget>;
export type RoutingRule = z.output<typeof RoutingRule>;
export type RoutingRules = z.output<typeof RoutingRulesInput>;
