import { unstable_rethrow } from "next/navigation";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
import type { ServiceContext } from "@/lib/service/context";
import { getMember, memberContext, type Member } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; error?: undefined }
  | { ok: false; error: string; code: string; param?: string; data?: undefined };

/**
 * The wrapper for dashboard server actions (the session caller kind): signed-in member → context
 * → one service verb → a result the form can show. Services enforce the role.
 */
export async function memberAction<T>(
  run: (args: { ctx: ServiceContext; member: Member }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const member = await getMember();
    if (!member) return { ok: false, error: "Your session has ended. Sign in again.", code: "not_signed_in" };
    const ctx = await memberContext(member);
    return { ok: true, data: await run({ ctx, member }) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof KassaError) return { ok: false, error: error.message, code: error.code, param: error.param };
    logger.error({ err: error }, "dashboard action failed");
    return { ok: false, error: "Something went wrong on our side. Try again.", code: "api_error" };
  }
}
