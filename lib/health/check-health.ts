import { sql } from "drizzle-orm";
import { getDb, getDatabaseHandle } from "@/db/client";

export interface Check {
  status: "ok" | "down" | "not_configured";
  latency_ms?: number;
  detail?: string;
}

async function timed(fn: () => Promise<string | void>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { status: "ok", latency_ms: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: "down", latency_ms: Math.round(performance.now() - started), detail: (error as Error).message };
  }
}

/** Where the workflow engine is: Inngest Cloud / self-hosted by env, or the local dev URL. */
export function workflowEngineUrl(env: Record<string, string | undefined> = process.env): string | null {
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL;
  if (env.INNGEST_DEV) return env.INNGEST_DEV.startsWith("http") ? env.INNGEST_DEV : "http://127.0.0.1:8288";
  if (env.INNGEST_EVENT_KEY) return "https://inn.gs";
  return null;
}

/** Database and workflow engine reachability, each with its latency. */
export async function checkHealth() {
  const database = await timed(async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return (await getDatabaseHandle()).driver;
  }, 3000);
  const engine = workflowEngineUrl();
  const workflows: Check = engine
    ? await timed(async () => {
        const res = await fetch(new URL("/health", engine), { signal: AbortSignal.timeout(3000) });
        if (res.status >= 500) throw new Error(`workflow engine answered ${res.status}`);
      }, 3000)
    : { status: "not_configured", detail: "no workflow engine configured yet (INNGEST_BASE_URL / INNGEST_DEV)" };
  const ok = database.status === "ok" && workflows.status !== "down";
  return { status: ok ? ("ok" as const) : ("degraded" as const), checks: { database, workflows } };
}
