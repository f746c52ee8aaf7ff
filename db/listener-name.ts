/**
 * Names shared by a listening connection (db/client.ts) and the cache barrier that waits for it
 * (lib/cache/barrier.ts): a barrier's notification payload, and the application_name in which a listener
 * acknowledges the highest barrier it has handled.
 */
export const BARRIER_PREFIX = "barrier:";
const TOKEN_DIGITS = 20;

/** The application_name of a listening connection that has handled every barrier up to `token`. */
export function listenerName(channel: string, token: string | bigint): string {
  return `kassa:${channel}:${String(token).padStart(TOKEN_DIGITS, "0")}`;
}

/** The prefix every listener of `channel` shares in its application_name. */
export const listenerPrefix = (channel: string) => `kassa:${channel}:`;
