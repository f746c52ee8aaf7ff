/**
 * The one interface every payment processor connector implements (Stripe PaymentIntents semantics).
 * The payments service codes against this; `sandbox` and `stripe` implement it.
 */
/** `upi_sandbox`: the sandbox UPI PSP (lib/gateways/upi-sandbox), for UPI payments only. `paypal`: lib/gateways/paypal. */
export type ConnectorName = "sandbox" | "sandbox_b" | "stripe" | "upi_sandbox" | "paypal";

/** Whose account and which mode a call acts in; a connector never sees another tenant's objects. */
export interface ConnectorContext {
  merchantId: string;
  livemode: boolean;
}

export type CaptureMethod = "automatic" | "manual";

export interface AuthorizeInput {
  /** Derived from Kassa's attempt id; same key → same charge, never a second one. */
  idempotencyKey: string;
  /** Kassa's pay_… (Stripe: metadata.kassa_payment_id). */
  paymentId: string;
  /** Minor units. */
  amount: bigint;
  /** Lowercase ISO 4217. */
  currency: string;
  /** e.g. pm_card_visa */
  paymentMethod: string;
  captureMethod: CaptureMethod;
  customer?: string | null;
  description?: string | null;
  /** Where the customer returns after a 3DS redirect (next_action). */
  returnUrl?: string | null;
  /** Kassa's fraud rules asked for 3D Secure (a `request_3ds` rule): the processor must challenge the card. */
  requestThreeDSecure?: boolean;
  /** UPI payments (paymentMethod "upi"): how the customer approves, and until when. */
  upi?: UpiAuthorizeInput | null;
}

export interface UpiAuthorizeInput {
  flow: "intent" | "qr" | "collect";
  /** Collect: the VPA to request from; intent and QR (sandbox only): the paying app's test VPA. */
  vpa: string | null;
  expiresAt: Date;
  /** Shown in the customer's UPI app (tn). */
  note: string;
  /** The payee's name (pn). */
  payeeName: string;
}

export const chargeStatuses = ["requires_action", "requires_capture", "succeeded", "failed", "canceled"] as const;
export type ChargeStatus = (typeof chargeStatuses)[number];

export type RiskLevel = "normal" | "elevated" | "highest";

export interface CardDetails {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
  country: string | null;
  funding: string;
}

export interface ChargeFailure {
  /** Stripe's error code: card_declined, expired_card, processing_error, authentication_required … */
  code: string;
  /** Stripe's decline_code: generic_decline, insufficient_funds, fraudulent … */
  declineCode: string | null;
  /** Safe to show the customer (Stripe's own wording). */
  message: string;
  /** True when a new attempt with the same payment method may succeed (transient processor error). */
  retryable: boolean;
  type: "card_error" | "processing_error" | "fraud";
}

export interface NextAction {
  type: "redirect_to_url";
  redirectToUrl: { url: string; returnUrl: string | null };
}

/** A UPI payment's pending step: the customer's app pays the intent link (or its QR), or approves a collect request. */
export type UpiNextAction = { type: "upi_intent"; intentUrl: string; expiresAt: Date } | { type: "upi_collect_pending"; vpa: string; expiresAt: Date };

/** A UPI transaction as the PSP reports it. */
export interface UpiChargeDetails {
  flow: "intent" | "qr" | "collect";
  status: "pending" | "success" | "failed" | "expired";
  vpa: string | null;
  payerName: string | null;
  rrn: string | null;
  expiresAt: Date;
}

/** The PayPal account that pays a wallet payment; null fields until the payer approved it. */
export interface PayPalChargeDetails {
  payerId: string | null;
  payerEmail: string | null;
  payerName: string | null;
  country: string | null;
}

/** The processor's view of one authorization attempt (Stripe: a PaymentIntent and its latest charge). */
export interface Charge {
  /** sandbox: sbch_…; Stripe: pi_… */
  processorId: string;
  idempotencyKey: string;
  /** Echoed back so a retrieve by processor id alone can be matched to a Kassa payment. */
  paymentId: string;
  status: ChargeStatus;
  captureMethod: CaptureMethod;
  amount: bigint;
  amountCapturable: bigint;
  amountCaptured: bigint;
  amountRefunded: bigint;
  currency: string;
  paymentMethod:
    | { id: string; type: "card"; card: CardDetails }
    | { id: "upi"; type: "upi"; upi: UpiChargeDetails }
    | { id: "paypal"; type: "paypal"; paypal: PayPalChargeDetails };
  failure: ChargeFailure | null;
  nextAction: NextAction | UpiNextAction | null;
  riskLevel: RiskLevel;
  created: Date;
  /**
   * Stripe: the PaymentIntent's client_secret, which the checkout hands to Stripe.js (Elements,
   * handleNextAction for 3DS). Never logged, never stored. The sandbox has none.
   */
  clientSecret?: string | null;
}

export interface RefundResult {
  /** sandbox: sbre_…; Stripe: re_… */
  processorId: string;
  idempotencyKey: string;
  status: "succeeded" | "pending" | "failed";
  amount: bigint;
  currency: string;
  failureReason: string | null;
}

export interface CaptureInput {
  processorId: string;
  /** Minor units; less than the authorized amount captures partially and releases the rest. */
  amount: bigint;
  idempotencyKey: string;
  /** Kassa's pay_… (Stripe: metadata.kassa_payment_id on the capture). */
  paymentId?: string;
}

export interface CancelInput {
  processorId: string;
  idempotencyKey: string;
}

export interface RefundInput {
  processorId: string;
  amount: bigint;
  idempotencyKey: string;
  reason?: string | null;
  /** Kassa's pay_… (Stripe: metadata.kassa_payment_id on the refund). */
  paymentId?: string;
}

export interface RetrieveRefundInput {
  /** Kassa's refund id, the idempotency key the refund was sent with. */
  idempotencyKey: string;
  /** The payment's processor object (Stripe lists a PaymentIntent's refunds to find the key). */
  processorId?: string | null;
}

export type RetrieveInput = { idempotencyKey: string } | { processorId: string };

export interface CompleteAuthenticationInput {
  processorId: string;
  outcome: "succeed" | "fail";
}

/** A Kassa customer as the processor needs it; the connector keeps (or creates) its own twin. */
export interface CustomerInput {
  /** Kassa's cus_…; also the idempotency key of creating the processor's customer. */
  customerId: string;
  email?: string | null;
  name?: string | null;
}

/** A card saved with the processor: its token and what may be shown — never a number or CVC. */
export interface SavedPaymentMethod {
  /** Stripe pm_…, sandbox pm_… */
  processorId: string;
  /** Kassa's cus_… it is attached to, or null. */
  customer: string | null;
  card: CardDetails;
}

export interface SetupInput {
  /** Kassa's seti_…: the idempotency key. */
  idempotencyKey: string;
  customerId: string;
  /** A token such as pm_card_visa or Stripe.js's pm_… */
  paymentMethod: string;
  usage: "off_session" | "on_session";
  returnUrl?: string | null;
}

export interface SetupResult {
  /** Stripe seti_…; the sandbox answers with Kassa's key (it keeps no setup objects). */
  processorId: string;
  status: "succeeded" | "requires_action" | "failed";
  paymentMethod: SavedPaymentMethod | null;
  failure: ChargeFailure | null;
  nextAction: NextAction | null;
  /** Stripe: the SetupIntent's client_secret (for Stripe.js); never stored. */
  clientSecret?: string | null;
}

export interface PaymentMethodInput {
  paymentMethod: string;
  idempotencyKey: string;
}

export interface Connector {
  name: ConnectorName;
  /** Create and confirm one authorization attempt. */
  authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Charge>;
  capture(ctx: ConnectorContext, input: CaptureInput): Promise<Charge>;
  cancel(ctx: ConnectorContext, input: CancelInput): Promise<Charge>;
  refund(ctx: ConnectorContext, input: RefundInput): Promise<RefundResult>;
  /** null: the request never reached the processor (nothing was created). */
  retrieve(ctx: ConnectorContext, input: RetrieveInput): Promise<Charge | null>;
  retrieveRefund(ctx: ConnectorContext, input: RetrieveRefundInput): Promise<RefundResult | null>;
  /** The customer finished (or failed) the 3DS challenge; the sandbox's 3DS page calls this. */
  completeAuthentication(ctx: ConnectorContext, input: CompleteAuthenticationInput): Promise<Charge>;

  // Customers and saved cards.
  /** Creates (or finds, by the Kassa id) the processor's customer; returns its id (null: the processor keeps none). */
  createCustomer(ctx: ConnectorContext, input: CustomerInput): Promise<{ processorId: string | null }>;
  updateCustomer(ctx: ConnectorContext, input: CustomerInput & { defaultPaymentMethod?: string | null }): Promise<void>;
  deleteCustomer(ctx: ConnectorContext, input: { customerId: string }): Promise<void>;
  /** Saves a card for later (SetupIntent, usage off_session by default), attached to the customer on success. */
  setupPaymentMethod(ctx: ConnectorContext, input: SetupInput): Promise<SetupResult>;
  /** Attaches a token or saved card to a customer; a test token becomes a new saved card, as at Stripe. */
  attachPaymentMethod(ctx: ConnectorContext, input: PaymentMethodInput & { customerId: string }): Promise<SavedPaymentMethod>;
  detachPaymentMethod(ctx: ConnectorContext, input: PaymentMethodInput): Promise<SavedPaymentMethod>;
  /** A setup's current state by the processor's id (null: unknown there). */
  retrieveSetup(ctx: ConnectorContext, input: { processorId: string }): Promise<SetupResult | null>;
  /** Every refund of a charge as the processor has it, including ones made outside Kassa (idempotencyKey "" then). */
  listRefunds(ctx: ConnectorContext, input: { processorId: string }): Promise<RefundResult[]>;
  /** Dispute evidence (text) forwarded to the processor; `submit` sends it for review. */
  submitDisputeEvidence(ctx: ConnectorContext, input: { processorId: string; evidence: Record<string, string>; idempotencyKey: string }): Promise<void>;
}

/** Thrown when the outcome is unknown (timeout, 5xx, lost response): the caller must retrieve, never assume. */
export class ConnectorUnknownOutcomeError extends Error {
  /**
   * A test card's scripted outcome (the sandbox's pm_card_lostResponse), not the processor's health: it never
   * counts toward a circuit breaker, so one merchant's test card cannot open test mode's breaker for everyone.
   */
  readonly scripted: boolean;
  constructor(message = "The processor's response was lost; retrieve the object before retrying.", options?: { cause?: unknown; scripted?: boolean }) {
    super(message, options);
    this.name = "ConnectorUnknownOutcomeError";
    this.scripted = options?.scripted === true;
  }
}

/**
 * Thrown when the processor refused the request before accepting it (connection refused, 503 before
 * processing, an open circuit breaker): nothing was created, so the payment may go to another connector.
 * Never thrown for a request whose fate is unknown (that is ConnectorUnknownOutcomeError).
 */
export class ConnectorUnavailableError extends Error {
  constructor(message = "The processor is unavailable; nothing was created.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConnectorUnavailableError";
  }
}

export const isConnectorUnavailable = (error: unknown): error is ConnectorUnavailableError => error instanceof ConnectorUnavailableError;

/** Thrown for a request the processor rejected without creating anything (bad state, amount too large…). */
export class ConnectorRequestError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ConnectorRequestError";
  }
}

export const isConnectorUnknownOutcome = (error: unknown): error is ConnectorUnknownOutcomeError => error instanceof ConnectorUnknownOutcomeError;

export const isConnectorRequestError = (error: unknown): error is ConnectorRequestError => error instanceof ConnectorRequestError;
