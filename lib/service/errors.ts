import type { ErrorCode } from "./error-codes";

export interface KassaErrorOptions {
  param?: string;
  declineCode?: string;
  /** Seconds a caller should wait (rate limits). */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error services throw; lib/service/error-codes.ts maps `code` to an HTTP status and type. */
export class KassaError extends Error {
  readonly code: ErrorCode;
  readonly param?: string;
  readonly declineCode?: string;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, options: KassaErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "KassaError";
    this.code = code;
    this.param = options.param;
    this.declineCode = options.declineCode;
    this.retryAfter = options.retryAfter;
  }
}

export function isKassaError(error: unknown): error is KassaError {
  return error instanceof KassaError;
}
