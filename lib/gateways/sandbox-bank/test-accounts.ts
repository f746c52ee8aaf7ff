/**
 * The sandbox bank's test accounts, mirroring Stripe's documented test bank numbers (US routing number
 * 110000000 with these account numbers; the German test IBANs): the first pays, the others fail at the
 * arrival date with Stripe's failure codes. Any other valid account pays.
 */
export const SANDBOX_ROUTING_NUMBER = "110000000";

export const SANDBOX_BANK_OUTCOMES: Record<string, { failureCode: string; failureMessage: string } | null> = {
  // US account numbers (routing 110000000)
  "000123456789": null,
  "000111111116": {
    failureCode: "no_account",
    failureMessage: "The bank account details on file are probably incorrect. No bank account could be located with those details.",
  },
  "000111111113": { failureCode: "account_closed", failureMessage: "The bank account has been closed." },
  // IBANs
  DE89370400440532013000: null,
  DE62370400440532013001: {
    failureCode: "no_account",
    failureMessage: "The bank account details on file are probably incorrect. No bank account could be located with those details.",
  },
  DE35370400440532013002: { failureCode: "account_closed", failureMessage: "The bank account has been closed." },
};

/** Bank names the sandbox knows, by routing number or IBAN bank code. */
export function sandboxBankName(kind: "iban" | "account_number", routingOrIban: string): string {
  if (kind === "account_number") return routingOrIban === SANDBOX_ROUTING_NUMBER ? "STRIPE TEST BANK" : "SANDBOX BANK";
  return routingOrIban.startsWith("DE") && routingOrIban.slice(4, 12) === "37040044" ? "COMMERZBANK (TEST)" : "SANDBOX BANK";
}

/** A transfer travels one day, as a standard payout's arrival date. */
export const SANDBOX_TRANSIT_MS = 24 * 60 * 60 * 1000;
