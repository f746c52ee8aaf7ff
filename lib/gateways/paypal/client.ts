import { Client, Environment, OrdersController, PaymentsController, type OAuthToken } from "@paypal/paypal-server-sdk";
import { notificationsOf, type PayPalNotifications } from "./notifications";

export interface PayPalApi {
  orders: OrdersController;
  payments: PaymentsController;
  /** Webhooks v1's signature verification, which the SDK has no controller for: on the same client (token, origin, retries). */
  notifications: PayPalNotifications;
  /** Drops the cached access token, so the next call fetches a new one (after PayPal answered 401). */
  forgetToken(): void;
  /** The last error of the OAuth token request, which the SDK itself reports only as "Client is not authorized". */
  tokenError(): unknown;
}

export interface PayPalClientOptions {
  clientId: string;
  clientSecret: string;
  environment?: "sandbox" | "production";
  /** Another origin for every call (a local stand-in such as test/paypal-double), e.g. http://127.0.0.1:4010. */
  apiBase?: string | null;
  timeoutMs?: number;
  /** The SDK's own retries of 5xx/429 and network errors (every Kassa write carries a PayPal-Request-Id, so a retry is a replay). */
  maxRetries?: number;
}

const ORIGINS = { Sandbox: "https://api-m.sandbox.paypal.com", Production: "https://api-m.paypal.com" } as const;

/**
 * The PayPal SDK client from the environment: PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_ENVIRONMENT
 * (sandbox by default; `production` for live), PAYPAL_API_BASE (tests: the double's URL),
 * PAYPAL_TIMEOUT_MS (default 30 s) and PAYPAL_MAX_RETRIES (default 1).
 */
export function paypalApiFromEnv(env: Record<string, string | undefined> = process.env): PayPalApi {
  const clientId = env.PAYPAL_CLIENT_ID;
  const clientSecret = env.PAYPAL_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error("PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET are not set: the PayPal connector is not configured.");
  return paypalApi({
    clientId,
    clientSecret,
    environment: env.PAYPAL_ENVIRONMENT === "production" ? "production" : "sandbox",
    apiBase: env.PAYPAL_API_BASE || null,
    timeoutMs: intOr(env.PAYPAL_TIMEOUT_MS, 30_000),
    maxRetries: intOr(env.PAYPAL_MAX_RETRIES, 1),
  });
}

let shared: { key: string; api: PayPalApi } | undefined;

/**
 * The process's one PayPal client from the environment, made on first use: the connector and the
 * webhook verification share it, so one OAuth token serves both. A changed environment makes a new one.
 */
export function sharedPayPalApi(env: Record<string, string | undefined> = process.env): PayPalApi {
  const key = ["PAYPAL_CLIENT_ID", "PAYPAL_CLIENT_SECRET", "PAYPAL_ENVIRONMENT", "PAYPAL_API_BASE", "PAYPAL_TIMEOUT_MS", "PAYPAL_MAX_RETRIES"]
    .map((name) => env[name] ?? "")
    .join("\n");
  if (shared?.key !== key) shared = { key, api: paypalApiFromEnv(env) };
  return shared.api;
}

export function paypalApi(options: PayPalClientOptions): PayPalApi {
  const environment = options.environment === "production" ? Environment.Production : Environment.Sandbox;
  let current: OAuthToken | undefined;
  let lastTokenError: unknown = null;
  const client = new (rebasedClient(ORIGINS[environment], options.apiBase ?? null))({
    environment,
    timeout: options.timeoutMs ?? 30_000,
    clientCredentialsAuthCredentials: {
      oAuthClientId: options.clientId,
      oAuthClientSecret: options.clientSecret,
      // A failed token request must not poison the client: the SDK caches the token promise, so a
      // rejection would stick; answering "no token" fails this call and makes the next one ask again.
      oAuthTokenProvider: async (last, manager) => {
        if (last && manager.isValid(last) && !manager.isExpired(last)) return last;
        try {
          current = await manager.fetchToken();
          lastTokenError = null;
          return current;
        } catch (error) {
          lastTokenError = error;
          current = undefined;
          return undefined as unknown as OAuthToken;
        }
      },
    },
    httpClientOptions: {
      timeout: options.timeoutMs ?? 30_000,
      retryConfig: {
        maxNumberOfRetries: options.maxRetries ?? 1,
        retryOnTimeout: true,
        retryInterval: 0.5,
        backoffFactor: 2,
        maximumRetryWaitTime: 5,
        httpStatusCodesToRetry: [429, 500, 502, 503, 504],
        // POST too: each write carries a PayPal-Request-Id, which PayPal answers from its store.
        httpMethodsToRetry: ["GET", "POST"],
      },
    },
  });
  return {
    orders: new OrdersController(client),
    payments: new PaymentsController(client),
    notifications: notificationsOf(client),
    forgetToken: () => {
      // The SDK holds this same object; an expiry in the past makes it ask the provider again.
      if (current) current.expiry = 0n;
      current = undefined;
    },
    tokenError: () => lastTokenError,
  };
}

/**
 * The SDK knows only PayPal's two origins; a subclass rewrites each request's origin to `apiBase`. It
 * must be a subclass: the SDK's constructor already builds the OAuth controller from this factory.
 */
function rebasedClient(origin: string, apiBase: string | null): typeof Client {
  if (!apiBase) return Client;
  const base = apiBase.replace(/\/+$/, "");
  return class RebasedClient extends Client {
    override getRequestBuilderFactory() {
      const factory = super.getRequestBuilderFactory();
      return ((...args: Parameters<typeof factory>) => {
        const builder = factory(...args);
        builder.interceptRequest((request) => ({ ...request, url: request.url.startsWith(origin) ? base + request.url.slice(origin.length) : request.url }));
        return builder;
      }) as typeof factory;
    }
  };
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
}
