/**
 * The hosted checkout page's calls to its server (app/api/checkout/[sessionId]/[action]/route.ts), from the
 * browser: a JSON POST to this origin. The answer is what the page shows; a refused request
 * (`{ error: { code, message, param } }`) comes back in the same `{ ok: false, ... }` shape — an internal error never
 * in its own words — and a network failure throws, which each form reports as "could not reach Kassa".
 */
export type Refused = { ok: false; code: string; message: string; param: string | null };

export async function checkoutCall<T>(sessionId: string, action: string, body: Record<string, unknown> = {}): Promise<T | Refused> {
  const res = await fetch(`/api/checkout/${encodeURIComponent(sessionId)}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as T | { error: { code: string; message: string; param?: string } };
  if (answer && typeof answer === "object" && "error" in answer) {
    const { code, message, param } = answer.error;
    return {
      ok: false,
      code,
      message: code === "api_error" ? "Something went wrong on our side. Nothing was charged; try again." : message,
      param: param ?? null,
    };
  }
  return answer;
}
