import { KassaError } from "@/lib/service/errors";

/**
 * A VPA (UPI id) is `handle@psp`: NPCI allows letters, digits, dots, hyphens and underscores in the
 * handle (3–256 characters in all; Kassa keeps to 100, as PSPs do in practice), and letters in the PSP
 * part (2–64). Kassa takes them in lowercase only, as the customer's app shows them.
 */
const VPA = /^[a-z0-9][a-z0-9._-]{1,98}[a-z0-9]@[a-z][a-z0-9]{1,63}$/;
export const VPA_MAX_LENGTH = 165;

/** VPAs refused outright (fraud reports, the PSP's own test sinks). Matched exactly, or by handle with "*@psp". */
const BLOCKLIST = ["blocked@kassa", "fraud@kassa", "*@blocked"];

export function isBlockedVpa(vpa: string): boolean {
  const psp = vpa.slice(vpa.indexOf("@"));
  return BLOCKLIST.some((b) => b === vpa || (b.startsWith("*@") && b.slice(1) === psp));
}

/** Format and blocklist; throws 400 vpa_invalid / vpa_blocked with the param named. */
export function checkVpa(vpa: string, param = "vpa"): string {
  if (vpa.length > VPA_MAX_LENGTH) throw new KassaError("vpa_invalid", `A VPA is at most ${VPA_MAX_LENGTH} characters.`, { param });
  if (!vpa.includes("@")) throw new KassaError("vpa_invalid", "A VPA looks like name@bank (for example asha@okaxis).", { param });
  if (vpa !== vpa.toLowerCase()) throw new KassaError("vpa_invalid", "A VPA is written in lowercase.", { param });
  if (!VPA.test(vpa)) {
    throw new KassaError("vpa_invalid", "A VPA is name@bank: 3–100 letters, digits, dots, hyphens or underscores, then @ and the bank's handle.", { param });
  }
  if (isBlockedVpa(vpa)) throw new KassaError("vpa_blocked", "This VPA cannot be used for payments.", { param });
  return vpa;
}

/** What a page shows of a VPA: the first two characters of the handle, then dots (as PSP receipts do). */
export function maskVpa(vpa: string | null | undefined): string | null {
  if (!vpa) return null;
  const at = vpa.indexOf("@");
  if (at < 0) return "••••";
  const handle = vpa.slice(0, at);
  return `${handle.slice(0, 2)}${"•".repeat(Math.max(2, Math.min(6, handle.length - 2)))}${vpa.slice(at)}`;
}
