/**
 * How a saga step failed, for the workflow to decide: `retry` (a 5xx, a timeout, a lost answer — the
 * step runs again on the engine's schedule) or `final` (a merchant's 4xx, a card decline — not retried;
 * the saga compensates at once). The step has recorded its try and, when final, the order's failure.
 */
export class SagaStepError extends Error {
  constructor(
    readonly kind: "retry" | "final",
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = kind === "final" ? "SagaStepFailed" : "SagaStepRetry";
  }
}

/** The step key of a saga step: the order id and the step's name, the same on every try. */
export const stepKeyOf = (orderId: string, name: string) => `${orderId}:${name}`;
