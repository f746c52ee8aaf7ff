import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { merchants, type Role } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { clientIp } from "@/lib/http/client-ip";
import { auth } from "./config";
import { can, type Permission } from "@/lib/service/roles";

export const MODE_COOKIE = "kassa_mode";

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  merchantId: string;
  businessName: string;
  role: Role;
  livemode: boolean;
  /** This browser's login session (login_sessions.id). */
  sessionId: string;
}

/**
 * The signed-in member (role fresh from the database), or null. Cached per request: the layout
 * and the page both ask, and the session check and merchant lookup should run once.
 */
export const getMember = cache(async (): Promise<Member | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.merchantId) return null;
  const db = await getDb();
  const [merchant] = await db.select({ name: merchants.businessName }).from(merchants).where(eq(merchants.id, session.merchantId));
  if (!merchant) return null;
  const mode = (await cookies()).get(MODE_COOKIE)?.value;
  return {
    userId: session.user.id,
    email: session.user.email ?? "",
    name: session.user.name ?? null,
    merchantId: session.merchantId,
    businessName: merchant.name,
    role: session.role,
    livemode: mode === "live",
    sessionId: session.sid,
  };
});

/** For pages: the member, or a redirect to /login; a missing permission renders the 403 page. */
export async function requireMember(permission?: Permission): Promise<Member> {
  const member = await getMember();
  if (!member) redirect("/login");
  if (permission && !can(member.role, permission)) forbidden();
  return member;
}

export async function memberContext(member: Member): Promise<ServiceContext> {
  const h = await headers();
  return {
    merchantId: member.merchantId,
    livemode: member.livemode,
    actor: { type: "user", id: member.userId, label: member.email },
    role: member.role,
    ip: clientIp(h),
  };
}
