import pino from "pino";

// Anything that could hold a card number, CVC, password or key is censored before it is written.
export const REDACT_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "card.number",
  "*.card.number",
  "number",
  "*.number",
  "cvc",
  "*.cvc",
  "*.card.cvc",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "key",
  "*.key",
  "secret",
  "*.secret",
  "token",
  "*.token",
];

// Secrets that slip into free text (messages, error strings) are masked too — and a failed query's
// parameters (drizzle's "Failed query: …\nparams: …"), which carry customers' emails, names and cards.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(\bparams: )[^\n]*/g, "$1[redacted]"],
  [/\b(sk|rk|pk)_(test|live)_[A-Za-z0-9_-]{6,}/g, "$1_$2_[redacted]"],
  [/\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}\b/g, "[card redacted]"],
];

export function scrub(text: string): string {
  return SECRET_PATTERNS.reduce((acc, [re, sub]) => acc.replace(re, sub), text);
}

export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "kassa" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: unknown) =>
          err instanceof Error
            ? { type: err.name, message: scrub(err.message), stack: err.stack && scrub(err.stack) }
            : { type: typeof err, message: scrub(String(err)) },
      },
    },
    destination,
  );
}

const GLOBAL_KEY = Symbol.for("kassa.logger");
type G = typeof globalThis & { [GLOBAL_KEY]?: pino.Logger };
export const logger: pino.Logger = ((globalThis as G)[GLOBAL_KEY] ??= createLogger());
