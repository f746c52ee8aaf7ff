/** Badge colour for a payment status. */
export function statusTone(status: string): "green" | "amber" | "red" | "slate" | "blue" {
  if (status === "succeeded") return "green";
  if (status === "canceled") return "slate";
  if (status === "requires_payment_method") return "red";
  if (status === "requires_capture") return "blue";
  return "amber";
}
