// Drives the schedule over HTTP through the proxy: a window of operations in flight, each sent as its
// planned number of concurrent copies, and the kills fired as their operation starts (one at a time: a
// kill waits for the previous instance to be back in rotation).
import type { ChaosClient, Answer } from "./client";
import type { Op, Schedule } from "./schedule";

export interface OpResult {
  op: Op;
  /** The first final answer among the copies (null: none answered, or skipped). */
  answer: Answer | null;
  /** pay: the payment it made, when the answer names one. */
  paymentId?: string;
  skipped?: boolean;
}

export interface DriveOptions {
  client: ChaosClient;
  apiKeys: string[];
  concurrency: number;
  kill: (instance: "engine" | "api") => Promise<void>;
  onProgress?: (done: number) => void;
}

/** The payment an answer names: a payment object, or a decline's error that carries it. */
function paymentIdOf(answer: Answer | null): string | undefined {
  if (!answer) return undefined;
  try {
    const json = JSON.parse(answer.text) as { id?: string; object?: string; error?: { payment_intent?: { id?: string }; payment?: { id?: string } } };
    if (json.object === "payment" && json.id) return json.id;
    return json.error?.payment_intent?.id ?? json.error?.payment?.id;
  } catch {
    return undefined;
  }
}

function request(op: Op, paymentId: string | undefined): { path: string; body: Record<string, unknown> } | null {
  if (op.kind === "pay") return { path: "/api/v1/payments", body: op.body };
  if (!paymentId) return null;
  if (op.kind === "refund") return { path: "/api/v1/refunds", body: { payment: paymentId, ...op.body } };
  return { path: `/api/v1/payments/${paymentId}/${op.kind}`, body: op.body };
}

export async function drive(schedule: Schedule, opts: DriveOptions): Promise<{ results: OpResult[]; kills: Promise<void> }> {
  const results: Promise<OpResult>[] = [];
  let killing: Promise<void> = Promise.resolve();
  let next = 0;
  let done = 0;
  const runOp = async (op: Op): Promise<OpResult> => {
    const target = op.target === undefined ? undefined : await results[op.target]!;
    const call = request(op, target?.paymentId);
    if (!call) return { op, answer: null, skipped: true };
    const apiKey = opts.apiKeys[op.index % opts.apiKeys.length]!;
    const answers = await Promise.all(Array.from({ length: op.copies }, () => opts.client.send(call.path, call.body, op.key, apiKey)));
    const answer = answers.find((a) => a !== null) ?? null;
    return { op, answer, ...(op.kind === "pay" ? { paymentId: paymentIdOf(answer) } : {}) };
  };
  const worker = async () => {
    while (next < schedule.ops.length) {
      const op = schedule.ops[next++]!;
      for (const kill of schedule.kills.filter((k) => k.atOp === op.index)) killing = killing.then(() => opts.kill(kill.instance));
      const result = runOp(op);
      results[op.index] = result;
      await result;
      opts.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { results: await Promise.all(results), kills: killing };
}
