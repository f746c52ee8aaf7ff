import { notFound, unprocessable } from "./errors";
import { checkMoney, type Result } from "./orders";
import { renderAuthorization, renderCapture, renderRefund, type Renderer } from "./render";
import { isoNow, money, paypalId, units, type Capture, type Money, type Refund } from "./state";

/** Payments v2: authorizations (get, capture, void), captures (get, refund), refunds (get). */

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const bad = (issue: string, description: string): Result => ({ answer: unprocessable(issue, description, "payments") });

export function getAuthorization(r: Renderer, id: string): Result {
  const a = r.state.authorizations.get(id);
  return a ? { answer: { status: 200, body: renderAuthorization(r, a) } } : { answer: notFound("payments") };
}

/** POST /v2/payments/authorizations/{id}/capture — all or part; `final_capture` releases the rest. */
export function captureAuthorization(r: Renderer, id: string, body: Json, representation: boolean): Result {
  const a = r.state.authorizations.get(id);
  if (!a) return { answer: notFound("payments") };
  if (a.status === "VOIDED") return bad("AUTHORIZATION_VOIDED", "A voided authorization cannot be captured or reauthorized.");
  if (a.status === "CAPTURED") return bad("AUTHORIZATION_ALREADY_CAPTURED", "Authorization has been previously captured and hence cannot be captured again.");
  if (a.status === "DENIED") return bad("AUTHORIZATION_DENIED", "A denied authorization cannot be captured.");
  if (a.status === "PENDING") return bad("PENDING_AUTHORIZATION", "The authorization is pending and cannot be captured yet.");
  const captured = a.captures.reduce((sum, c) => sum + units(r.state.captures.get(c)!.amount), 0);
  const remaining = units(a.amount) - captured;
  let amount: Money = money(a.amount.currency_code, remaining);
  if (body.amount !== undefined) {
    const checked = checkMoney(body.amount, "/amount");
    if ("status" in checked) return { answer: checked };
    if (checked.currency_code !== a.amount.currency_code) return bad("CURRENCY_MISMATCH", "Currency of capture must be the same as currency of authorization.");
    if (units(checked) > remaining) return bad("MAX_CAPTURE_AMOUNT_EXCEEDED", "Capture amount exceeds allowable limit.");
    amount = checked;
  }
  const finalCapture = body.final_capture === true || units(amount) === remaining;
  const now = isoNow();
  const c: Capture = {
    id: paypalId(),
    order_id: a.order_id,
    authorization_id: a.id,
    status: "COMPLETED",
    amount,
    final_capture: finalCapture,
    invoice_id: str(body.invoice_id) ?? a.invoice_id,
    custom_id: a.custom_id,
    processor_response: null,
    refunds: [],
    create_time: now,
    update_time: now,
  };
  r.state.captures.set(c.id, c);
  a.captures.push(c.id);
  a.status = finalCapture ? "CAPTURED" : "PARTIALLY_CAPTURED";
  a.update_time = now;
  r.state.orders.get(a.order_id)?.captures.push(c.id);
  return { answer: { status: 201, body: renderCapture(r, c, false, representation) }, resource: { kind: "capture", id: c.id } };
}

/** POST /v2/payments/authorizations/{id}/void — 204 without `Prefer: return=representation`. */
export function voidAuthorization(r: Renderer, id: string, representation: boolean): Result {
  const a = r.state.authorizations.get(id);
  if (!a) return { answer: notFound("payments") };
  if (a.status === "VOIDED") return bad("PREVIOUSLY_VOIDED", "Authorization has been previously voided and hence cannot be voided again.");
  if (a.status === "CAPTURED") return bad("PREVIOUSLY_CAPTURED", "Authorization has been previously captured and hence cannot be voided.");
  if (a.status === "DENIED") return bad("CANNOT_BE_VOIDED", "This authorization cannot be voided.");
  a.status = "VOIDED";
  a.update_time = isoNow();
  return {
    answer: representation ? { status: 200, body: renderAuthorization(r, a) } : { status: 204 },
    resource: { kind: "authorization", id: a.id },
  };
}

export function getCapture(r: Renderer, id: string): Result {
  const c = r.state.captures.get(id);
  return c ? { answer: { status: 200, body: renderCapture(r, c) } } : { answer: notFound("payments") };
}

/** POST /v2/payments/captures/{id}/refund — the rest of the capture when no amount is given. */
export function refundCapture(r: Renderer, id: string, body: Json, representation: boolean): Result {
  const c = r.state.captures.get(id);
  if (!c) return { answer: notFound("payments") };
  if (c.status === "REFUNDED") return bad("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.");
  if (c.status !== "COMPLETED" && c.status !== "PARTIALLY_REFUNDED") return bad("REFUND_NOT_ALLOWED", "Refund cannot be issued for this transaction.");
  const refunded = c.refunds.map((f) => r.state.refunds.get(f)!).filter((f) => f.status === "COMPLETED" || f.status === "PENDING");
  const remaining = units(c.amount) - refunded.reduce((sum, f) => sum + units(f.amount), 0);
  let amount: Money = money(c.amount.currency_code, remaining);
  if (body.amount !== undefined) {
    const checked = checkMoney(body.amount, "/amount");
    if ("status" in checked) return { answer: checked };
    if (checked.currency_code !== c.amount.currency_code) return bad("REFUND_CAPTURE_CURRENCY_MISMATCH", "Refund must be in the same currency as the capture.");
    if (units(checked) > remaining)
      return bad("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded.");
    amount = checked;
  }
  const now = isoNow();
  const f: Refund = {
    id: paypalId(),
    capture_id: c.id,
    order_id: c.order_id,
    status: "COMPLETED",
    amount,
    invoice_id: str(body.invoice_id),
    custom_id: str(body.custom_id),
    note_to_payer: str(body.note_to_payer),
    create_time: now,
    update_time: now,
  };
  r.state.refunds.set(f.id, f);
  c.refunds.push(f.id);
  c.status = units(amount) === remaining ? "REFUNDED" : "PARTIALLY_REFUNDED";
  c.update_time = now;
  return { answer: { status: 201, body: renderRefund(r, f, representation) }, resource: { kind: "refund", id: f.id } };
}

export function getRefund(r: Renderer, id: string): Result {
  const f = r.state.refunds.get(id);
  return f ? { answer: { status: 200, body: renderRefund(r, f) } } : { answer: notFound("payments") };
}
