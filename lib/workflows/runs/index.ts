import { getDb, type Executor } from "@/db/client";
import { logger } from "@/lib/logger";
import { embeddedExecutorUrl } from "../local-engine";
import { inngestApiWorkflowRuns, recordEngineEvents, type OutgoingEvent } from "./inngest-api";
import { localWorkflowRuns } from "./local";
import type { WorkflowRuns } from "./types";

export type { RunStatus, WorkflowRunDetail, WorkflowRunSummary, WorkflowRuns } from "./types";
export { runStatuses } from "./types";

export type RunsEngineConfig =
  { kind: "embedded" } | { kind: "inngest"; apiBaseUrl: string; signingKey?: string; env?: string; runUrl: (runId: string) => string | null };

const CLOUD_API = "https://api.inngest.com";

/**
 * Which engine's runs the Workflows page shows. The embedded executor when it runs in this process
 * (it puts its own keys in the environment, so this comes first); Inngest's REST API when Inngest
 * is configured — INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, at INNGEST_API_BASE_URL or
 * INNGEST_BASE_URL (self-hosted) or Inngest Cloud — or a dev server (INNGEST_DEV); otherwise the
 * executor's tables in this database, which an executor in another process may keep.
 */
export function runsEngineConfig(env: Record<string, string | undefined> = process.env, embedded = embeddedExecutorUrl() !== null): RunsEngineConfig {
  if (embedded) return { kind: "embedded" };
  const dev = env.INNGEST_DEV && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false" ? env.INNGEST_DEV : undefined;
  if (!dev && !(env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY)) return { kind: "embedded" };
  const apiBaseUrl = (dev ? (dev.startsWith("http") ? dev : "http://127.0.0.1:8288") : (env.INNGEST_API_BASE_URL ?? env.INNGEST_BASE_URL ?? CLOUD_API)).replace(
    /\/+$/,
    "",
  );
  const template =
    env.KASSA_INNGEST_RUN_URL ??
    (apiBaseUrl === CLOUD_API ? `https://app.inngest.com/env/${env.INNGEST_ENV ?? "production"}/runs/{runId}` : `${apiBaseUrl}/run?runID={runId}`);
  return {
    kind: "inngest",
    apiBaseUrl,
    ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    ...(env.INNGEST_ENV ? { env: env.INNGEST_ENV } : {}),
    runUrl: (runId) => template.replaceAll("{runId}", encodeURIComponent(runId)),
  };
}

const APP_ID = "kassa";

/** The configured engine's runs (see runsEngineConfig); `db`: the caller's connection (a verb's ctx.db). */
export function workflowRuns({ db }: { db?: Executor } = {}): WorkflowRuns {
  const config = runsEngineConfig();
  if (config.kind === "embedded") return localWorkflowRuns(db);
  return inngestApiWorkflowRuns({ ...config, appId: APP_ID, db });
}

/**
 * After the relay sent a batch: while the page reads Inngest's API, keep the ids Inngest gave the
 * merchant's events and re-runs (the API finds runs by them; a re-run's page finds its new run by
 * its outbox id). Losing them loses only the page's view of those runs, never the runs: a failure is
 * logged, not thrown back into the relay (which would send again).
 */
export async function recordSentEvents(batch: OutgoingEvent[], ids: string[]): Promise<void> {
  if (runsEngineConfig().kind !== "inngest") return;
  try {
    await recordEngineEvents(await getDb(), batch, ids);
  } catch (err) {
    logger.warn({ err }, "could not record Inngest's event ids; those runs will not show on the Workflows page");
  }
}
