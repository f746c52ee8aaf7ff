import type { UpiConnector } from "../upi";
import { createSandboxUpiClient } from "./client";

let sandbox: UpiConnector | undefined;

/** The UPI PSP Kassa talks to: the sandbox PSP (a real PSP's connector would be chosen here by its env). */
export function getUpiConnector(): UpiConnector {
  return (sandbox ??= createSandboxUpiClient());
}
