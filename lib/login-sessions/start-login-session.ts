import type { Executor } from "@/db/client";
import { loginSessions } from "@/db/schema";
import { newId } from "@/lib/ids";
import { commitPlatformWrites } from "@/lib/service/commit";

/** A sign-in: the row its session cookie will name (ip and browser for the session list). */
export async function startLoginSession(db: Executor, input: { userId: string; ip: string | null; userAgent: string | null }): Promise<string> {
  const id = newId("loginSession");
  await commitPlatformWrites(db, (db) => [
    db.insert(loginSessions).values({ id, userId: input.userId, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null }),
  ]);
  return id;
}
