import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/** False in the server's HTML and during hydration, true once React runs in the browser (no effect, no extra render pass). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/** The page's own origin in the browser; "" in the server's HTML. */
export function useOrigin(): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => "",
  );
}
