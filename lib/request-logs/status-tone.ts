/** A status's badge tone in Developers → Logs. */
export function statusTone(status: number): "green" | "amber" | "red" | "slate" {
  return status >= 500 ? "red" : status >= 400 ? "amber" : status >= 200 && status < 300 ? "green" : "slate";
}
