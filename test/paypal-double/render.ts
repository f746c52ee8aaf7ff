import { money, NO_DECIMALS, units, type Authorization, type Capture, type Order, type PayPalState, type Refund } from "./state";

/**
 * The JSON PayPal sends for each resource (Orders v2 `order`, Payments v2 `authorization`, `capture`,
 * `refund`), snake_case as on the wire, with HATEOAS links pointing at the double itself. `Prefer:
 * return=minimal` (PayPal's default) answers id, status and links only.
 */
export interface Renderer {
  state: PayPalState;
  /** The double's own base URL (API links and the payer pages). */
  url: string;
}

const link = (href: string, rel: string, method = "GET") => ({ href, rel, method });

/** A plausible PayPal fee for the breakdown (3.49% + 0.49; the percentage alone in no-decimal currencies). */
const fee = (n: number, currency: string) => (n === 0 ? 0 : Math.round(n * 0.0349) + (NO_DECIMALS.has(currency) ? 0 : 49));

export function renderOrder(r: Renderer, o: Order, representation = true): Record<string, unknown> {
  const self = `${r.url}/v2/checkout/orders/${o.id}`;
  const links = [link(self, "self")];
  if (o.status === "PAYER_ACTION_REQUIRED") links.push(link(payerActionUrl(r, o), "payer-action"));
  if (o.status === "CREATED") links.push(link(`${r.url}/checkoutnow?token=${o.id}`, "approve"), link(self, "update", "PATCH"));
  if (o.status === "APPROVED" || o.status === "CREATED")
    links.push(link(`${self}/${o.intent === "CAPTURE" ? "capture" : "authorize"}`, o.intent.toLowerCase(), "POST"));
  if (!representation) return { id: o.id, status: o.status, links };

  const payments: Record<string, unknown> = {};
  if (o.authorizations.length) payments.authorizations = o.authorizations.map((id) => renderAuthorization(r, r.state.authorizations.get(id)!, true));
  if (o.captures.length) payments.captures = o.captures.map((id) => renderCapture(r, r.state.captures.get(id)!, true));
  const refunds = o.captures.flatMap((id) => r.state.captures.get(id)!.refunds);
  if (refunds.length) payments.refunds = refunds.map((id) => renderRefund(r, r.state.refunds.get(id)!));
  return {
    id: o.id,
    intent: o.intent,
    status: o.status,
    ...(o.source ? { payment_source: renderSource(o) } : {}),
    ...(o.source?.kind === "paypal" && o.source.payer
      ? { payer: { name: o.source.payer.name, email_address: o.source.payer.email_address, payer_id: o.source.payer.account_id } }
      : {}),
    purchase_units: [
      {
        reference_id: o.reference_id,
        amount: o.amount,
        payee: { email_address: "merchant@example.com", merchant_id: "DOUBLEMERCHANT1" },
        ...(o.description ? { description: o.description } : {}),
        ...(o.custom_id ? { custom_id: o.custom_id } : {}),
        ...(o.invoice_id ? { invoice_id: o.invoice_id } : {}),
        ...(o.soft_descriptor ? { soft_descriptor: o.soft_descriptor } : {}),
        ...(Object.keys(payments).length ? { payments } : {}),
      },
    ],
    create_time: o.create_time,
    ...(o.update_time !== o.create_time ? { update_time: o.update_time } : {}),
    links,
  };
}

export function payerActionUrl(r: Renderer, o: Order): string {
  return o.source?.kind === "card" ? `${r.url}/webapps/helios?action=verify&flow=3ds&token=${o.id}` : `${r.url}/checkoutnow?token=${o.id}`;
}

function renderSource(o: Order): Record<string, unknown> {
  const s = o.source!;
  if (s.kind === "paypal") {
    return {
      paypal: s.payer ? { email_address: s.payer.email_address, account_id: s.payer.account_id, account_status: "VERIFIED", name: s.payer.name } : {},
    };
  }
  return {
    card: {
      ...(s.name ? { name: s.name } : {}),
      last_digits: s.last_digits,
      expiry: s.expiry,
      brand: s.brand,
      available_networks: [s.brand],
      type: s.type,
      ...(s.authentication
        ? {
            authentication_result: {
              liability_shift: s.authentication === "Y" ? "POSSIBLE" : "NO",
              three_d_secure: { enrollment_status: "Y", authentication_status: s.authentication },
            },
          }
        : {}),
    },
  };
}

export function renderAuthorization(r: Renderer, a: Authorization, inOrder = false, representation = true): Record<string, unknown> {
  const self = `${r.url}/v2/payments/authorizations/${a.id}`;
  const links = [
    link(self, "self"),
    link(`${self}/capture`, "capture", "POST"),
    link(`${self}/void`, "void", "POST"),
    link(`${self}/reauthorize`, "reauthorize", "POST"),
  ];
  if (!inOrder) links.push(link(`${r.url}/v2/checkout/orders/${a.order_id}`, "up"));
  if (!representation) return { id: a.id, status: a.status, links };
  return {
    id: a.id,
    status: a.status,
    amount: a.amount,
    ...(a.invoice_id ? { invoice_id: a.invoice_id } : {}),
    ...(a.custom_id ? { custom_id: a.custom_id } : {}),
    seller_protection: { status: "NOT_ELIGIBLE" },
    // Only the order's nested authorization carries the processor's answer (Orders v2 schema).
    ...(inOrder && a.processor_response ? { processor_response: a.processor_response } : {}),
    expiration_time: a.expiration_time,
    // Payments v2 names the order of a standalone authorization (as its webhook events carry it too).
    ...(inOrder ? {} : { supplementary_data: { related_ids: { order_id: a.order_id } } }),
    create_time: a.create_time,
    update_time: a.update_time,
    links,
  };
}

export function renderCapture(r: Renderer, c: Capture, inOrder = false, representation = true): Record<string, unknown> {
  const self = `${r.url}/v2/payments/captures/${c.id}`;
  const links = [link(self, "self"), link(`${self}/refund`, "refund", "POST")];
  if (c.authorization_id) links.push(link(`${r.url}/v2/payments/authorizations/${c.authorization_id}`, "up"));
  else if (!inOrder) links.push(link(`${r.url}/v2/checkout/orders/${c.order_id}`, "up"));
  if (!representation) return { id: c.id, status: c.status, links };
  const gross = units(c.amount);
  const paid = c.status === "COMPLETED" || c.status === "PARTIALLY_REFUNDED" || c.status === "REFUNDED";
  return {
    id: c.id,
    status: c.status,
    ...(c.status === "PENDING" ? { status_details: { reason: "PENDING_REVIEW" } } : {}),
    amount: c.amount,
    final_capture: c.final_capture,
    ...(c.invoice_id ? { invoice_id: c.invoice_id } : {}),
    ...(c.custom_id ? { custom_id: c.custom_id } : {}),
    seller_protection: { status: "NOT_ELIGIBLE" },
    ...(paid
      ? {
          seller_receivable_breakdown: {
            gross_amount: c.amount,
            paypal_fee: money(c.amount.currency_code, fee(gross, c.amount.currency_code)),
            net_amount: money(c.amount.currency_code, gross - fee(gross, c.amount.currency_code)),
          },
        }
      : {}),
    ...(c.processor_response ? { processor_response: c.processor_response } : {}),
    ...(inOrder
      ? {}
      : { supplementary_data: { related_ids: { order_id: c.order_id, ...(c.authorization_id ? { authorization_id: c.authorization_id } : {}) } } }),
    create_time: c.create_time,
    update_time: c.update_time,
    links,
  };
}

export function renderRefund(r: Renderer, f: Refund, representation = true): Record<string, unknown> {
  const self = `${r.url}/v2/payments/refunds/${f.id}`;
  const links = [link(self, "self"), link(`${r.url}/v2/payments/captures/${f.capture_id}`, "up")];
  if (!representation) return { id: f.id, status: f.status, links };
  const gross = units(f.amount);
  const capture = r.state.captures.get(f.capture_id)!;
  const refunded = capture.refunds
    .slice(0, capture.refunds.indexOf(f.id) + 1)
    .map((id) => r.state.refunds.get(id)!)
    .filter((x) => x.status === "COMPLETED")
    .reduce((sum, x) => sum + units(x.amount), 0);
  return {
    id: f.id,
    status: f.status,
    amount: f.amount,
    ...(f.invoice_id ? { invoice_id: f.invoice_id } : {}),
    ...(f.custom_id ? { custom_id: f.custom_id } : {}),
    ...(f.note_to_payer ? { note_to_payer: f.note_to_payer } : {}),
    seller_payable_breakdown: {
      gross_amount: f.amount,
      paypal_fee: money(f.amount.currency_code, 0),
      net_amount: money(f.amount.currency_code, gross),
      total_refunded_amount: money(f.amount.currency_code, refunded),
    },
    create_time: f.create_time,
    update_time: f.update_time,
    links,
  };
}
