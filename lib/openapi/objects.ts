// The API's objects as zod schemas: what every response and webhook payload is, for the OpenAPI document
// (lib/openapi/document.ts). Each schema lives beside its serializer (lib/<area>/*-object.ts) and the
// serializer's return type is checked against it; this file only names them.
// PLACEHOLDERS: each `placeholder("x")` is replaced by the real schema from its area.
import { z } from "zod";

const placeholder = (object: string) => z.looseObject({ object: z.literal(object) });

export const ObjectSchemas = {
  Account: placeholder("account"),
  Alert: placeholder("alert"),
  AlertSettings: placeholder("alert_settings"),
  ApiKey: placeholder("api_key"),
  Balance: placeholder("balance"),
  BalanceTransaction: placeholder("balance_transaction"),
  BankAccount: placeholder("bank_account"),
  BillingPortalSession: placeholder("billing_portal.session"),
  CheckoutSession: placeholder("checkout.session"),
  Customer: placeholder("customer"),
  Dispute: placeholder("dispute"),
  Event: placeholder("event"),
  FulfillmentHook: placeholder("fulfillment_hook"),
  Invoice: placeholder("invoice"),
  Order: placeholder("order"),
  Payment: placeholder("payment"),
  PaymentLink: placeholder("payment_link"),
  PaymentMethod: placeholder("payment_method"),
  Payout: placeholder("payout"),
  PayoutSettings: placeholder("payout_settings"),
  Price: placeholder("price"),
  Product: placeholder("product"),
  RadarRule: placeholder("radar.rule"),
  RadarValueList: placeholder("radar.value_list"),
  RadarValueListItem: placeholder("radar.value_list_item"),
  Refund: placeholder("refund"),
  Review: placeholder("review"),
  SetupIntent: placeholder("setup_intent"),
  Subscription: placeholder("subscription"),
  UpiVpa: placeholder("upi_vpa"),
  WebhookDelivery: placeholder("webhook_delivery"),
  WebhookEndpoint: placeholder("webhook_endpoint"),
} as const;

export type ObjectName = keyof typeof ObjectSchemas;
