import { headers } from "next/headers";
import type { ServiceContext } from "@/lib/service/context";
import { settle } from "../core";
import { getMember, memberContext, type Member } from "./session";
import { KassaError } from "@/lib/service/errors";

export type ActionResult<T = undefined> =
  { ok: true; data: T; error?: undefined } | { ok: false; error: string; code: string; param?: string; data?: undefined };

/**
 * The adapter for dashboard server actions (the session caller kind): signed-in member → context →
 * one service verb → a result the form can show. Services enforce the role; the request core
 * (lib/http/core.ts) does id, errors, logs and metrics.
 */
export async function memberAction<T>(run: (args: { ctx: ServiceContext; member: Member }) => Promise<T>, name = "dashboard action"): Promise<ActionResult<T>> {
  const settled = await settle({ caller: "session", route: name }, async (call) => {
    await assertFromDashboardPage();
    const member = await getMember();
    if (!member) throw new KassaError("not_signed_in", "Your session has ended. Sign in again.");
    call.merchantId = member.merchantId;
    const ctx = { ...(await memberContext(member)), requestId: call.requestId };
    return run({ ctx, member });
  });
  if (settled.ok) return { ok: true, data: settled.value };
  const { message, code, param } = settled.error;
  const shown = code === "api_error" ? `Something went wrong on our side. Try again; if it keeps happening, quote ${settled.requestId}.` : message;
  return { ok: false, error: shown, code, ...(param ? { param } : {}) };
}

/**
 * Next refuses a server action whose Origin is another host, but lets one with no Origin at all
 * through (with a warning). Every browser sends Origin on a POST, so a dashboard page always does:
 * refuse the rest, and anything the browser itself marks as coming from another site, as the
 * dashboard's JSON routes do (lib/http/same-origin.ts).
 */
async function assertFromDashboardPage(): Promise<void> {
  const h = await headers();
  const site = h.get("sec-fetch-site");
  if (!h.get("origin") || (site !== null && site !== "same-origin")) {
    throw new KassaError("origin_not_allowed", "This request did not come from a Kassa dashboard page.");
  }
}
