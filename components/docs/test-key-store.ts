// The test key made for /docs/api's examples, kept in this browser tab only (sessionStorage) and only
// for the member who made it: another member signing in on the same tab starts without it.
import { useMemo, useSyncExternalStore } from "react";

const STORAGE_KEY = "kassa.api-reference.test-key";

export interface StoredTestKey {
  userId: string;
  merchantId: string;
  id: string;
  name: string;
  secret: string;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the examples keep their placeholder
  }
}

export function storeTestKey(key: StoredTestKey | null): void {
  try {
    if (key) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(key));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled
  }
  for (const listener of listeners) listener();
}

/** The stored key if it belongs to `member` (and is a test secret key), else null. */
export function useStoredTestKey(member: { userId: string; merchantId: string } | null): StoredTestKey | null {
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const userId = member?.userId;
  const merchantId = member?.merchantId;
  return useMemo(() => {
    if (!raw || !userId) return null;
    try {
      const key = JSON.parse(raw) as StoredTestKey;
      return key.userId === userId && key.merchantId === merchantId && key.secret.startsWith("sk_test_") ? key : null;
    } catch {
      return null;
    }
  }, [raw, userId, merchantId]);
}
