"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createReferenceKeyAction, type ReferenceKey } from "@/app/docs/api/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { storeTestKey, type StoredTestKey } from "./test-key-store";

/** Who is reading /docs/api, as the page tells it (nothing secret: a publishable key is not). */
export interface DocsViewer {
  userId: string;
  merchantId: string;
  email: string;
  businessName: string;
  role: string;
  /** May create API keys (lib/service/roles.ts api_keys:write). */
  canCreateKey: boolean;
  /** The merchant's test publishable key, when the role may read keys and one exists. */
  publishableKey: string | null;
}

/** "sk_test_4eC3…": enough to recognise the key, not to use it. */
const redact = (secret: string) => `${secret.slice(0, 12)}…`;

/**
 * Which key the examples carry, and the way to put the viewer's own test key in them: signed out, a sign-in
 * link; a role without api_keys:write, whom to ask; else a button that makes a test secret key (shown
 * once, kept in this tab) or, once made, which key it is and how to stop using it.
 */
export function TestKeyPanel({ viewer, stored }: { viewer: DocsViewer | null; stored: StoredTestKey | null }) {
  const [state, action, pending] = useActionState<ActionResult<ReferenceKey> | null, FormData>(async (prev, form) => {
    const result = await createReferenceKeyAction(prev, form);
    if (result.ok && viewer) storeTestKey({ userId: viewer.userId, merchantId: viewer.merchantId, ...result.data });
    return result;
  }, null);

  return (
    <section aria-label="Your test key" data-testid="test-key-panel" className="border-b border-slate-200 bg-slate-50 px-6 py-3 text-sm text-slate-700">
      {!viewer ? (
        <p>
          The examples use a placeholder key.{" "}
          <Link className="font-medium text-brand-700 underline" href="/login?next=/docs/api">
            Sign in
          </Link>{" "}
          to put your own test key in them.
        </p>
      ) : stored ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p data-testid="test-key-in-use">
            The examples use your test key <span className="font-medium">{stored.name}</span> (
            <code className="font-mono text-xs">{redact(stored.secret)}</code>
            ), kept in this browser tab only. Revoke it in{" "}
            <Link className="font-medium text-brand-700 underline" href="/developers/api-keys">
              Developers → API keys
            </Link>
            .
          </p>
          <Button type="button" variant="secondary" onClick={() => storeTestKey(null)}>
            Stop using this key
          </Button>
        </div>
      ) : viewer.canCreateKey ? (
        <form action={action} className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p>
            The examples use a placeholder key. Make a test-mode secret key for them, named “API reference ({viewer.email})”; it is shown here once, kept in
            this browser tab only, and listed under Developers → API keys.
          </p>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Use a test key in these examples"}
          </Button>
        </form>
      ) : (
        <p>
          The examples use a placeholder key. Your role ({viewer.role}) cannot create API keys: ask an owner, admin or developer of {viewer.businessName} for a
          test key.
        </p>
      )}
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-red-700">
          {state.error} ({state.code})
        </p>
      ) : null}
      {viewer?.publishableKey ? (
        <p className="mt-2">
          Your test publishable key (for calls from a browser): <code className="font-mono text-xs break-all">{viewer.publishableKey}</code>
        </p>
      ) : null}
    </section>
  );
}
