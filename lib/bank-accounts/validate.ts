import { KassaError } from "@/lib/service/errors";

/** IBAN length per country (SWIFT's IBAN registry, the SEPA countries and the usual others). */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
  VA: 22,
};

/** Upper case without spaces: how an IBAN is stored and compared. */
export const normalizeIban = (iban: string) => iban.replace(/\s+/g, "").toUpperCase();

/** ISO 13616 check: letters to 10–35, the first four characters moved to the end, the number mod 97 is 1. */
export function ibanChecksumOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Throws iban_invalid (param `iban`) unless the IBAN has its country's length and valid check digits. */
export function checkIban(raw: string, country: string): string {
  const iban = normalizeIban(raw);
  const fail = (why: string) => new KassaError("iban_invalid", `The IBAN you provided is invalid: ${why}.`, { param: "iban" });
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) throw fail("it must be a country code, two check digits and letters or digits");
  const ibanCountry = iban.slice(0, 2);
  const length = IBAN_LENGTHS[ibanCountry];
  if (!length) throw fail(`Kassa does not pay out to IBANs of ${ibanCountry}`);
  if (ibanCountry !== country) throw fail(`it is an IBAN of ${ibanCountry}, but the account's country is ${country}`);
  if (iban.length !== length) throw fail(`an IBAN of ${ibanCountry} has ${length} characters, this one ${iban.length}`);
  if (!ibanChecksumOk(iban)) throw fail("its check digits do not match (mod 97)");
  return iban;
}

/** ABA routing number: 9 digits whose weighted sum (3, 7, 1) is a multiple of 10. */
export function checkRoutingNumber(raw: string): string {
  const n = raw.trim();
  const ok = /^[0-9]{9}$/.test(n) && [...n].reduce((s, d, i) => s + Number(d) * [3, 7, 1][i % 3]!, 0) % 10 === 0;
  if (!ok) throw new KassaError("routing_number_invalid", "The routing number must be 9 digits with a valid ABA check digit.", { param: "routing_number" });
  return n;
}

/** A US-style account number: 4 to 17 digits. */
export function checkAccountNumber(raw: string): string {
  const n = raw.trim();
  if (!/^[0-9]{4,17}$/.test(n)) throw new KassaError("account_number_invalid", "The account number must be 4 to 17 digits.", { param: "account_number" });
  return n;
}
