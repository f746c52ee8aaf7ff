import type { Changes } from "@/lib/service/commit";

/** Where a retry of a confirming request resumes after a crash: the payment, and the attempt in flight. */
export interface Recovery {
  paymentId: string;
  /** Null for a payment created without confirming: the retry answers it as it stands. */
  attemptId: string | null;
}

export const CONFIRMATION_POINT = "attempt_started";

/** Phase A's recovery point, declared on its commit (lib/service/commit.ts): where a retry of this request resumes after a crash. */
export function declareRecovery(changes: Changes, recovery: Recovery): void {
  changes.recoveryPoint(CONFIRMATION_POINT, recovery);
}
