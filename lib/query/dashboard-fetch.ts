/** GET a dashboard endpoint as JSON; a non-2xx answer throws with the API's error message. */
export async function dashboardFetch<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

export const paymentKey = (id: string) => ["payment", id] as const;
