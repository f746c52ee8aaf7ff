import type { SandboxUpiBehaviour } from "@/db/schema";

/** The sandbox PSP's test VPAs (README "UPI"): what each payer does, like the sandbox's test cards. */
export interface TestVpa {
  vpa: string;
  name: string;
  behaviour: SandboxUpiBehaviour;
  /** When the outcome happens, from the transaction's start (late: after its expiry). */
  afterMs: number | "after_expiry";
  /** Whether the PSP calls back then; slow@kassa's callback is lost, so only status checks find it. */
  callback: boolean;
}

export const LATE_AFTER_EXPIRY_MS = 2 * 60_000;

export const TEST_VPAS: readonly TestVpa[] = [
  { vpa: "success@kassa", name: "Asha Success", behaviour: "success", afterMs: 20_000, callback: true },
  { vpa: "failure@kassa", name: "Farhan Failure", behaviour: "failure", afterMs: 10_000, callback: true },
  { vpa: "slow@kassa", name: "Sunita Slow", behaviour: "slow", afterMs: 6 * 60_000, callback: false },
  { vpa: "never@kassa", name: "Naveen Never", behaviour: "never", afterMs: Infinity, callback: false },
  { vpa: "late@kassa", name: "Lata Late", behaviour: "late", afterMs: "after_expiry", callback: true },
];

/** Valid at the sandbox PSP but not an account there: the validate call says so. */
export const UNKNOWN_VPA = "unknown@kassa";

export const testVpa = (vpa: string | null | undefined): TestVpa | undefined => TEST_VPAS.find((t) => t.vpa === vpa);

/** Any other well-formed VPA: a real-looking payer whose app decides (the sandbox app page). */
export function holderName(vpa: string): string {
  const local = vpa
    .split("@")[0]!
    .replace(/[._-]+/g, " ")
    .trim();
  return local.replace(/\b\w/g, (c) => c.toUpperCase()) || "UPI Customer";
}
