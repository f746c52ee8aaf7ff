export * from "./merchants";
export * from "./users";
export * from "./memberships";
export * from "./api-keys";
export * from "./idempotency-keys";
export * from "./events";
export * from "./audit-log";
export * from "./workflow-runs";
