"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { paymentKey } from "@/lib/query/dashboard-fetch";

/**
 * While something on chain is still moving (a deposit being confirmed, a transaction being sent), re-renders
 * the server-rendered page every few seconds and refetches the payment's client view; renders nothing. When it
 * stops moving the client view is refetched once more: its last refetch may have raced the final change.
 */
export function RefreshWhile({ active, paymentId, seconds = 3 }: { active: boolean; paymentId: string; seconds?: number }) {
  const router = useRouter();
  const client = useQueryClient();
  const wasActive = useRef(false);
  useEffect(() => {
    const refetch = () => void client.invalidateQueries({ queryKey: paymentKey(paymentId) });
    if (!active) {
      if (wasActive.current) refetch();
      wasActive.current = false;
      return;
    }
    wasActive.current = true;
    const timer = setInterval(() => {
      router.refresh();
      refetch();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [active, paymentId, seconds, router, client]);
  return null;
}
