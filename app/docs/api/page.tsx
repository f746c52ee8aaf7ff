import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import type { DocsViewer } from "@/components/docs/test-key-panel";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { getMember, memberContext } from "@/lib/http/session/session";
import { can } from "@/lib/service/roles";
import { SCALAR_SCRIPT_PATH } from "./scalar-bundle";

export const metadata = { title: "API reference" };

/** The signed-in member as the reference needs them, or null; never a live key. */
async function viewer(): Promise<DocsViewer | null> {
  const member = await getMember();
  if (!member) return null;
  let publishableKey: string | null = null;
  if (can(member.role, "api_keys:read")) {
    const ctx = { ...(await memberContext(member)), livemode: false };
    const keys = await listApiKeys({ ctx, livemode: false });
    publishableKey = keys.find((k) => k.kind === "publishable" && k.status !== "revoked" && k.status !== "expired")?.token ?? null;
  }
  return {
    userId: member.userId,
    merchantId: member.merchantId,
    email: member.email,
    businessName: member.businessName,
    role: member.role,
    canCreateKey: can(member.role, "api_keys:write"),
    publishableKey,
  };
}

/** /docs/api — the API reference, open to anyone; signed in, its examples can carry the member's own test key. */
export default async function ApiReferencePage() {
  const who = await viewer();
  return (
    <div className="min-h-screen bg-white">
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-6 py-3">
        <p className="flex items-baseline gap-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
            kassa
          </Link>
          <span className="text-sm font-medium text-slate-700">API reference</span>
        </p>
        <nav aria-label="Account" className="flex items-center gap-4 text-sm">
          <a className="text-slate-700 hover:text-slate-900" href="/api/v1/openapi.json">
            OpenAPI document
          </a>
          {who ? (
            <Link className="font-medium text-brand-700 hover:underline" href="/dashboard">
              Dashboard
            </Link>
          ) : (
            <Link className="font-medium text-brand-700 hover:underline" href="/login?next=/docs/api">
              Sign in
            </Link>
          )}
        </nav>
      </header>
      <ApiReference scriptSrc={SCALAR_SCRIPT_PATH} documentUrl="/api/v1/openapi.json" viewer={who} />
    </div>
  );
}
