// GENERATED FILE — do not edit. Written by `npm run api:client` (clients/typescript/generate.ts) with
// openapi-typescript from the OpenAPI document (lib/openapi/document.ts). Change the operation or object
// schema, then regenerate; clients/typescript/schema.test.ts fails when this file is stale.

export interface paths {
  "/api/v1/account": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve the account
     * @description The merchant behind the key.
     *
     *     A restricted key needs `account: read`.
     */
    get: operations["getAccount"];
    put?: never;
    /**
     * Update the account
     * @description Update the merchant behind the key.
     *
     *     A restricted key needs `account: write`.
     */
    post: operations["postAccount"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/alert_settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve the alert settings
     * @description The mode's alert thresholds.
     *
     *     A restricted key needs `account: read`.
     */
    get: operations["getAlertSettings"];
    put?: never;
    /**
     * Update the alert settings
     * @description Change the mode's alert thresholds.
     *
     *     A restricted key needs `account: write`.
     */
    post: operations["postAlertSettings"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/alerts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List open alerts
     * @description The mode's open alerts (at most one per kind).
     *
     *     A restricted key needs `account: read`.
     */
    get: operations["getAlerts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve the balance
     * @description Available and pending funds per currency, from the ledger.
     *
     *     A restricted key needs `balance: read`.
     */
    get: operations["getBalance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/balance_transactions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a balance transaction
     * @description One balance transaction.
     *
     *     A restricted key needs `balance: read`.
     */
    get: operations["getBalanceTransactionsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/balance_transactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List balance transactions
     * @description Every movement of the merchant's balance, newest first.
     *
     *     A restricted key needs `balance: read`.
     */
    get: operations["getBalanceTransactions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/billing_portal/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a billing portal session
     * @description A short-lived customer billing portal link.
     *
     *     A restricted key needs `billing_portal: write`.
     */
    post: operations["postBillingPortalSessions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/checkout/sessions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a checkout session
     * @description One checkout session.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getCheckoutSessionsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/checkout/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a checkout session
     * @description Create a checkout session (a hosted page where a customer pays). payment_method_types may name "crypto" for a session in USD: the page offers USDC, USDT and DAI at 1:1 (any other currency is refused with payment_method_currency_mismatch).
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postCheckoutSessions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/customers/{id}/payment_methods": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a customer's payment methods
     * @description The customer's saved cards.
     *
     *     A restricted key needs `customers: read`.
     */
    get: operations["getCustomersIdPaymentMethods"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/customers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a customer
     * @description One customer.
     *
     *     A restricted key needs `customers: read`.
     */
    get: operations["getCustomersId"];
    put?: never;
    /**
     * Update a customer
     * @description Update a customer (POST as Stripe; PATCH does the same).
     *
     *     A restricted key needs `customers: write`.
     */
    post: operations["postCustomersId"];
    /**
     * Delete a customer
     * @description Delete a customer.
     *
     *     A restricted key needs `customers: write`.
     */
    delete: operations["deleteCustomersId"];
    options?: never;
    head?: never;
    /**
     * Update a customer (PATCH)
     * @description Update a customer (the same as POST).
     *
     *     A restricted key needs `customers: write`.
     */
    patch: operations["patchCustomersId"];
    trace?: never;
  };
  "/api/v1/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List customers
     * @description The customers, newest first.
     *
     *     A restricted key needs `customers: read`.
     */
    get: operations["getCustomers"];
    put?: never;
    /**
     * Create a customer
     * @description Create a customer.
     *
     *     A restricted key needs `customers: write`.
     */
    post: operations["postCustomers"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_methods/{id}/attach": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Attach a payment method
     * @description Save a card to a customer.
     *
     *     A restricted key needs `customers: write`.
     */
    post: operations["postPaymentMethodsIdAttach"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_methods/{id}/detach": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Detach a payment method
     * @description Remove a saved card from its customer.
     *
     *     A restricted key needs `customers: write`.
     */
    post: operations["postPaymentMethodsIdDetach"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_methods/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a payment method
     * @description One saved card.
     *
     *     A restricted key needs `customers: read`.
     */
    get: operations["getPaymentMethodsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/setup_intents/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a setup intent
     * @description One setup.
     *
     *     A restricted key needs `customers: read`.
     */
    get: operations["getSetupIntentsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/setup_intents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a setup intent
     * @description Save a customer's card for later (confirmed at once).
     *
     *     A restricted key needs `customers: write`.
     */
    post: operations["postSetupIntents"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/disputes/{id}/evidence": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit evidence for a dispute
     * @description Answer a dispute with text evidence (submitted for review).
     *
     *     A restricted key needs `disputes: write`.
     */
    post: operations["postDisputesIdEvidence"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/disputes/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a dispute
     * @description One dispute.
     *
     *     A restricted key needs `disputes: read`.
     */
    get: operations["getDisputesId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/disputes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List disputes
     * @description The merchant's disputes, newest first.
     *
     *     A restricted key needs `disputes: read`.
     */
    get: operations["getDisputes"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/escrow_dispute/resolve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve an escrow dispute
     * @description Decide a disputed escrow: refund the buyer or release to the merchant.
     *
     *     A restricted key needs `escrow: dispute`.
     */
    post: operations["postPaymentsIdEscrowDisputeResolve"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/escrow_dispute": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open an escrow dispute
     * @description Dispute a held escrow inside its window (blocks the timed release).
     *
     *     A restricted key needs `escrow: dispute`.
     */
    post: operations["postPaymentsIdEscrowDispute"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/release": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Release a payment's escrow early
     * @description Release an escrowed payment's held funds to the merchant early.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postPaymentsIdRelease"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/events/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an event
     * @description One event.
     *
     *     A restricted key needs `events: read`.
     */
    get: operations["getEventsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List events
     * @description The outbox as Stripe-shaped events, newest first.
     *
     *     A restricted key needs `events: read`.
     */
    get: operations["getEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/{id}/finalize": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finalize an invoice
     * @description Draft → open, numbered.
     *
     *     A restricted key needs `invoices: write`.
     */
    post: operations["postInvoicesIdFinalize"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/{id}/mark_uncollectible": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark an invoice uncollectible
     * @description Write an open invoice off as bad debt (it stays payable).
     *
     *     A restricted key needs `invoices: write`.
     */
    post: operations["postInvoicesIdMarkUncollectible"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/{id}/pay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay an invoice
     * @description Charge an open invoice now.
     *
     *     A restricted key needs `invoices: write`.
     */
    post: operations["postInvoicesIdPay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an invoice
     * @description One invoice with its lines.
     *
     *     A restricted key needs `invoices: read`.
     */
    get: operations["getInvoicesId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/{id}/void": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Void an invoice
     * @description Cancel an open invoice for good.
     *
     *     A restricted key needs `invoices: write`.
     */
    post: operations["postInvoicesIdVoid"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List invoices
     * @description List invoices.
     *
     *     A restricted key needs `invoices: read`.
     */
    get: operations["getInvoices"];
    put?: never;
    /**
     * Create an invoice
     * @description A draft billing a subscription's pending prorations now.
     *
     *     A restricted key needs `invoices: write`.
     */
    post: operations["postInvoices"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invoices/upcoming": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Preview the upcoming invoice
     * @description Preview what the subscription's next renewal will bill.
     *
     *     A restricted key needs `invoices: read`.
     */
    get: operations["getInvoicesUpcoming"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the OpenAPI document
     * @description This document: every operation, object, error code and webhook of the API, as OpenAPI 3.1. No key needed; cacheable (ETag).
     */
    get: operations["getOpenapiJson"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/fulfillment_hooks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a fulfillment hook
     * @description Remove a fulfilment hook.
     *
     *     A restricted key needs `webhooks: write`.
     */
    delete: operations["deleteFulfillmentHooksId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/fulfillment_hooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List fulfillment hooks
     * @description The fulfilment hooks, newest first.
     *
     *     A restricted key needs `webhooks: read`.
     */
    get: operations["getFulfillmentHooks"];
    put?: never;
    /**
     * Create a fulfillment hook
     * @description Register the reserve/confirm/release URLs.
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postFulfillmentHooks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an order
     * @description One order with every step, try and compensation of its saga.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getOrdersId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders
     * @description List orders.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getOrders"];
    put?: never;
    /**
     * Create an order
     * @description Create an order and start its saga.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postOrders"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_links/{id}/deactivate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate a payment link
     * @description The link stops starting checkouts (same as { active: false }).
     *
     *     A restricted key needs `payment_links: write`.
     */
    post: operations["postPaymentLinksIdDeactivate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_links/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a payment link
     * @description One link.
     *
     *     A restricted key needs `payment_links: read`.
     */
    get: operations["getPaymentLinksId"];
    put?: never;
    /**
     * Update a payment link
     * @description `{ active }` turns the link off or on.
     *
     *     A restricted key needs `payment_links: write`.
     */
    post: operations["postPaymentLinksId"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payment_links": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payment links
     * @description The payment links, newest first.
     *
     *     A restricted key needs `payment_links: read`.
     */
    get: operations["getPaymentLinks"];
    put?: never;
    /**
     * Create a payment link
     * @description Create a reusable payment link.
     *
     *     A restricted key needs `payment_links: write`.
     */
    post: operations["postPaymentLinks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a payment
     * @description Cancel a payment that has not succeeded (releases a hold).
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postPaymentsIdCancel"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/capture": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Capture a payment
     * @description Capture all or part of an authorisation.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postPaymentsIdCapture"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm a payment
     * @description Authorise the payment with its payment method.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postPaymentsIdConfirm"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a payment
     * @description One payment.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getPaymentsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payments
     * @description The payments, newest first.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getPayments"];
    put?: never;
    /**
     * Create a payment
     * @description Create (and optionally confirm) a payment. With payment_method_types ["crypto"] and a token as currency (usdc, usdt, dai, eth), the amount is a string of base units and the payment waits in requires_action with next_action.crypto_transfer: its own deposit address, watched on chain until it expires.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postPayments"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/bank_accounts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a bank account
     * @description One payout bank account, its number masked.
     *
     *     A restricted key needs `payouts: read`.
     */
    get: operations["getBankAccountsId"];
    put?: never;
    /**
     * Update a bank account
     * @description Make the account its currency's default, or rename the holder.
     *
     *     A restricted key needs `payouts: write`.
     */
    post: operations["postBankAccountsId"];
    /**
     * Delete a bank account
     * @description Remove a bank account (not the default while others of its currency remain).
     *
     *     A restricted key needs `payouts: write`.
     */
    delete: operations["deleteBankAccountsId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/bank_accounts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List bank accounts
     * @description The payout bank accounts, masked.
     *
     *     A restricted key needs `payouts: read`.
     */
    get: operations["getBankAccounts"];
    put?: never;
    /**
     * Create a bank account
     * @description Add a payout bank account (IBAN, or account + routing number).
     *
     *     A restricted key needs `payouts: write`.
     */
    post: operations["postBankAccounts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payout_settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve the payout settings
     * @description The payout schedule of this mode (manual, daily, weekly, monthly).
     *
     *     A restricted key needs `payouts: read`.
     */
    get: operations["getPayoutSettings"];
    put?: never;
    /**
     * Update the payout settings
     * @description Change the payout schedule of this mode (manual, daily, weekly, monthly).
     *
     *     A restricted key needs `payouts: write`.
     */
    post: operations["postPayoutSettings"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a payout
     * @description Cancel a pending payout not yet sent to the bank (its amount returns to available).
     *
     *     A restricted key needs `payouts: write`.
     */
    post: operations["postPayoutsIdCancel"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a payout
     * @description One payout.
     *
     *     A restricted key needs `payouts: read`.
     */
    get: operations["getPayoutsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payouts
     * @description List payouts.
     *
     *     A restricted key needs `payouts: read`.
     */
    get: operations["getPayouts"];
    put?: never;
    /**
     * Create a payout
     * @description Pay out of the available balance to a bank account.
     *
     *     A restricted key needs `payouts: write`.
     */
    post: operations["postPayouts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/prices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a price
     * @description One price.
     *
     *     A restricted key needs `products: read`.
     */
    get: operations["getPricesId"];
    put?: never;
    /**
     * Update a price
     * @description Update a price: active, nickname, lookup_key, metadata (the amount never changes).
     *
     *     A restricted key needs `products: write`.
     */
    post: operations["postPricesId"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/prices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List prices
     * @description The prices, newest first.
     *
     *     A restricted key needs `products: read`.
     */
    get: operations["getPrices"];
    put?: never;
    /**
     * Create a price
     * @description Create a price of a product.
     *
     *     A restricted key needs `products: write`.
     */
    post: operations["postPrices"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/products/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a product
     * @description One product.
     *
     *     A restricted key needs `products: read`.
     */
    get: operations["getProductsId"];
    put?: never;
    /**
     * Update a product
     * @description Update a product (`active: false` archives it; there is no delete).
     *
     *     A restricted key needs `products: write`.
     */
    post: operations["postProductsId"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List products
     * @description The products, newest first.
     *
     *     A restricted key needs `products: read`.
     */
    get: operations["getProducts"];
    put?: never;
    /**
     * Create a product
     * @description Create a product.
     *
     *     A restricted key needs `products: write`.
     */
    post: operations["postProducts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/rules/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a Radar rule
     * @description One rule version.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getRadarRulesId"];
    put?: never;
    /**
     * Update a Radar rule (its next version)
     * @description Make the rule's next version (the current one stops applying).
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postRadarRulesId"];
    /**
     * Disable a Radar rule
     * @description Disable the rule (it stays listed).
     *
     *     A restricted key needs `radar: write`.
     */
    delete: operations["deleteRadarRulesId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/rules/backtest": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Backtest a draft Radar rule
     * @description What a draft rule would have matched in the last 30 days (nothing stored).
     *
     *     A restricted key needs `radar: read`.
     */
    post: operations["postRadarRulesBacktest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/rules": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List Radar rules
     * @description List rules (every version).
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getRadarRules"];
    put?: never;
    /**
     * Create a Radar rule
     * @description Create a rule from its source.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postRadarRules"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/value_list_items/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a value list item
     * @description Take a value off its list.
     *
     *     A restricted key needs `radar: write`.
     */
    delete: operations["deleteRadarValueListItemsId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/value_list_items": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List value list items
     * @description A list's items.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getRadarValueListItems"];
    put?: never;
    /**
     * Create a value list item
     * @description Add a value to a list.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postRadarValueListItems"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/value_lists/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a value list
     * @description A value list with its newest items.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getRadarValueListsId"];
    put?: never;
    post?: never;
    /**
     * Delete a value list
     * @description Delete a value list and its items (not while an active rule reads it).
     *
     *     A restricted key needs `radar: write`.
     */
    delete: operations["deleteRadarValueListsId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/radar/value_lists": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List value lists
     * @description The value lists, newest first.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getRadarValueLists"];
    put?: never;
    /**
     * Create a value list
     * @description Create a value list.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postRadarValueLists"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reviews/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a review
     * @description Capture the held payment, close the review as approved.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postReviewsIdApprove"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reviews/{id}/refund": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Refund a review's payment
     * @description Give the money back (cancel an uncaptured hold, else refund), close as refunded.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postReviewsIdRefund"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reviews/{id}/refund_as_fraud": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Refund a review's payment as fraud
     * @description Block the card and email, give the money back, close as refunded_as_fraud.
     *
     *     A restricted key needs `radar: write`.
     */
    post: operations["postReviewsIdRefundAsFraud"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reviews/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a review
     * @description A review, open or closed.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getReviewsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reviews": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List reviews
     * @description Open reviews (riskiest first); ?open=false for the closed ones.
     *
     *     A restricted key needs `radar: read`.
     */
    get: operations["getReviews"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/refunds/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a refund
     * @description One refund.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getRefundsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/refunds": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List refunds
     * @description List refunds.
     *
     *     A restricted key needs `payments: read`.
     */
    get: operations["getRefunds"];
    put?: never;
    /**
     * Create a refund
     * @description Refund all or part of a payment. A crypto payment's refund is sent on chain from the merchant's treasury: give crypto.address (and the amount as a string of base units); it stays pending until its transaction is mined.
     *
     *     A restricted key needs `refunds: write`.
     */
    post: operations["postRefunds"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/routing_rules": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve the routing rules
     * @description The mode's routing rules, their version, and the connectors they may name.
     *
     *     A restricted key needs `routing: read`.
     */
    get: operations["getRoutingRules"];
    put?: never;
    /**
     * Replace the routing rules
     * @description Replaces the mode's rules whole: ordered rules on currency, amount, payment method type, card brand, card country and BIN, each naming a connector or a weighted split (weights adding up to 100), then a default. A rule naming a connector the mode lacks, a split not adding up to 100 or a range no payment fits is refused with `routing_rule_invalid` naming its parameter.
     *
     *     A restricted key needs `routing: write`.
     */
    post: operations["postRoutingRules"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/routing_rules/evaluate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test the routing rules
     * @description Which connector a described payment would use under the saved rules (or a draft in `rules`), the rule that matched, and the failover order. Changes nothing.
     *
     *     A restricted key needs `routing: read`.
     */
    post: operations["postRoutingRulesEvaluate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a subscription
     * @description End a subscription now (optionally prorating and invoicing at once).
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postSubscriptionsIdCancel"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions/{id}/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a subscription
     * @description Stop billing until resumed.
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postSubscriptionsIdPause"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions/{id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a subscription
     * @description Bill a paused subscription again, from a new period starting now.
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postSubscriptionsIdResume"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a subscription
     * @description One subscription with its items.
     *
     *     A restricted key needs `subscriptions: read`.
     */
    get: operations["getSubscriptionsId"];
    put?: never;
    /**
     * Update a subscription
     * @description Update a subscription: items (with proration), default card, cancel_at_period_end, metadata.
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postSubscriptionsId"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List subscriptions
     * @description The subscriptions, newest first.
     *
     *     A restricted key needs `subscriptions: read`.
     */
    get: operations["getSubscriptions"];
    put?: never;
    /**
     * Create a subscription
     * @description Subscribe a customer to recurring prices.
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postSubscriptions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/test_helpers/disputes/{id}/close": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a test dispute (won or lost)
     * @description Test mode, sandbox: decide a dispute { outcome: won | lost }.
     *
     *     A restricted key needs `disputes: write`.
     */
    post: operations["postTestHelpersDisputesIdClose"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/test_helpers/subscriptions/{id}/end_period": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End a test subscription's period now
     * @description Test mode: end the current period now, so it renews at once.
     *
     *     A restricted key needs `subscriptions: write`.
     */
    post: operations["postTestHelpersSubscriptionsIdEndPeriod"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/upi/vpa/validate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Validate a UPI VPA
     * @description Whether a VPA is a UPI account, with its holder's name from the PSP.
     *
     *     A restricted key needs `payments: write`.
     */
    post: operations["postUpiVpaValidate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_deliveries/{id}/resend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resend a webhook delivery
     * @description Deliver one event again (same webhook-id).
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postWebhookDeliveriesIdResend"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_endpoints/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an endpoint's deliveries
     * @description The endpoint's delivery log with every try.
     *
     *     A restricted key needs `webhooks: read`.
     */
    get: operations["getWebhookEndpointsIdDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_endpoints/{id}/replay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay an endpoint's failed deliveries
     * @description Send again every failed delivery created in [from, to].
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postWebhookEndpointsIdReplay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_endpoints/{id}/rotate_secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate an endpoint's signing secret
     * @description A new signing secret; the old one signs too for 24 h.
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postWebhookEndpointsIdRotateSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook endpoint
     * @description One webhook endpoint.
     *
     *     A restricted key needs `webhooks: read`.
     */
    get: operations["getWebhookEndpointsId"];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description Remove an endpoint (no more deliveries).
     *
     *     A restricted key needs `webhooks: write`.
     */
    delete: operations["deleteWebhookEndpointsId"];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint
     * @description Change an endpoint's URL, events, description or status.
     *
     *     A restricted key needs `webhooks: write`.
     */
    patch: operations["patchWebhookEndpointsId"];
    trace?: never;
  };
  "/api/v1/webhook_endpoints/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test event to an endpoint
     * @description Send a webhook_endpoint.test event to this endpoint.
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postWebhookEndpointsIdTest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook_endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhook endpoints
     * @description The webhook endpoints, newest first.
     *
     *     A restricted key needs `webhooks: read`.
     */
    get: operations["getWebhookEndpoints"];
    put?: never;
    /**
     * Create a webhook endpoint
     * @description Register an endpoint.
     *
     *     A restricted key needs `webhooks: write`.
     */
    post: operations["postWebhookEndpoints"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  "account.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * account.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `account.updated` (Standard Webhooks signature headers). `data.object` is a Account.
     */
    post: operations["event_account_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.created` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.processing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.processing
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.processing` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_processing"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.requires_action": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.requires_action
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.requires_action` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_requires_action"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.amount_capturable_updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.amount_capturable_updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.amount_capturable_updated` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_amount_capturable_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.succeeded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.succeeded
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.succeeded` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_succeeded"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.payment_failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.payment_failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.payment_failed` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_payment_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment.canceled": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment.canceled
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment.canceled` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_payment_canceled"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "refund.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * refund.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `refund.created` (Standard Webhooks signature headers). `data.object` is a Refund.
     */
    post: operations["event_refund_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "refund.succeeded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * refund.succeeded
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `refund.succeeded` (Standard Webhooks signature headers). `data.object` is a Refund.
     */
    post: operations["event_refund_succeeded"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "refund.failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * refund.failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `refund.failed` (Standard Webhooks signature headers). `data.object` is a Refund.
     */
    post: operations["event_refund_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.created` (Standard Webhooks signature headers). `data.object` is a Customer.
     */
    post: operations["event_customer_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.updated` (Standard Webhooks signature headers). `data.object` is a Customer.
     */
    post: operations["event_customer_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.deleted": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.deleted
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.deleted` (Standard Webhooks signature headers). `data.object` is a Customer.
     */
    post: operations["event_customer_deleted"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment_method.attached": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment_method.attached
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment_method.attached` (Standard Webhooks signature headers). `data.object` is a PaymentMethod.
     */
    post: operations["event_payment_method_attached"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment_method.detached": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment_method.detached
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment_method.detached` (Standard Webhooks signature headers). `data.object` is a PaymentMethod.
     */
    post: operations["event_payment_method_detached"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "setup_intent.succeeded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * setup_intent.succeeded
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `setup_intent.succeeded` (Standard Webhooks signature headers). `data.object` is a SetupIntent.
     */
    post: operations["event_setup_intent_succeeded"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "setup_intent.setup_failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * setup_intent.setup_failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `setup_intent.setup_failed` (Standard Webhooks signature headers). `data.object` is a SetupIntent.
     */
    post: operations["event_setup_intent_setup_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "dispute.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * dispute.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `dispute.created` (Standard Webhooks signature headers). `data.object` is a Dispute.
     */
    post: operations["event_dispute_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "dispute.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * dispute.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `dispute.updated` (Standard Webhooks signature headers). `data.object` is a Dispute.
     */
    post: operations["event_dispute_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "dispute.closed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * dispute.closed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `dispute.closed` (Standard Webhooks signature headers). `data.object` is a Dispute.
     */
    post: operations["event_dispute_closed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "review.opened": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * review.opened
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `review.opened` (Standard Webhooks signature headers). `data.object` is a Review.
     */
    post: operations["event_review_opened"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "review.closed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * review.closed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `review.closed` (Standard Webhooks signature headers). `data.object` is a Review.
     */
    post: operations["event_review_closed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "escrow.held": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * escrow.held
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `escrow.held` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_escrow_held"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "escrow.released": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * escrow.released
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `escrow.released` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_escrow_released"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "escrow.disputed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * escrow.disputed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `escrow.disputed` (Standard Webhooks signature headers). `data.object` is a Payment.
     */
    post: operations["event_escrow_disputed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "alert.opened": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * alert.opened
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `alert.opened` (Standard Webhooks signature headers). `data.object` is a Alert.
     */
    post: operations["event_alert_opened"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "alert.resolved": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * alert.resolved
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `alert.resolved` (Standard Webhooks signature headers). `data.object` is a Alert.
     */
    post: operations["event_alert_resolved"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "webhook_endpoint.test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * webhook_endpoint.test
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `webhook_endpoint.test` (Standard Webhooks signature headers). `data.object` is a WebhookEndpoint.
     */
    post: operations["event_webhook_endpoint_test"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "checkout.session.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * checkout.session.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `checkout.session.created` (Standard Webhooks signature headers). `data.object` is a CheckoutSession.
     */
    post: operations["event_checkout_session_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "checkout.session.completed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * checkout.session.completed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `checkout.session.completed` (Standard Webhooks signature headers). `data.object` is a CheckoutSession.
     */
    post: operations["event_checkout_session_completed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "checkout.session.expired": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * checkout.session.expired
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `checkout.session.expired` (Standard Webhooks signature headers). `data.object` is a CheckoutSession.
     */
    post: operations["event_checkout_session_expired"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment_link.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment_link.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment_link.created` (Standard Webhooks signature headers). `data.object` is a PaymentLink.
     */
    post: operations["event_payment_link_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payment_link.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payment_link.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payment_link.updated` (Standard Webhooks signature headers). `data.object` is a PaymentLink.
     */
    post: operations["event_payment_link_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "product.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * product.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `product.created` (Standard Webhooks signature headers). `data.object` is a Product.
     */
    post: operations["event_product_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "product.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * product.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `product.updated` (Standard Webhooks signature headers). `data.object` is a Product.
     */
    post: operations["event_product_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "price.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * price.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `price.created` (Standard Webhooks signature headers). `data.object` is a Price.
     */
    post: operations["event_price_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "price.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * price.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `price.updated` (Standard Webhooks signature headers). `data.object` is a Price.
     */
    post: operations["event_price_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.subscription.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.subscription.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.subscription.created` (Standard Webhooks signature headers). `data.object` is a Subscription.
     */
    post: operations["event_customer_subscription_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.subscription.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.subscription.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.subscription.updated` (Standard Webhooks signature headers). `data.object` is a Subscription.
     */
    post: operations["event_customer_subscription_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.subscription.deleted": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.subscription.deleted
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.subscription.deleted` (Standard Webhooks signature headers). `data.object` is a Subscription.
     */
    post: operations["event_customer_subscription_deleted"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "customer.subscription.trial_will_end": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * customer.subscription.trial_will_end
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `customer.subscription.trial_will_end` (Standard Webhooks signature headers). `data.object` is a Subscription.
     */
    post: operations["event_customer_subscription_trial_will_end"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.created` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.finalized": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.finalized
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.finalized` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_finalized"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.paid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.paid
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.paid` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_paid"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.payment_succeeded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.payment_succeeded
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.payment_succeeded` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_payment_succeeded"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.payment_failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.payment_failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.payment_failed` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_payment_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.upcoming": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.upcoming
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.upcoming` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_upcoming"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.voided": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.voided
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.voided` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_voided"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.marked_uncollectible": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invoice.marked_uncollectible
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `invoice.marked_uncollectible` (Standard Webhooks signature headers). `data.object` is a Invoice.
     */
    post: operations["event_invoice_marked_uncollectible"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "account.external_account.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * account.external_account.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `account.external_account.created` (Standard Webhooks signature headers). `data.object` is a BankAccount.
     */
    post: operations["event_account_external_account_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "account.external_account.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * account.external_account.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `account.external_account.updated` (Standard Webhooks signature headers). `data.object` is a BankAccount.
     */
    post: operations["event_account_external_account_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "account.external_account.deleted": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * account.external_account.deleted
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `account.external_account.deleted` (Standard Webhooks signature headers). `data.object` is a BankAccount.
     */
    post: operations["event_account_external_account_deleted"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payout.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payout.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payout.created` (Standard Webhooks signature headers). `data.object` is a Payout.
     */
    post: operations["event_payout_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payout.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payout.updated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payout.updated` (Standard Webhooks signature headers). `data.object` is a Payout.
     */
    post: operations["event_payout_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payout.paid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payout.paid
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payout.paid` (Standard Webhooks signature headers). `data.object` is a Payout.
     */
    post: operations["event_payout_paid"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payout.failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payout.failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payout.failed` (Standard Webhooks signature headers). `data.object` is a Payout.
     */
    post: operations["event_payout_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "payout.canceled": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * payout.canceled
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `payout.canceled` (Standard Webhooks signature headers). `data.object` is a Payout.
     */
    post: operations["event_payout_canceled"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * order.created
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `order.created` (Standard Webhooks signature headers). `data.object` is a Order.
     */
    post: operations["event_order_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.succeeded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * order.succeeded
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `order.succeeded` (Standard Webhooks signature headers). `data.object` is a Order.
     */
    post: operations["event_order_succeeded"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * order.failed
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `order.failed` (Standard Webhooks signature headers). `data.object` is a Order.
     */
    post: operations["event_order_failed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.compensated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * order.compensated
     * @description Kassa POSTs this event to every webhook endpoint subscribed to `order.compensated` (Standard Webhooks signature headers). `data.object` is a Order.
     */
    post: operations["event_order_compensated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    /** @description The merchant's account. */
    Account: {
      /**
       * @description Unique identifier (prefix `mer_`).
       * @example mer_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "account";
      business_name: string;
      support_email: string | null;
      statement_descriptor: string | null;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      default_currency: string;
      /** @description ISO 3166-1 alpha-2. */
      country: string;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A payment failure-rate or processor timeout-rate alert. */
    Alert: {
      /**
       * @description Unique identifier (prefix `alrt_`).
       * @example alrt_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "alert";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @enum {string} */
      kind: "payment_failure_rate" | "processor_timeout_rate";
      /** @enum {string} */
      status: "open" | "resolved";
      /** @description The rate that opened it (a percentage, e.g. 12.5). */
      value: number;
      /** @description The threshold it exceeded (a percentage, e.g. 12.5). */
      threshold: number;
      window_minutes: number;
      /** @description Counted attempts in the window when it opened. */
      attempts: number;
      /** @description The failed (or timed-out) ones among them. */
      matching_attempts: number;
      /**
       * @description Opened (Unix seconds).
       * @example 1764720000
       */
      opened_at: number | null;
      /**
       * @description Resolved (Unix seconds).
       * @example 1764720000
       */
      resolved_at: number | null;
      /** @description The rate when it cleared (a percentage, e.g. 12.5). */
      resolved_value: number | null;
    };
    /** @description A page of Alert objects, newest first. */
    AlertList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Alert"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A mode's alert thresholds. */
    AlertSettings: {
      /** @enum {string} */
      object: "alert_settings";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description An alert opens above this failure rate (a percentage, e.g. 12.5). */
      failure_rate_threshold: number;
      /** @description An alert opens above this timeout rate (a percentage, e.g. 12.5). */
      timeout_rate_threshold: number;
      /** @description Fewer counted attempts in the window: no alert opens. */
      min_attempts: number;
      window_minutes: number;
      /** @description An open failure-rate alert clears at or under this (a percentage, e.g. 12.5). */
      failure_rate_clears_at: number;
      /** @description An open timeout-rate alert clears at or under this (a percentage, e.g. 12.5). */
      timeout_rate_clears_at: number;
    };
    /** @description The merchant's balance in its mode, per currency, summed from the ledger. */
    Balance: {
      /** @enum {string} */
      object: "balance";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description Available to pay out, per currency. */
      available: components["schemas"]["BalanceAmount"][];
      /** @description Not yet available, per currency. */
      pending: components["schemas"]["BalanceAmount"][];
      /** @description Paid out and on its way to the bank (Kassa's own field). */
      in_transit: components["schemas"]["BalanceAmount"][];
      /** @description Captured into escrow and not yet released or refunded (Kassa's own field). */
      escrowed: components["schemas"]["BalanceAmount"][];
    };
    BalanceAmount: {
      /** @description The amount. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
    };
    /** @description One movement of the balance. */
    BalanceTransaction: {
      /**
       * @description Unique identifier (prefix `txn_`).
       * @example txn_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "balance_transaction";
      /** @description Gross amount. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Becomes available (Unix seconds).
       * @example 1764720000
       */
      available_on: number;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string | null;
      /** @description Kassa's fee. In minor units (e.g. cents). */
      fee: number;
      fee_details: {
        /** @description The fee. In minor units (e.g. cents). */
        amount: number;
        /**
         * @description Three-letter ISO 4217 currency code, lower case.
         * @example usd
         */
        currency: string;
        description: string;
        /** @enum {string} */
        type: "kassa_fee";
      }[];
      /** @description amount − fee. In minor units (e.g. cents). */
      net: number;
      /** @description The object that moved the balance (payment, refund, dispute, payout…). */
      source: string;
      /** @enum {string} */
      status: "pending" | "available";
      /** @enum {string} */
      type:
        | "charge"
        | "refund"
        | "refund_failure"
        | "payment_failure_refund"
        | "adjustment"
        | "dispute"
        | "reserve_transaction"
        | "escrow_release"
        | "payout"
        | "payout_failure"
        | "payout_cancel";
    };
    /** @description A page of BalanceTransaction objects, newest first. */
    BalanceTransactionList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["BalanceTransaction"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A bank account for payouts; its number never appears. */
    BankAccount: {
      /**
       * @description Unique identifier (prefix `ba_`).
       * @example ba_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "bank_account";
      account_holder_name: string;
      /** @enum {string|null} */
      account_holder_type: "individual" | "company" | null;
      bank_name: string | null;
      /** @description ISO 3166-1 alpha-2. */
      country: string;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      default_for_currency: boolean;
      fingerprint: string;
      last4: string;
      routing_number: string | null;
      /** @enum {string} */
      status: "new" | "errored";
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
    };
    /** @description A page of BankAccount objects, newest first. */
    BankAccountList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["BankAccount"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A short-lived link to the customer billing portal. */
    BillingPortalSession: {
      /**
       * @description Unique identifier (prefix `bps_`).
       * @example bps_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "billing_portal.session";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string;
      /** @description The portal's link; only in this answer (Kassa keeps only its hash). */
      url: string;
      return_url: string | null;
      /**
       * @description The link stops working (Unix seconds).
       * @example 1764720000
       */
      expires_at: number;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A card's display details; never its number or CVC. */
    CardDetails: {
      /**
       * @description visa, mastercard, amex…
       * @example visa
       */
      brand: string;
      /**
       * @description The card number's last four digits.
       * @example 4242
       */
      last4: string;
      exp_month: number;
      exp_year: number;
      /** @description The same for every use of the same card number. */
      fingerprint: string;
      /** @description Issuing country, ISO 3166-1 alpha-2. */
      country: string | null;
      /** @description credit, debit, prepaid or unknown. */
      funding: string;
    };
    /** @description A customer's visit to pay one amount on Kassa's hosted page. */
    CheckoutSession: {
      /**
       * @description Unique identifier (prefix `cs_`).
       * @example cs_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "checkout.session";
      /** @description The hosted page the customer pays on; null once the session is no longer open. */
      url: string | null;
      /** @enum {string} */
      status: "open" | "complete" | "expired";
      /** @description The amount to pay, fixed when the session was made. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string | null;
      customer_email: string | null;
      success_url: string | null;
      cancel_url: string | null;
      payment_method_types: ("card" | "upi" | "paypal" | "crypto")[];
      /** @enum {string} */
      capture_method: "automatic" | "manual";
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description Origins allowed to embed the page with embed.js. */
      embed_origins: string[];
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string | null;
      /**
       * @description Unique identifier (prefix `plink_`).
       * @example plink_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment_link: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description The session expires at (Unix seconds).
       * @example 1764720000
       */
      expires_at: number;
      /**
       * @description Paid (Unix seconds).
       * @example 1764720000
       */
      completed_at: number | null;
    };
    /** @description A crypto payment's deposit address and what the chain shows there. */
    CryptoDetails: {
      /** @enum {string} */
      token: "usdc" | "usdt" | "dai" | "eth";
      chain_id: number;
      /** @description The payment's own deposit address (EIP-55). */
      address: string;
      /**
       * @description The amount asked for. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount: string;
      /**
       * @description Confirmed so far. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount_received: string;
      /**
       * @description Seen on chain, not yet confirmed. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount_pending: string;
      /**
       * @description Still to pay. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount_remaining: string;
      /**
       * @description Paid beyond the amount (owed back to the payer). A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      surplus: string;
      /** @enum {string} */
      status: "pending" | "confirming" | "confirmed" | "expired";
      confirmations_required: number;
      /**
       * @description After this the payment expires unless paid (Unix seconds).
       * @example 1764720000
       */
      expires_at: number;
      transfers: components["schemas"]["CryptoTransfer"][];
      escrow?: components["schemas"]["CryptoEscrow"];
    };
    /** @description A crypto payment held in the escrow contract until its timelock. */
    CryptoEscrow: {
      /**
       * @description pending (not paid yet), depositing (being put into the escrow contract), held, disputed (by the payer, on chain), resolving (the arbiter's ruling is being sent), released (to the merchant), refunded (to the payer).
       * @enum {string}
       */
      status: "pending" | "depositing" | "held" | "disputed" | "resolving" | "released" | "refunded";
      /** @description Unix seconds after which the deposit is released (set at the confirmation for release_after_days). */
      release_at: number | null;
      release_after_days: number | null;
      dispute_window_days: number | null;
      /** @description Unix seconds until which the payer may dispute on chain. */
      dispute_until: number | null;
      /** @description The escrow contract (EIP-55). */
      contract: string | null;
      /** @description The deposit's id in the contract. */
      deposit_id: string | null;
      /** @description The payer's address: who may dispute, and who a refund goes to. */
      payer: string | null;
    } | null;
    /** @description For a crypto payment's refund: the exact amount and the transaction (`amount` is then 0). */
    CryptoRefund: {
      /** @enum {string} */
      token: "usdc" | "usdt" | "dai" | "eth";
      chain_id: number;
      /** @description Where the refund is sent (EIP-55). */
      address: string;
      /**
       * @description The amount refunded: a decimal string of the token's base units.
       * @example 1500000
       */
      amount: string;
      /**
       * @description Unique identifier (prefix `ctx_`).
       * @example ctx_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      transaction: string;
      /** @description The transaction's hash once signed (a fee replacement changes it; the mined one is kept). */
      tx_hash: string | null;
    } | null;
    /** @description A transfer to the deposit address as the chain showed it at the last check. */
    CryptoTransfer: {
      tx_hash: string;
      /** @description The sender (null for ETH, watched by its balance). */
      from?: string | null;
      log_index: number | null;
      block_number: string;
      /**
       * @description Transferred. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount: string;
      /** @description Blocks deep at the last check (its own block counts as one). */
      confirmations: number;
    };
    /** @description A transfer of a token to the payment's deposit address. */
    CryptoTransferAction: {
      /** @description Where to send (EIP-55). */
      address: string;
      /** @enum {string} */
      token: "usdc" | "usdt" | "dai" | "eth";
      /**
       * @description What is still to send. A decimal string of the token's base units (exact at any size).
       * @example 1500000
       */
      amount_in_token_units: string;
      chain_id: number;
      /**
       * @description When the payment expires (Unix seconds).
       * @example 1764720000
       */
      expires_at: number;
      /** @description An EIP-681 link for a wallet (ethereum:…). */
      eip681_uri: string;
      /** @description The same link as an SVG QR code. */
      qr_svg: string;
    };
    /** @description A merchant's customer. */
    Customer: {
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "customer";
      email: string | null;
      name: string | null;
      description: string | null;
      phone: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      invoice_settings: {
        /** @description The saved card off-session charges use by default. */
        default_payment_method: string | null;
      };
      /** @description Negative is credit the customer's next invoice uses up; positive is debt added to it. In minor units (e.g. cents). */
      balance: number;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A page of Customer objects, newest first. */
    CustomerList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Customer"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A deleted BankAccount. */
    DeletedBankAccount: {
      id: string;
      /** @enum {string} */
      object: "bank_account";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A deleted Customer. */
    DeletedCustomer: {
      id: string;
      /** @enum {string} */
      object: "customer";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A deleted FulfillmentHook. */
    DeletedFulfillmentHook: {
      id: string;
      /** @enum {string} */
      object: "fulfillment_hook";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A deleted RadarValueList. */
    DeletedRadarValueList: {
      id: string;
      /** @enum {string} */
      object: "radar.value_list";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A deleted RadarValueListItem. */
    DeletedRadarValueListItem: {
      id: string;
      /** @enum {string} */
      object: "radar.value_list_item";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A deleted WebhookEndpoint. */
    DeletedWebhookEndpoint: {
      id: string;
      /** @enum {string} */
      object: "webhook_endpoint";
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A cardholder's dispute of a payment. */
    Dispute: {
      /**
       * @description Unique identifier (prefix `dp_`).
       * @example dp_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "dispute";
      /** @description The disputed amount, withdrawn from the balance. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /** @description The dispute fee (not returned when the dispute is won). In minor units (e.g. cents). */
      fee: number;
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string;
      /** @enum {string} */
      status: "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost" | "prevented";
      /** @description The cardholder's reason (fraudulent, product_not_received…). */
      reason: string;
      evidence: components["schemas"]["DisputeEvidence"];
      evidence_details: {
        /**
         * @description Evidence is due by (Unix seconds).
         * @example 1764720000
         */
        due_by: number;
        has_evidence: boolean;
        past_due: boolean;
        submission_count: number;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description The merchant's evidence, as submitted. */
    DisputeEvidence: {
      /** @description Anything else the merchant wants the issuer to read. */
      uncategorized_text?: string;
      /** @description What was sold. */
      product_description?: string;
      /** @description Why the merchant did not refund. */
      refund_refusal_explanation?: string;
      /** @description How the refund policy was shown to the customer. */
      refund_policy_disclosure?: string;
      /** @description Why the customer's cancellation claim does not hold. */
      cancellation_rebuttal?: string;
      /** @description The customer's use of the product or service. */
      access_activity_log?: string;
    };
    /** @description A page of Dispute objects, newest first. */
    DisputeList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Dispute"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description Every non-2xx answer of the API. */
    Error: {
      error: {
        /**
         * @description The kind of error; each code belongs to one type.
         * @enum {string}
         */
        type: "invalid_request_error" | "authentication_error" | "card_error" | "permission_error" | "idempotency_error" | "rate_limit_error" | "api_error";
        /**
         * @description What went wrong, for programs (lib/service/error-codes.ts).
         * @enum {string}
         */
        code:
          | "parameter_invalid"
          | "parameter_missing"
          | "parameter_unknown"
          | "parameter_invalid_integer"
          | "routing_rule_invalid"
          | "body_not_json"
          | "idempotency_key_invalid"
          | "amount_too_large"
          | "amount_too_small"
          | "currency_unsupported"
          | "url_invalid"
          | "address_invalid"
          | "address_checksum_invalid"
          | "chain_id_mismatch"
          | "payment_intent_unexpected_state"
          | "charge_already_refunded"
          | "payment_not_escrowed"
          | "escrow_already_released"
          | "escrow_not_held"
          | "escrow_disputed"
          | "escrow_dispute_window_closed"
          | "escrow_not_disputed"
          | "balance_insufficient"
          | "payment_method_unknown"
          | "email_taken"
          | "invitation_invalid"
          | "last_owner"
          | "api_key_revoked"
          | "ledger_entry_not_reversible"
          | "checkout_session_expired"
          | "checkout_session_complete"
          | "payment_link_inactive"
          | "billing_portal_session_expired"
          | "product_inactive"
          | "subscription_unexpected_state"
          | "invoice_unexpected_state"
          | "invoice_no_pending_items"
          | "price_inactive"
          | "price_not_recurring"
          | "currency_mismatch"
          | "interval_mismatch"
          | "lookup_key_in_use"
          | "payment_method_unexpected_state"
          | "dispute_evidence_past_due"
          | "dispute_unexpected_state"
          | "stripe_signature_invalid"
          | "upi_signature_invalid"
          | "paypal_signature_invalid"
          | "vpa_invalid"
          | "vpa_blocked"
          | "upi_collect_disabled"
          | "payment_method_currency_mismatch"
          | "payment_method_unsupported"
          | "rule_invalid"
          | "rule_inactive"
          | "resource_already_exists"
          | "value_list_in_use"
          | "no_external_account"
          | "iban_invalid"
          | "account_number_invalid"
          | "routing_number_invalid"
          | "payout_unexpected_state"
          | "bank_account_is_default"
          | "workflow_signature_invalid"
          | "api_key_missing"
          | "api_key_invalid"
          | "api_key_expired"
          | "secret_key_required"
          | "not_signed_in"
          | "invalid_credentials"
          | "unauthorized"
          | "card_declined"
          | "payment_method_provider_decline"
          | "payment_intent_payment_attempt_expired"
          | "expired_card"
          | "incorrect_cvc"
          | "processing_error"
          | "authentication_required"
          | "payment_intent_authentication_failure"
          | "incorrect_number"
          | "invalid_expiry_year"
          | "invalid_cvc"
          | "permission_denied"
          | "origin_not_allowed"
          | "content_type_invalid"
          | "resource_missing"
          | "route_not_found"
          | "paypal_webhooks_not_configured"
          | "invoice_upcoming_none"
          | "method_not_allowed"
          | "idempotency_key_in_use"
          | "workflow_run_active"
          | "workflow_run_ended"
          | "idempotency_key_reused"
          | "body_too_large"
          | "content_type_unsupported"
          | "rate_limited"
          | "login_throttled"
          | "reset_link_invalid"
          | "signup_link_invalid"
          | "api_error"
          | "ledger_entry_invalid"
          | "ledger_amount_unsafe"
          | "service_unavailable"
          | "processor_error"
          | "processor_unavailable";
        /** @description What went wrong, for people. Never shows internals. */
        message: string;
        /** @description The parameter (or header) at fault, e.g. `amount` or `items[0][price]`. */
        param?: string;
        /** @description For card errors: the issuer's reason, when it gave one. */
        decline_code?: string;
        /** @description The request's id, as in the Request-Id header; quote it to support. */
        request_id: string;
      };
    };
    /** @description Captured funds held until a release time unless disputed inside the window. */
    Escrow: {
      /**
       * @description pending: asked for, nothing captured yet; held: captured and waiting for release_at; disputed: the timed release is blocked; released: moved to the available balance; refunded: returned to the buyer.
       * @enum {string}
       */
      status: "pending" | "held" | "released" | "disputed" | "refunded";
      /** @description What the escrow holds (or held) for this payment, gross. In minor units (e.g. cents). */
      amount: number;
      /** @description The same net of Kassa's fee. In minor units (e.g. cents). */
      net: number;
      /** @description Release this many days after capture; null when release_at was given. */
      release_after_days: number | null;
      /** @description Days after capture during which a dispute may be opened; null: until the release. */
      dispute_window_days: number | null;
      /**
       * @description When a held escrow is released (Unix seconds).
       * @example 1764720000
       */
      release_at: number | null;
      /**
       * @description When it was captured into escrow (Unix seconds).
       * @example 1764720000
       */
      held_at: number | null;
      /**
       * @description When the dispute window closes (Unix seconds).
       * @example 1764720000
       */
      dispute_window_ends_at: number | null;
      /**
       * @description When it was released (Unix seconds).
       * @example 1764720000
       */
      released_at: number | null;
      dispute: components["schemas"]["EscrowDispute"];
    } | null;
    /** @description A dispute of a held escrow, opened inside its dispute window. */
    EscrowDispute: {
      /** @description Why the buyer disputed the escrow. */
      reason: string;
      /**
       * @description When the dispute was opened (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description How it was resolved; null while open.
       * @enum {string|null}
       */
      resolution: "refund" | "release" | null;
      /**
       * @description When it was resolved (Unix seconds).
       * @example 1764720000
       */
      resolved_at: number | null;
    } | null;
    /** @description Something that happened in the account; also the body of every webhook. */
    Event: {
      /**
       * @description Unique identifier (prefix `evt_`).
       * @example evt_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "event";
      /**
       * @description The event type, e.g. payment.succeeded.
       * @example payment.succeeded
       */
      type: string;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description The request that caused the event. */
      request: {
        /** @description The API request that caused it (Request-Id); null for Kassa's own changes. */
        id: string | null;
        idempotency_key: string | null;
      };
      /** @description The object the event is about. */
      data: {
        /** @description The object after the change. */
        object: {
          [key: string]: unknown;
        };
        /** @description The changed fields' earlier values. */
        previous_attributes?: {
          [key: string]: unknown;
        };
      };
    };
    /** @description A page of Event objects, newest first. */
    EventList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Event"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description Where Kassa calls the merchant during an order saga. */
    FulfillmentHook: {
      /**
       * @description Unique identifier (prefix `fh_`).
       * @example fh_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "fulfillment_hook";
      reserve_url: string;
      confirm_url: string;
      release_url: string;
      description: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /** @description The signing secret; only in the answer that made the hook. */
      secret?: string;
    };
    /** @description A page of FulfillmentHook objects, newest first. */
    FulfillmentHookList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["FulfillmentHook"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description What a customer owes for a period: draft → open → paid | void | uncollectible. */
    Invoice: {
      /**
       * @description Unique identifier (prefix `in_`).
       * @example in_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "invoice";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string;
      customer_email: string | null;
      customer_name: string | null;
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription: string | null;
      /** @enum {string} */
      billing_reason: "subscription_create" | "subscription_cycle" | "subscription_update" | "subscription_cancel" | "manual";
      /** @enum {string} */
      collection_method: "charge_automatically";
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /**
       * @description The billed period starts (Unix seconds).
       * @example 1764720000
       */
      period_start: number;
      /**
       * @description The billed period ends (Unix seconds).
       * @example 1764720000
       */
      period_end: number;
      /** @description The lines' sum. In minor units (e.g. cents). */
      subtotal: number;
      /** @description The subtotal after discounts (none yet). In minor units (e.g. cents). */
      total: number;
      /** @description The customer's balance applied before this invoice. In minor units (e.g. cents). */
      starting_balance: number;
      /** @description What the customer owes for it. In minor units (e.g. cents). */
      amount_due: number;
      /** @description Paid so far. In minor units (e.g. cents). */
      amount_paid: number;
      /** @description Left to pay. In minor units (e.g. cents). */
      amount_remaining: number;
      attempt_count: number;
      attempted: boolean;
      /**
       * @description Kassa next tries to charge it (Unix seconds).
       * @example 1764720000
       */
      next_payment_attempt: number | null;
      /** @description The page the customer sees and pays it on; null while draft. */
      hosted_invoice_url: string | null;
      invoice_pdf: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /** @description Assigned at finalisation (KASSA-0001). */
      number: string | null;
      /** @enum {string} */
      status: "draft" | "open" | "paid" | "void" | "uncollectible";
      description: string | null;
      /** @description The invoice's lines. */
      lines: {
        /** @enum {string} */
        object: "list";
        data: components["schemas"]["LineItem"][];
        has_more: boolean;
        url: string;
      };
      /** @description The customer's balance after it; null while draft. In minor units (e.g. cents). */
      ending_balance: number | null;
      /**
       * @description The latest payment that tried to collect it.
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string | null;
      last_payment_error: components["schemas"]["StatusReason"];
      status_transitions: {
        /**
         * @description Finalised (Unix seconds).
         * @example 1764720000
         */
        finalized_at: number | null;
        /**
         * @description Paid (Unix seconds).
         * @example 1764720000
         */
        paid_at: number | null;
        /**
         * @description Voided (Unix seconds).
         * @example 1764720000
         */
        voided_at: number | null;
        /**
         * @description Marked uncollectible (Unix seconds).
         * @example 1764720000
         */
        marked_uncollectible_at: number | null;
      };
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
    };
    /** @description A page of Invoice objects, newest first. */
    InvoiceList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Invoice"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A line of an invoice: an item's period, or a proration. */
    LineItem: {
      /**
       * @description Unique identifier (prefix `il_`).
       * @example il_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "line_item";
      /** @description The line's amount; negative for a credit. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string;
      quantity: number;
      /**
       * @description Unique identifier (prefix `price_`).
       * @example price_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      price: string | null;
      proration: boolean;
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription: string | null;
      /**
       * @description Unique identifier (prefix `si_`).
       * @example si_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription_item: string | null;
      period: {
        /**
         * @description The line's period starts (Unix seconds).
         * @example 1764720000
         */
        start: number;
        /**
         * @description The line's period ends (Unix seconds).
         * @example 1764720000
         */
        end: number;
      };
    };
    /** @description What the customer must do next: a 3DS redirect, a UPI intent link and QR, approve a collect request, or send a token transfer. */
    NextAction:
      | {
          /** @enum {string} */
          type: "redirect_to_url";
          redirect_to_url: {
            url: string;
            return_url: string | null;
          };
        }
      | {
          /** @enum {string} */
          type: "upi_intent";
          /** @description The upi://pay link the customer's app opens. */
          intent_url: string;
          /** @description The same link as an SVG QR code. */
          qr_svg: string;
          /**
           * @description When the request expires (Unix seconds).
           * @example 1764720000
           */
          expires_at: number;
        }
      | {
          /** @enum {string} */
          type: "upi_collect_pending";
          vpa: string;
          /**
           * @description When the request expires (Unix seconds).
           * @example 1764720000
           */
          expires_at: number;
        }
      | {
          /** @enum {string} */
          type: "crypto_transfer";
          crypto_transfer: components["schemas"]["CryptoTransferAction"];
        }
      | null;
    /** @description This call takes no parameters: send no body or `{}`. */
    NoParameters: Record<string, never>;
    OpenApiDocument: {
      openapi: string;
      info: {
        title: string;
        version: string;
      } & {
        [key: string]: unknown;
      };
      paths: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description An order saga: authorise, reserve, capture, confirm — compensated on failure. */
    Order: {
      /**
       * @description Unique identifier (prefix `ord_`).
       * @example ord_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "order";
      /** @description The order's total. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /** @enum {string} */
      status: "initiated" | "processing" | "succeeded" | "failed" | "compensated";
      payment_method: string;
      items: components["schemas"]["OrderItem"][];
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string | null;
      /**
       * @description Unique identifier (prefix `re_`).
       * @example re_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      refund: string | null;
      /**
       * @description Unique identifier (prefix `fh_`).
       * @example fh_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      fulfillment_hook: string | null;
      failure_code: string | null;
      failure_message: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Finished (Unix seconds).
       * @example 1764720000
       */
      completed_at: number | null;
      /** @description Every try of every step, oldest first (retrieve only). */
      steps?: components["schemas"]["OrderStep"][];
    };
    OrderItem: {
      name: string;
      quantity: number;
      /** @description The line's total (quantity × unit price). In minor units (e.g. cents). */
      amount: number;
    };
    /** @description A page of Order objects, newest first. */
    OrderList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Order"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description One try of one saga step or compensation. */
    OrderStep: {
      /**
       * @description Unique identifier (prefix `ostep_`).
       * @example ostep_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "order_step";
      /** @enum {string} */
      name: "authorize" | "reserve" | "capture" | "confirm" | "release" | "void" | "refund";
      /**
       * @description action (forward) or compensation (undoing an action).
       * @enum {string}
       */
      kind: "action" | "compensation";
      /** @description The step's idempotency key, the same on every try. */
      step_key: string;
      attempt: number;
      /** @enum {string} */
      outcome: "succeeded" | "failed" | "retrying";
      /** @description The merchant's HTTP answer, for the hook's steps. */
      status_code: number | null;
      latency_ms: number;
      error: string | null;
      /** @description What the step produced (payment or refund id, the answer's first bytes). */
      detail: {
        [key: string]: unknown;
      };
      /**
       * @description Tried (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A payment (Stripe's PaymentIntent): one amount collected from a customer, through one or more attempts. */
    Payment: {
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "payment";
      /** @description The amount to collect (0 for a crypto payment: its token amount is payment_method_details.crypto.amount). In minor units (e.g. cents). */
      amount: number;
      /** @description Authorised and not yet captured. In minor units (e.g. cents). */
      amount_capturable: number;
      /** @description Captured. In minor units (e.g. cents). */
      amount_received: number;
      /** @description Refunded so far. In minor units (e.g. cents). */
      amount_refunded: number;
      /**
       * @description Three-letter ISO 4217 code, lower case; for a crypto payment the token (usdc, usdt, dai, eth).
       * @example usd
       */
      currency: string;
      /** @enum {string} */
      status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "succeeded" | "canceled";
      /** @enum {string} */
      capture_method: "automatic" | "manual";
      /**
       * @description Captured automatically at this time (escrow-style holds) (Unix seconds).
       * @example 1764720000
       */
      capture_at: number | null;
      /**
       * @description A manual-capture authorisation lapses at this time (Unix seconds).
       * @example 1764720000
       */
      authorization_expires_at: number | null;
      /** @description The payment method (card token, pm_…, upi, or paypal). */
      payment_method: string | null;
      payment_method_details: components["schemas"]["PaymentMethodDetails"];
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string | null;
      description: string | null;
      receipt_email: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Canceled (Unix seconds).
       * @example 1764720000
       */
      canceled_at: number | null;
      /** @enum {string|null} */
      cancellation_reason: "duplicate" | "fraudulent" | "requested_by_customer" | "abandoned" | "automatic" | "expired" | null;
      last_payment_error: components["schemas"]["PaymentError"];
      outcome: components["schemas"]["PaymentOutcome"];
      next_action: components["schemas"]["NextAction"];
      /**
       * @description Unique identifier (prefix `pa_`).
       * @example pa_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      latest_attempt: string | null;
      /** @description The processor that carries it (sandbox, stripe, upi_sandbox…). */
      connector: string;
      /** @description Kassa's fee on the captured amount. In minor units (e.g. cents). */
      fee: number;
      escrow: components["schemas"]["Escrow"];
    };
    /** @description Why the latest attempt failed. */
    PaymentError: {
      /** @enum {string} */
      type: "card_error" | "api_error" | "invalid_request_error";
      code: string;
      decline_code: string | null;
      message: string;
      payment_method: string | null;
    } | null;
    /** @description A reusable link to pay. */
    PaymentLink: {
      /**
       * @description Unique identifier (prefix `plink_`).
       * @example plink_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "payment_link";
      /** @description The link to share; every visit starts a new checkout session. */
      url: string;
      active: boolean;
      /** @description Per item; null lets the customer choose. In minor units (e.g. cents). */
      amount: number | null;
      customer_chooses_amount: boolean;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string;
      quantity: number;
      success_url: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A page of PaymentLink objects, newest first. */
    PaymentLinkList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["PaymentLink"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A page of Payment objects, newest first. */
    PaymentList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Payment"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A saved card: its display details only, never a number or CVC. */
    PaymentMethod: {
      /** @description The processor's payment method id (pm_…). */
      id: string;
      /** @enum {string} */
      object: "payment_method";
      /** @enum {string} */
      type: "card";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string | null;
      card: components["schemas"]["CardDetails"];
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description How the payment was paid: a card, UPI, a PayPal account or a transfer on chain. */
    PaymentMethodDetails:
      | {
          /** @enum {string} */
          type: "card";
          card: components["schemas"]["CardDetails"];
        }
      | {
          /** @enum {string} */
          type: "upi";
          upi: components["schemas"]["UpiDetails"];
        }
      | {
          /** @enum {string} */
          type: "paypal";
          paypal: components["schemas"]["PayPalDetails"];
        }
      | {
          /** @enum {string} */
          type: "crypto";
          crypto: components["schemas"]["CryptoDetails"];
        }
      | null;
    /** @description A page of PaymentMethod objects, newest first. */
    PaymentMethodList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["PaymentMethod"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description What Kassa's fraud check decided for the latest attempt (Stripe's outcome). */
    PaymentOutcome: {
      /** @description 0–100; higher is riskier. */
      risk_score: number;
      /** @enum {string} */
      risk_level: "normal" | "elevated" | "highest";
      /** @enum {string} */
      type: "authorized" | "manual_review" | "blocked";
      /** @description The rule that decided (its id, or the default rule's name). */
      rule: string | null;
      reason: string | null;
    } | null;
    /** @description Money leaving the available balance for the merchant's bank account. */
    Payout: {
      /**
       * @description Unique identifier (prefix `po_`).
       * @example po_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "payout";
      /** @description The amount paid out. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Expected (or actual) arrival at the bank (Unix seconds).
       * @example 1764720000
       */
      arrival_date: number | null;
      /** @description Made by the payout schedule; settles balance transactions. */
      automatic: boolean;
      /**
       * @description Unique identifier (prefix `txn_`).
       * @example txn_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      balance_transaction: string;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string | null;
      /**
       * @description Unique identifier (prefix `ba_`).
       * @example ba_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      destination: string;
      /**
       * @description Unique identifier (prefix `txn_`).
       * @example txn_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      failure_balance_transaction: string | null;
      failure_code: string | null;
      failure_message: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @enum {string} */
      method: "standard";
      /** @enum {string} */
      reconciliation_status: "completed" | "not_applicable";
      /** @enum {string} */
      source_type: "card";
      /** @enum {string} */
      status: "pending" | "in_transit" | "paid" | "failed" | "canceled";
      /** @enum {string} */
      type: "bank_account";
    };
    /** @description A page of Payout objects, newest first. */
    PayoutList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Payout"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description The payout schedule of a mode. */
    PayoutSettings: {
      /** @enum {string} */
      object: "payout_settings";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      schedule: {
        /** @enum {string} */
        interval: "manual" | "daily" | "weekly" | "monthly";
        /**
         * @description The weekday, for weekly.
         * @enum {string|null}
         */
        weekly_anchor: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
        /** @description The day (1–31), for monthly; a shorter month pays on its last day. */
        monthly_anchor: number | null;
      };
    };
    /** @description The PayPal account that approved a wallet payment. */
    PayPalDetails: {
      /** @description PayPal's id of the payer's account. */
      payer_id: string | null;
      payer_email: string | null;
      payer_name: string | null;
      /** @description The payer's country (ISO 3166-1 alpha-2), when PayPal tells it. */
      country: string | null;
    };
    /** @description How much and how often a product costs; never changes once made. */
    Price: {
      /**
       * @description Unique identifier (prefix `price_`).
       * @example price_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "price";
      active: boolean;
      /**
       * @description Unique identifier (prefix `prod_`).
       * @example prod_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      product: string;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /** @description The price of one unit. In minor units (e.g. cents). */
      unit_amount: number;
      /** @enum {string} */
      type: "one_time" | "recurring";
      /** @description How often a recurring price bills; null for one_time. */
      recurring: {
        /** @enum {string} */
        interval: "day" | "week" | "month" | "year";
        interval_count: number;
      } | null;
      nickname: string | null;
      lookup_key: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A page of Price objects, newest first. */
    PriceList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Price"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description What a merchant sells; archived (active false), never deleted. */
    Product: {
      /**
       * @description Unique identifier (prefix `prod_`).
       * @example prod_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "product";
      active: boolean;
      name: string;
      description: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /**
       * @description Unique identifier (prefix `price_`).
       * @example price_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      default_price: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Last changed (Unix seconds).
       * @example 1764720000
       */
      updated: number;
    };
    /** @description A page of Product objects, newest first. */
    ProductList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Product"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A merchant's fraud rule, one version of it. */
    RadarRule: {
      /**
       * @description Unique identifier (prefix `rule_`).
       * @example rule_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "radar.rule";
      /** @enum {string} */
      action: "request_3ds" | "allow" | "block" | "review";
      /** @description The rule's text, e.g. `risk_score > 80`. */
      source: string;
      /** @enum {string} */
      status: "active" | "disabled";
      version: number;
      /**
       * @description The earlier version this one replaced.
       * @example rule_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      replaces: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Last changed (Unix seconds).
       * @example 1764720000
       */
      updated: number;
    };
    /** @description A page of RadarRule objects, newest first. */
    RadarRuleList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["RadarRule"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description An allow or block list used by rules. */
    RadarValueList: {
      /**
       * @description Unique identifier (prefix `rsl_`).
       * @example rsl_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "radar.value_list";
      /** @description The name rules use as @alias. */
      alias: string;
      name: string;
      /** @enum {string} */
      item_type: "card_fingerprint" | "email" | "ip_address" | "vpa" | "card_bin" | "customer" | "country";
      /** @description The newest items; the rest through its url. */
      list_items: {
        /** @enum {string} */
        object: "list";
        data: components["schemas"]["RadarValueListItem"][];
        has_more: boolean;
        url: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description One value of a list. */
    RadarValueListItem: {
      /**
       * @description Unique identifier (prefix `rsli_`).
       * @example rsli_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "radar.value_list_item";
      /** @description Lower-cased. */
      value: string;
      /**
       * @description Unique identifier (prefix `rsl_`).
       * @example rsl_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      value_list: string;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A page of RadarValueListItem objects, newest first. */
    RadarValueListItemList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["RadarValueListItem"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description A page of RadarValueList objects, newest first. */
    RadarValueListList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["RadarValueList"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description Money returned to the customer from a payment. */
    Refund: {
      /**
       * @description Unique identifier (prefix `re_`).
       * @example re_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "refund";
      /** @description The amount refunded. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 code, or the token (usdc, usdt, dai, eth).
       * @example usd
       */
      currency: string;
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "canceled";
      /**
       * @description expired_uncaptured_charge: Kassa refunded a payment paid after it had expired (UPI, or a transfer on chain). overpayment: Kassa sent back what a crypto payer sent beyond the amount.
       * @enum {string|null}
       */
      reason: "duplicate" | "fraudulent" | "requested_by_customer" | "expired_uncaptured_charge" | "overpayment" | null;
      failure_reason: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      crypto: components["schemas"]["CryptoRefund"];
    };
    /** @description A page of Refund objects, newest first. */
    RefundList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Refund"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    ReplayResult: {
      /** @enum {string} */
      object: "list";
      replayed: number;
    } & {
      [key: string]: unknown;
    };
    /** @description A payment held for the merchant's decision. */
    Review: {
      /**
       * @description Unique identifier (prefix `prv_`).
       * @example prv_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "review";
      /**
       * @description Unique identifier (prefix `pay_`).
       * @example pay_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      payment: string;
      open: boolean;
      /** @description Why it was opened: the rule's id or risk_score. */
      reason: string;
      risk_score: number;
      /** @enum {string|null} */
      closed_reason: "approved" | "refunded" | "refunded_as_fraud" | "canceled" | "disputed" | null;
      /**
       * @description Opened (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description Closed (Unix seconds).
       * @example 1764720000
       */
      closed_at: number | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
    };
    /** @description A page of Review objects, newest first. */
    ReviewList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Review"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description Which connector a payment would use, and why. */
    RoutingDecision: {
      /** @enum {string} */
      object: "routing_decision";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description The connector the payment would use. */
      connector: string;
      /** @description The rule that matched; null when the default routed the payment. */
      rule: {
        /** @description The rule's place in `rules`, from 0. */
        index: number;
        name: string | null;
      } | null;
      /** @description Failover order: the connectors tried next if one is unavailable. */
      candidates: string[];
      /** @description The rules' version that decided; null for a draft or the built-in processor. */
      version: number | null;
      /** @description true when no rule applies and the mode's built-in processor takes the payment. */
      built_in: boolean;
    };
    /** @description A mode's routing rules: ordered conditions, each naming a connector or a weighted split, then a default. */
    RoutingRules: {
      /** @enum {string} */
      object: "routing_rules";
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description Counts up on every change; 0 until rules are first saved. Each payment attempt records the version that routed it. */
      version: number;
      rules: {
        name?: string;
        /** @description Every condition given must hold; an empty object matches every payment. */
        when: {
          currency?: string[];
          amount_gte?: number;
          amount_lt?: number;
          payment_method_type?: ("card" | "paypal")[];
          card_brand?: ("visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "rupay")[];
          card_country?: string[];
          bin?: string[];
        };
        route:
          | {
              connector: string;
            }
          | {
              split: {
                connector: string;
                weight: number;
              }[];
            };
      }[];
      /** @description Where a payment no rule matches goes; until rules are saved, the mode's built-in processor (null when the mode has none). */
      default:
        | {
            connector: string;
          }
        | {
            split: {
              connector: string;
              weight: number;
            }[];
          }
        | null;
      /** @description The connectors rules may name in this mode, and the payment methods each takes. */
      connectors: {
        name: string;
        payment_method_types: ("card" | "paypal")[];
      }[];
      /**
       * @description Last changed (Unix seconds).
       * @example 1764720000
       */
      updated_at: number | null;
    };
    RuleBacktest: {
      /** @enum {string} */
      object: "radar.rule_backtest";
      action: string;
      source: string;
      since: number;
      until: number;
      evaluated: number;
      matched: number;
      matched_by_outcome: {
        [key: string]: number;
      };
      amount: {
        by_currency: ({
          currency: string;
          amount: number;
        } & {
          [key: string]: unknown;
        })[];
        total_in_usd: number;
      } & {
        [key: string]: unknown;
      };
      examples: ({
        id: string;
        amount: number;
        currency: string;
        created: number;
      } & {
        [key: string]: unknown;
      })[];
      truncated: boolean;
      max_assessments: number;
    } & {
      [key: string]: unknown;
    };
    /** @description Why saving the card failed. */
    SetupError: {
      type: string;
      code: string;
      decline_code: string | null;
      message: string;
    } | null;
    /** @description Saving a card for later; on success the card is a payment method of the customer. */
    SetupIntent: {
      /**
       * @description Unique identifier (prefix `seti_`).
       * @example seti_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "setup_intent";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string;
      /** @enum {string} */
      status: "requires_payment_method" | "requires_action" | "processing" | "succeeded" | "canceled";
      /** @description The card given, then the saved payment method. */
      payment_method: string | null;
      /** @enum {string} */
      usage: "off_session" | "on_session";
      last_setup_error: components["schemas"]["SetupError"];
      next_action: components["schemas"]["NextAction"];
      /** @description Only in the answer that made it; never stored. */
      client_secret: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description The missing payment method or the latest decline. */
    StatusReason: {
      code: string;
      message: string;
      decline_code?: string | null;
    } | null;
    /** @description A customer's recurring purchase of one or more prices. */
    Subscription: {
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "subscription";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string;
      /** @enum {string} */
      status: "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "unpaid" | "canceled" | "paused";
      status_reason: components["schemas"]["StatusReason"];
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /** @description The subscription's items, prices inline. */
      items: {
        /** @enum {string} */
        object: "list";
        data: components["schemas"]["SubscriptionItem"][];
        has_more: boolean;
        url: string;
      };
      plan_interval: {
        /** @enum {string} */
        interval: "day" | "week" | "month" | "year";
        interval_count: number;
      };
      default_payment_method: string | null;
      /**
       * @description The anchor periods are counted from (Unix seconds).
       * @example 1764720000
       */
      billing_cycle_anchor: number;
      /**
       * @description The current period started (Unix seconds).
       * @example 1764720000
       */
      current_period_start: number;
      /**
       * @description The current period ends (Unix seconds).
       * @example 1764720000
       */
      current_period_end: number;
      /**
       * @description The trial started (Unix seconds).
       * @example 1764720000
       */
      trial_start: number | null;
      /**
       * @description The trial ends (Unix seconds).
       * @example 1764720000
       */
      trial_end: number | null;
      cancel_at_period_end: boolean;
      /**
       * @description It will be canceled at (Unix seconds).
       * @example 1764720000
       */
      cancel_at: number | null;
      /**
       * @description Canceled (Unix seconds).
       * @example 1764720000
       */
      canceled_at: number | null;
      /**
       * @description Ended (Unix seconds).
       * @example 1764720000
       */
      ended_at: number | null;
      /**
       * @description Paused (Unix seconds).
       * @example 1764720000
       */
      paused_at: number | null;
      cancellation_details: {
        reason: string | null;
      };
      /**
       * @description Unique identifier (prefix `in_`).
       * @example in_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      latest_invoice: string | null;
      /** @description Key-value pairs the merchant attached to the object. */
      metadata: {
        [key: string]: string;
      };
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Started (Unix seconds).
       * @example 1764720000
       */
      start_date: number;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description One price on a subscription, with its quantity. */
    SubscriptionItem: {
      /**
       * @description Unique identifier (prefix `si_`).
       * @example si_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "subscription_item";
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription: string;
      price: components["schemas"]["Price"];
      quantity: number;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description A page of Subscription objects, newest first. */
    SubscriptionList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["Subscription"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    TestDelivery: {
      id: string;
      /** @enum {string} */
      object: "webhook_delivery";
      event: string;
      status: string;
    } & {
      [key: string]: unknown;
    };
    /** @description A preview of the subscription's next invoice; nothing is stored. */
    UpcomingInvoice: {
      id: null;
      /** @enum {string} */
      object: "invoice";
      /**
       * @description Unique identifier (prefix `cus_`).
       * @example cus_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      customer: string;
      customer_email: string | null;
      customer_name: string | null;
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription: string | null;
      /** @enum {string} */
      billing_reason: "subscription_create" | "subscription_cycle" | "subscription_update" | "subscription_cancel" | "manual";
      /** @enum {string} */
      collection_method: "charge_automatically";
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      /**
       * @description The billed period starts (Unix seconds).
       * @example 1764720000
       */
      period_start: number;
      /**
       * @description The billed period ends (Unix seconds).
       * @example 1764720000
       */
      period_end: number;
      /** @description The lines' sum. In minor units (e.g. cents). */
      subtotal: number;
      /** @description The subtotal after discounts (none yet). In minor units (e.g. cents). */
      total: number;
      /** @description The customer's balance applied before this invoice. In minor units (e.g. cents). */
      starting_balance: number;
      /** @description What the customer owes for it. In minor units (e.g. cents). */
      amount_due: number;
      /** @description Paid so far. In minor units (e.g. cents). */
      amount_paid: number;
      /** @description Left to pay. In minor units (e.g. cents). */
      amount_remaining: number;
      attempt_count: number;
      attempted: boolean;
      /**
       * @description Kassa next tries to charge it (Unix seconds).
       * @example 1764720000
       */
      next_payment_attempt: number | null;
      /** @description The page the customer sees and pays it on; null while draft. */
      hosted_invoice_url: string | null;
      invoice_pdf: string | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      number: null;
      /** @enum {string} */
      status: "draft";
      /** @description Pending prorations first, then the next period's items. */
      lines: {
        /** @enum {string} */
        object: "list";
        data: components["schemas"]["UpcomingLineItem"][];
        has_more: boolean;
        url: string;
      };
      /** @description The customer's balance after it. In minor units (e.g. cents). */
      ending_balance: number;
    };
    /** @description A line of the upcoming invoice. */
    UpcomingLineItem: {
      /**
       * @description null for a line the renewal has not made yet.
       * @example il_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string | null;
      /** @enum {string} */
      object: "line_item";
      /** @description The line's amount; negative for a credit. In minor units (e.g. cents). */
      amount: number;
      /**
       * @description Three-letter ISO 4217 currency code, lower case.
       * @example usd
       */
      currency: string;
      description: string;
      quantity: number;
      /**
       * @description Unique identifier (prefix `price_`).
       * @example price_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      price: string | null;
      proration: boolean;
      /**
       * @description Unique identifier (prefix `sub_`).
       * @example sub_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription: string | null;
      /**
       * @description Unique identifier (prefix `si_`).
       * @example si_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      subscription_item: string | null;
      period: {
        /**
         * @description The line's period starts (Unix seconds).
         * @example 1764720000
         */
        start: number;
        /**
         * @description The line's period ends (Unix seconds).
         * @example 1764720000
         */
        end: number;
      };
    };
    /** @description A UPI payment's details. */
    UpiDetails: {
      /**
       * @description intent: the customer's UPI app opened on a link; qr: a QR scanned; collect: a request sent to the VPA.
       * @enum {string}
       */
      flow: "intent" | "qr" | "collect";
      /** @description The payer's VPA when known. */
      vpa: string | null;
      /**
       * @description The UPI transaction's own state.
       * @enum {string}
       */
      status: "pending" | "success" | "failed" | "expired";
      /** @description The bank's 12-digit retrieval reference, on success. */
      rrn: string | null;
      /** @description The PSP's transaction id. */
      psp_reference: string | null;
      /**
       * @description After this the payment expires unless the PSP says it was paid (Unix seconds).
       * @example 1764720000
       */
      expires_at: number;
      payer_name: string | null;
      /** @description Paid after it had expired: the refund that returned it. */
      late_refund: string | null;
    };
    /** @description Whether a VPA is a UPI account, and its holder's name. */
    UpiVpa: {
      /** @enum {string} */
      object: "upi_vpa";
      /** @example success@upi */
      vpa: string;
      /** @description Whether the PSP knows the VPA as an account. */
      valid: boolean;
      /** @description The account holder's name as the PSP reports it; null when not an account. */
      name: string | null;
    };
    /** @description One HTTP try of a delivery. */
    WebhookAttempt: {
      number: number;
      status_code: number | null;
      /** @description timeout, refused, dns, blocked, tls or network, when no HTTP answer came. */
      error: string | null;
      latency_ms: number;
      /** @description The first 4 KB of the answer. */
      response_body: string | null;
      /**
       * @description Sent (Unix seconds).
       * @example 1764720000
       */
      created: number;
    };
    /** @description One event to one endpoint. */
    WebhookDelivery: {
      /**
       * @description The delivery's id, also its webhook-id header.
       * @example wd_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "webhook_delivery";
      /**
       * @description Unique identifier (prefix `we_`).
       * @example we_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      endpoint: string;
      /**
       * @description Unique identifier (prefix `evt_`).
       * @example evt_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      event: string;
      event_type: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
      attempt_count: number;
      last_status_code: number | null;
      last_error: string | null;
      /**
       * @description The next try (Unix seconds).
       * @example 1764720000
       */
      next_attempt: number | null;
      /**
       * @description Succeeded or given up (Unix seconds).
       * @example 1764720000
       */
      completed: number | null;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /** @description Every try, when asked for. */
      attempts?: components["schemas"]["WebhookAttempt"][];
    };
    /** @description A page of WebhookDelivery objects, newest first. */
    WebhookDeliveryList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["WebhookDelivery"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
    /** @description Where Kassa sends events. */
    WebhookEndpoint: {
      /**
       * @description Unique identifier (prefix `we_`).
       * @example we_01jd8v2k3m4n5p6q7r8s9t0vwx
       */
      id: string;
      /** @enum {string} */
      object: "webhook_endpoint";
      url: string;
      description: string | null;
      /** @description Event types sent to it; ["*"] for all. */
      enabled_events: string[];
      /** @enum {string} */
      status: "enabled" | "disabled";
      /** @enum {string|null} */
      disabled_reason: "manual" | "gone" | "failing" | null;
      /** @description true in live mode, false in test mode. */
      livemode: boolean;
      /**
       * @description Created (Unix seconds).
       * @example 1764720000
       */
      created: number;
      /**
       * @description During a rotation, the previous secret stops signing (Unix seconds).
       * @example 1764720000
       */
      previous_secret_expires_at: number | null;
      /** @description The signing secret (whsec_…); only when just made or rotated, or asked for. */
      secret?: string;
    };
    /** @description A page of WebhookEndpoint objects, newest first. */
    WebhookEndpointList: {
      /** @enum {string} */
      object: "list";
      data: components["schemas"]["WebhookEndpoint"][];
      /** @description Whether more objects follow this page (pass the last id as `starting_after`). */
      has_more: boolean;
      /** @description The list's path. */
      url: string;
    };
  };
  responses: never;
  parameters: {
    /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: {
    /** @description This request's id (`req_…`); error bodies carry it as `request_id`. */
    "Request-Id": string;
    /** @description `true` when the answer is the stored one of an earlier request with the same Idempotency-Key. */
    "Idempotent-Replayed": "true";
    /** @description Requests the key may make in the current window. */
    "RateLimit-Limit": number;
    /** @description Requests left in the current window. */
    "RateLimit-Remaining": number;
    /** @description Seconds until the window resets. */
    "RateLimit-Reset": number;
    /** @description Seconds to wait before retrying (rate_limited). */
    "Retry-After": number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Account"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postAccount: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          business_name?: string;
          support_email?: string | "" | null;
          statement_descriptor?: string | "" | null;
          /** @description A supported three-letter ISO 4217 code (any case). */
          default_currency?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Account"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getAlertSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertSettings"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postAlertSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          failure_rate_threshold: number;
          timeout_rate_threshold: number;
          min_attempts: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertSettings"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getAlerts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertList"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBalance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Balance"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBalanceTransactionsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/balance_transactions/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BalanceTransaction"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBalanceTransactions: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        type?:
          | "charge"
          | "refund"
          | "refund_failure"
          | "payment_failure_refund"
          | "adjustment"
          | "dispute"
          | "reserve_transaction"
          | "escrow_release"
          | "payout"
          | "payout_failure"
          | "payout_cancel";
        source?: string;
        payout?: string;
        currency?: string;
        created?:
          | (number | null)
          | {
              gt?: number | null;
              gte?: number | null;
              lt?: number | null;
              lte?: number | null;
            }
          | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BalanceTransactionList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postBillingPortalSessions: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customer: string;
          /** Format: uri */
          return_url?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BillingPortalSession"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCheckoutSessionsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/checkout/sessions/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutSession"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postCheckoutSessions: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount: number;
          currency: string;
          description?: string;
          /** Format: email */
          customer_email?: string;
          /** Format: uri */
          success_url: string;
          /** Format: uri */
          cancel_url: string;
          payment_method_types?: ("card" | "upi" | "paypal" | "crypto")[];
          /** @enum {string} */
          capture_method?: "automatic" | "manual";
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          embed_origins?: string[];
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutSession"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_currency_mismatch`, `payment_method_unsupported`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomersIdPaymentMethods: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        type?: "card";
      };
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/customers/{id}/payment_methods). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentMethodList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/customers/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postCustomersId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/customers/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          email?: string | "" | null;
          name?: string | null;
          description?: string | null;
          phone?: string | null;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          invoice_settings?: {
            default_payment_method: string | null;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteCustomersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/customers/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedCustomer"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchCustomersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/customers/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          email?: string | "" | null;
          name?: string | null;
          description?: string | null;
          phone?: string | null;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          invoice_settings?: {
            default_payment_method: string | null;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `payment_method_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomers: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        email?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CustomerList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postCustomers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email?: string;
          name?: string;
          description?: string;
          phone?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentMethodsIdAttach: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payment_methods/{id}/attach). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customer: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentMethod"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentMethodsIdDetach: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payment_methods/{id}/detach). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentMethod"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPaymentMethodsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/payment_methods/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentMethod"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getSetupIntentsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/setup_intents/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupIntent"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSetupIntents: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customer: string;
          payment_method: string;
          /** @enum {string} */
          usage?: "off_session" | "on_session";
          /** Format: uri */
          return_url?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupIntent"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `card_declined`, `expired_card`, `incorrect_cvc`, `processing_error`, `authentication_required`. */
      402: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postDisputesIdEvidence: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/disputes/{id}/evidence). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          evidence: {
            uncategorized_text?: string;
            product_description?: string;
            refund_refusal_explanation?: string;
            refund_policy_disclosure?: string;
            cancellation_rebuttal?: string;
            access_activity_log?: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Dispute"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `dispute_unexpected_state`, `dispute_evidence_past_due`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getDisputesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/disputes/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Dispute"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getDisputes: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        payment?: string;
        status?: "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost" | "prevented";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DisputeList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdEscrowDisputeResolve: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/escrow_dispute/resolve). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          resolution: "refund" | "release";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_not_escrowed`, `escrow_already_released`, `escrow_not_disputed`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdEscrowDispute: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/escrow_dispute). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `escrow_dispute_window_closed`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/release). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getEventsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/events/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Event"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getEvents: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        type?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postInvoicesIdFinalize: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/invoices/{id}/finalize). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postInvoicesIdMarkUncollectible: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/invoices/{id}/mark_uncollectible). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postInvoicesIdPay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/invoices/{id}/pay). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          payment_method?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`, `invoice_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `card_declined`, `authentication_required`. */
      402: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getInvoicesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/invoices/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postInvoicesIdVoid: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/invoices/{id}/void). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`, `invoice_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getInvoices: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "draft" | "open" | "paid" | "void" | "uncollectible";
        customer?: string;
        subscription?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["InvoiceList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postInvoices: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customer: string;
          subscription?: string;
          description?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Invoice"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `invoice_no_pending_items`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getInvoicesUpcoming: {
    parameters: {
      query: {
        subscription: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UpcomingInvoice"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`, `invoice_upcoming_none`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOpenapiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OpenApiDocument"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteFulfillmentHooksId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/fulfillment_hooks/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedFulfillmentHook"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getFulfillmentHooks: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FulfillmentHookList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postFulfillmentHooks: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reserve_url: string;
          confirm_url: string;
          release_url: string;
          description?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FulfillmentHook"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `resource_already_exists`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOrdersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/orders/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOrders: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "initiated" | "processing" | "succeeded" | "failed" | "compensated";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postOrders: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount: number;
          currency: string;
          payment_method: string;
          items: {
            name: string;
            quantity: number;
            amount: number;
          }[];
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unsupported`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentLinksIdDeactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payment_links/{id}/deactivate). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentLink"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPaymentLinksId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/payment_links/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentLink"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentLinksId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payment_links/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          active: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentLink"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPaymentLinks: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        active?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentLinkList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentLinks: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount?: number;
          currency: string;
          description: string;
          quantity?: number;
          /** Format: uri */
          success_url?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentLink"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `currency_unsupported`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdCancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/cancel). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          cancellation_reason?: "duplicate" | "fraudulent" | "requested_by_customer" | "abandoned";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_intent_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdCapture: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/capture). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount_to_capture?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_intent_unexpected_state`, `amount_too_large`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPaymentsIdConfirm: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}/confirm). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          payment_method?: string;
          payment_method_options?: {
            upi?: {
              /** @enum {string} */
              flow?: "intent" | "qr" | "collect";
              vpa?: string;
            };
          };
          /** Format: uri */
          return_url?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unknown`, `payment_intent_unexpected_state`, `vpa_invalid`, `vpa_blocked`, `upi_collect_disabled`, `payment_method_currency_mismatch`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `card_declined`, `expired_card`, `incorrect_cvc`, `processing_error`, `authentication_required`. */
      402: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPaymentsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/payments/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPayments: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "succeeded" | "canceled";
        customer?: string;
        created?: {
          gt?: number | null;
          gte?: number | null;
          lt?: number | null;
          lte?: number | null;
        };
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PaymentList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPayments: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          payment_method_types?: ("card" | "upi" | "paypal" | "crypto")[];
          payment_method_options?: {
            upi?: {
              /** @enum {string} */
              flow?: "intent" | "qr" | "collect";
              vpa?: string;
            };
          };
          amount: number | string;
          currency: string;
          payment_method?: string;
          confirm?: boolean;
          /** @enum {string} */
          capture_method?: "automatic" | "manual";
          capture_at?: number;
          customer?: string;
          description?: string;
          /** Format: email */
          receipt_email?: string;
          /** Format: uri */
          return_url?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          escrow?: {
            release_at?: number;
            release_after_days?: number;
            dispute_window_days?: number;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payment"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unsupported`, `payment_method_unknown`, `amount_too_small`, `amount_too_large`, `currency_unsupported`, `vpa_invalid`, `vpa_blocked`, `upi_collect_disabled`, `payment_method_currency_mismatch`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `card_declined`, `expired_card`, `incorrect_cvc`, `processing_error`, `authentication_required`. */
      402: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBankAccountsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/bank_accounts/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BankAccount"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postBankAccountsId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/bank_accounts/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {boolean} */
          default_for_currency?: true;
          account_holder_name?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BankAccount"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteBankAccountsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/bank_accounts/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedBankAccount"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `bank_account_is_default`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBankAccounts: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        currency?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BankAccountList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postBankAccounts: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          currency: string;
          country: string;
          account_holder_name: string;
          /** @enum {string} */
          account_holder_type?: "individual" | "company";
          iban?: string;
          account_number?: string;
          routing_number?: string;
          default_for_currency?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BankAccount"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `currency_unsupported`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPayoutSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayoutSettings"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPayoutSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          interval: "manual" | "daily" | "weekly" | "monthly";
          /** @enum {string} */
          weekly_anchor?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
          monthly_anchor?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayoutSettings"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPayoutsIdCancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/payouts/{id}/cancel). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payout"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`, `payout_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPayoutsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/payouts/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payout"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPayouts: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "pending" | "in_transit" | "paid" | "failed" | "canceled";
        currency?: string;
        destination?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayoutList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPayouts: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount: number;
          currency: string;
          description?: string;
          bank_account?: string;
          destination?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Payout"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `currency_unsupported`, `no_external_account`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPricesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/prices/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Price"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPricesId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/prices/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          active?: boolean;
          nickname?: string | null;
          lookup_key?: string | null;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Price"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPrices: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        product?: string;
        active?: "true" | "false";
        type?: "one_time" | "recurring";
        currency?: string;
        recurring?: {
          /** @enum {string} */
          interval: "day" | "week" | "month" | "year";
        };
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PriceList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postPrices: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          product: string;
          currency: string;
          unit_amount: number;
          recurring?: {
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            interval_count?: number;
          };
          nickname?: string;
          lookup_key?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Price"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `product_inactive`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getProductsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/products/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Product"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postProductsId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/products/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          description?: string | null;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          active?: boolean;
          default_price?: string | null;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Product"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getProducts: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        active?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProductList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postProducts: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          description?: string;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          active?: boolean;
          default_price_data?: {
            currency: string;
            unit_amount: number;
            recurring?: {
              /** @enum {string} */
              interval: "day" | "week" | "month" | "year";
              interval_count?: number;
            };
            /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
            metadata?: {
              [key: string]: string;
            };
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Product"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRadarRulesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/radar/rules/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarRule"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRadarRulesId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/radar/rules/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          source: string;
          /** @enum {string} */
          action?: "request_3ds" | "allow" | "block" | "review";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarRule"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `rule_inactive`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteRadarRulesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/radar/rules/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarRule"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRadarRulesBacktest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          source: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RuleBacktest"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRadarRules: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "active" | "disabled";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarRuleList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRadarRules: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          source: string;
          /** @enum {string} */
          action?: "request_3ds" | "allow" | "block" | "review";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarRule"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `rule_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteRadarValueListItemsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/radar/value_list_items/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedRadarValueListItem"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRadarValueListItems: {
    parameters: {
      query: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        value_list: string;
        value?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarValueListItemList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRadarValueListItems: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          value_list: string;
          value: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarValueListItem"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `resource_already_exists`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRadarValueListsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/radar/value_lists/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarValueList"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteRadarValueListsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/radar/value_lists/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedRadarValueList"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `value_list_in_use`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRadarValueLists: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        alias?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarValueListList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRadarValueLists: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          alias: string;
          name: string;
          /** @enum {string} */
          item_type: "card_fingerprint" | "email" | "ip_address" | "vpa" | "card_bin" | "customer" | "country";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RadarValueList"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `resource_already_exists`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postReviewsIdApprove: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/reviews/{id}/approve). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Review"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postReviewsIdRefund: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/reviews/{id}/refund). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Review"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postReviewsIdRefundAsFraud: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/reviews/{id}/refund_as_fraud). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Review"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getReviewsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/reviews/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Review"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getReviews: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        open?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReviewList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRefundsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/refunds/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Refund"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRefunds: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        payment?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RefundList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRefunds: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          payment: string;
          amount?: number | string;
          /** @enum {string} */
          reason?: "duplicate" | "fraudulent" | "requested_by_customer";
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
          /** @description Required for a crypto payment's refund, refused for any other. */
          crypto?: {
            /** @description Where to send the refund: an EVM address (EIP-55 checksum checked when mixed case). */
            address: string;
            /** @description The chain you mean; refused with chain_id_mismatch if it is not Kassa's. */
            chain_id?: number;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Refund"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_intent_unexpected_state`, `charge_already_refunded`, `amount_too_large`, `amount_too_small`, `address_invalid`, `address_checksum_invalid`, `chain_id_mismatch`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRoutingRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RoutingRules"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRoutingRules: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          rules: {
            name?: string;
            /** @description Every condition given must hold; an empty object matches every payment. */
            when: {
              currency?: string[];
              amount_gte?: number;
              amount_lt?: number;
              payment_method_type?: ("card" | "paypal")[];
              card_brand?: ("visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "rupay")[];
              card_country?: string[];
              bin?: string[];
            };
            route:
              | {
                  connector: string;
                }
              | {
                  split: {
                    connector: string;
                    weight: number;
                  }[];
                };
          }[];
          default:
            | {
                connector: string;
              }
            | {
                split: {
                  connector: string;
                  weight: number;
                }[];
              };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RoutingRules"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `routing_rule_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postRoutingRulesEvaluate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount: number;
          currency: string;
          /** @enum {string} */
          payment_method_type?: "card" | "paypal";
          payment_method?: string;
          /** @enum {string} */
          card_brand?: "visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "rupay";
          card_country?: string;
          bin?: string;
          rules?: {
            rules: {
              name?: string;
              /** @description Every condition given must hold; an empty object matches every payment. */
              when: {
                currency?: string[];
                amount_gte?: number;
                amount_lt?: number;
                payment_method_type?: ("card" | "paypal")[];
                card_brand?: ("visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "rupay")[];
                card_country?: string[];
                bin?: string[];
              };
              route:
                | {
                    connector: string;
                  }
                | {
                    split: {
                      connector: string;
                      weight: number;
                    }[];
                  };
            }[];
            default:
              | {
                  connector: string;
                }
              | {
                  split: {
                    connector: string;
                    weight: number;
                  }[];
                };
          };
          payment?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RoutingDecision"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `routing_rule_invalid`, `payment_method_unsupported`, `processor_unavailable`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSubscriptionsIdCancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/subscriptions/{id}/cancel). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          invoice_now?: boolean;
          prorate?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSubscriptionsIdPause: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/subscriptions/{id}/pause). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSubscriptionsIdResume: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/subscriptions/{id}/resume). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getSubscriptionsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/subscriptions/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSubscriptionsId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/subscriptions/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          items?: {
            id?: string;
            price?: string;
            quantity?: number;
            deleted?: boolean;
          }[];
          /** @enum {string} */
          proration_behavior?: "create_prorations" | "none" | "always_invoice";
          default_payment_method?: string | null;
          cancel_at_period_end?: boolean;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`, `price_inactive`, `price_not_recurring`, `currency_mismatch`, `interval_mismatch`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getSubscriptions: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "unpaid" | "canceled" | "paused" | "all";
        customer?: string;
        price?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SubscriptionList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postSubscriptions: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customer: string;
          items: {
            price: string;
            quantity?: number;
          }[];
          trial_period_days?: number;
          default_payment_method?: string;
          cancel_at_period_end?: boolean;
          billing_cycle_anchor?: number;
          /** @description Up to 50 keys of ≤ 40 characters, string values of ≤ 500. */
          metadata?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `payment_method_unexpected_state`, `amount_too_large`, `price_inactive`, `price_not_recurring`, `currency_mismatch`, `interval_mismatch`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postTestHelpersDisputesIdClose: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/test_helpers/disputes/{id}/close). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          outcome: "won" | "lost";
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Dispute"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `dispute_unexpected_state`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postTestHelpersSubscriptionsIdEndPeriod: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/test_helpers/subscriptions/{id}/end_period). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Subscription"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postUpiVpaValidate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          vpa: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UpiVpa"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`, `processor_unavailable`, `vpa_invalid`, `vpa_blocked`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhookDeliveriesIdResend: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/webhook_deliveries/{id}/resend). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDelivery"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhookEndpointsIdDeliveries: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?: "pending" | "succeeded" | "failed";
        event?: string;
      };
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}/deliveries). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDeliveryList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhookEndpointsIdReplay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}/replay). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          from: number;
          to: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReplayResult"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhookEndpointsIdRotateSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}/rotate_secret). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhookEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteWebhookEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedWebhookEndpoint"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchWebhookEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}). */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          url?: string;
          enabled_events?: string[];
          description?: string | null;
          disabled?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhookEndpointsIdTest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /** @description The object's `id` (/api/v1/webhook_endpoints/{id}/test). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["NoParameters"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TestDelivery"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhookEndpoints: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointList"];
        };
      };
      /** @description Error codes: `parameter_invalid`, `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhookEndpoints: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`). */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          url: string;
          enabled_events: string[];
          description?: string;
          disabled?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Error codes: `body_not_json`, `parameter_unknown`, `parameter_invalid`, `parameter_missing`, `parameter_invalid_integer`, `idempotency_key_invalid`. */
      400: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_key_missing`, `api_key_invalid`, `api_key_expired`, `secret_key_required`. */
      401: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `permission_denied`. */
      403: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `resource_missing`. */
      404: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_in_use`. */
      409: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `body_too_large`. */
      413: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `content_type_unsupported`. */
      415: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `idempotency_key_reused`. */
      422: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `rate_limited`. */
      429: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error codes: `api_error`. */
      500: {
        headers: {
          "Request-Id": components["headers"]["Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  event_account_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "account.updated";
          data?: {
            object: components["schemas"]["Account"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.created";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_processing: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.processing";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_requires_action: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.requires_action";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_amount_capturable_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.amount_capturable_updated";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_succeeded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.succeeded";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_payment_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.payment_failed";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_canceled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment.canceled";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_refund_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "refund.created";
          data?: {
            object: components["schemas"]["Refund"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_refund_succeeded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "refund.succeeded";
          data?: {
            object: components["schemas"]["Refund"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_refund_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "refund.failed";
          data?: {
            object: components["schemas"]["Refund"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.created";
          data?: {
            object: components["schemas"]["Customer"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.updated";
          data?: {
            object: components["schemas"]["Customer"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_deleted: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.deleted";
          data?: {
            object: components["schemas"]["Customer"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_method_attached: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment_method.attached";
          data?: {
            object: components["schemas"]["PaymentMethod"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_method_detached: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment_method.detached";
          data?: {
            object: components["schemas"]["PaymentMethod"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_setup_intent_succeeded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "setup_intent.succeeded";
          data?: {
            object: components["schemas"]["SetupIntent"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_setup_intent_setup_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "setup_intent.setup_failed";
          data?: {
            object: components["schemas"]["SetupIntent"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_dispute_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "dispute.created";
          data?: {
            object: components["schemas"]["Dispute"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_dispute_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "dispute.updated";
          data?: {
            object: components["schemas"]["Dispute"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_dispute_closed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "dispute.closed";
          data?: {
            object: components["schemas"]["Dispute"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_review_opened: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "review.opened";
          data?: {
            object: components["schemas"]["Review"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_review_closed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "review.closed";
          data?: {
            object: components["schemas"]["Review"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_escrow_held: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "escrow.held";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_escrow_released: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "escrow.released";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_escrow_disputed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "escrow.disputed";
          data?: {
            object: components["schemas"]["Payment"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_alert_opened: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "alert.opened";
          data?: {
            object: components["schemas"]["Alert"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_alert_resolved: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "alert.resolved";
          data?: {
            object: components["schemas"]["Alert"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_webhook_endpoint_test: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "webhook_endpoint.test";
          data?: {
            object: components["schemas"]["WebhookEndpoint"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_checkout_session_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "checkout.session.created";
          data?: {
            object: components["schemas"]["CheckoutSession"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_checkout_session_completed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "checkout.session.completed";
          data?: {
            object: components["schemas"]["CheckoutSession"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_checkout_session_expired: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "checkout.session.expired";
          data?: {
            object: components["schemas"]["CheckoutSession"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_link_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment_link.created";
          data?: {
            object: components["schemas"]["PaymentLink"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payment_link_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payment_link.updated";
          data?: {
            object: components["schemas"]["PaymentLink"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_product_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "product.created";
          data?: {
            object: components["schemas"]["Product"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_product_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "product.updated";
          data?: {
            object: components["schemas"]["Product"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_price_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "price.created";
          data?: {
            object: components["schemas"]["Price"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_price_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "price.updated";
          data?: {
            object: components["schemas"]["Price"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_subscription_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.subscription.created";
          data?: {
            object: components["schemas"]["Subscription"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_subscription_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.subscription.updated";
          data?: {
            object: components["schemas"]["Subscription"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_subscription_deleted: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.subscription.deleted";
          data?: {
            object: components["schemas"]["Subscription"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_customer_subscription_trial_will_end: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "customer.subscription.trial_will_end";
          data?: {
            object: components["schemas"]["Subscription"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.created";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_finalized: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.finalized";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_paid: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.paid";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_payment_succeeded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.payment_succeeded";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_payment_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.payment_failed";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_upcoming: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.upcoming";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_voided: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.voided";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invoice_marked_uncollectible: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "invoice.marked_uncollectible";
          data?: {
            object: components["schemas"]["Invoice"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_account_external_account_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "account.external_account.created";
          data?: {
            object: components["schemas"]["BankAccount"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_account_external_account_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "account.external_account.updated";
          data?: {
            object: components["schemas"]["BankAccount"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_account_external_account_deleted: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "account.external_account.deleted";
          data?: {
            object: components["schemas"]["BankAccount"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payout_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payout.created";
          data?: {
            object: components["schemas"]["Payout"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payout_updated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payout.updated";
          data?: {
            object: components["schemas"]["Payout"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payout_paid: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payout.paid";
          data?: {
            object: components["schemas"]["Payout"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payout_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payout.failed";
          data?: {
            object: components["schemas"]["Payout"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_payout_canceled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "payout.canceled";
          data?: {
            object: components["schemas"]["Payout"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_order_created: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "order.created";
          data?: {
            object: components["schemas"]["Order"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_order_succeeded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "order.succeeded";
          data?: {
            object: components["schemas"]["Order"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_order_failed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "order.failed";
          data?: {
            object: components["schemas"]["Order"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_order_compensated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Event"] & {
          /** @constant */
          type?: "order.compensated";
          data?: {
            object: components["schemas"]["Order"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
