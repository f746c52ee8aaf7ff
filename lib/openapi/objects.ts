// The API's objects as zod schemas: what every response and webhook payload is, for the OpenAPI document
// (lib/openapi/document.ts). Each schema lives beside its serializer (lib/<area>/*-object.ts) and the
// serializer's return is checked against it at compile time (`satisfies z.input<typeof …>`); this file only
// names them. Nested components (CardDetails, NextAction, Escrow…) are registered through their `.openapi` names.
import { AccountObject } from "@/lib/accounts/account-object";
import { AlertObject, AlertSettingsObject } from "@/lib/alerts/alert-object";
import { ApiKeyObject } from "@/lib/api-keys/api-key-object";
import { BankAccountObject } from "@/lib/bank-accounts/bank-account-object";
import { BillingPortalSessionObject } from "@/lib/billing-portal/portal-session-object";
import { CheckoutSessionObject } from "@/lib/checkout/checkout-session-object";
import { CustomerObject, PaymentMethodObject, SetupIntentObject } from "@/lib/customers/customer-object";
import { DisputeObject } from "@/lib/disputes/dispute-object";
import { EscrowObject } from "@/lib/escrow/escrow-object";
import { EventObject } from "@/lib/events/event-object";
import { RadarRuleObject, RadarValueListItemObject, RadarValueListObject, ReviewObject } from "@/lib/fraud/radar-object";
import { InvoiceObject, LineItemObject, UpcomingInvoiceObject } from "@/lib/invoices/invoice-object";
import { BalanceObject, BalanceTransactionObject } from "@/lib/ledger/balance-object";
import { FulfillmentHookObject, OrderObject, OrderStepObject } from "@/lib/orders/order-object";
import { PaymentLinkObject } from "@/lib/payment-links/payment-link-object";
import { PaymentObject } from "@/lib/payments/payment-object";
import { PayoutObject, PayoutSettingsObject } from "@/lib/payouts/payout-object";
import { PriceObject, ProductObject } from "@/lib/products/product-object";
import { RefundObject } from "@/lib/refunds/refund-object";
import { SubscriptionItemObject, SubscriptionObject } from "@/lib/subscriptions/subscription-object";
import { UpiSettingsObject, UpiVpaObject } from "@/lib/upi/upi-object";
import { RoutingDecisionObject, RoutingRulesObject } from "@/lib/routing/routing-object";
import { WebhookDeliveryObject, WebhookEndpointObject } from "@/lib/webhooks/webhook-object";

export const ObjectSchemas = {
  Account: AccountObject,
  Alert: AlertObject,
  AlertSettings: AlertSettingsObject,
  ApiKey: ApiKeyObject,
  Balance: BalanceObject,
  BalanceTransaction: BalanceTransactionObject,
  BankAccount: BankAccountObject,
  BillingPortalSession: BillingPortalSessionObject,
  CheckoutSession: CheckoutSessionObject,
  Customer: CustomerObject,
  Dispute: DisputeObject,
  Escrow: EscrowObject,
  Event: EventObject,
  FulfillmentHook: FulfillmentHookObject,
  Invoice: InvoiceObject,
  LineItem: LineItemObject,
  Order: OrderObject,
  OrderStep: OrderStepObject,
  Payment: PaymentObject,
  PaymentLink: PaymentLinkObject,
  PaymentMethod: PaymentMethodObject,
  Payout: PayoutObject,
  PayoutSettings: PayoutSettingsObject,
  Price: PriceObject,
  Product: ProductObject,
  RadarRule: RadarRuleObject,
  RadarValueList: RadarValueListObject,
  RadarValueListItem: RadarValueListItemObject,
  Refund: RefundObject,
  Review: ReviewObject,
  RoutingDecision: RoutingDecisionObject,
  RoutingRules: RoutingRulesObject,
  SetupIntent: SetupIntentObject,
  Subscription: SubscriptionObject,
  SubscriptionItem: SubscriptionItemObject,
  UpcomingInvoice: UpcomingInvoiceObject,
  UpiSettings: UpiSettingsObject,
  UpiVpa: UpiVpaObject,
  WebhookDelivery: WebhookDeliveryObject,
  WebhookEndpoint: WebhookEndpointObject,
} as const;

export type ObjectName = keyof typeof ObjectSchemas;
