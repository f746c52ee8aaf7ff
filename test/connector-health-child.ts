/**
 * A second app process for lib/connector-health/two-instances.test.ts: opens the database at argv[2]
 * with its own pool and LISTEN connection, runs one ConnectorHealth (open period argv[3] ms, the real
 * clock) and answers commands, one JSON line each on stdin: {id, op: "admit"|"record"|"breaker", key,
 * outcome?}. Answers go to stdout as "@@" + JSON, apart from any log lines.
 */
import readline from "node:readline";
import { openDatabase } from "@/db/client";
import { ConnectorHealth } from "@/lib/connector-health/connector-health";
import type { CallOutcome, ConnectorKey } from "@/lib/connector-health/types";

type Command = { id: number; op: "admit" | "record" | "breaker" | "quit"; key: ConnectorKey; outcome?: CallOutcome };

const [url, openMs] = process.argv.slice(2);
const handle = await openDatabase(url);
const health = new ConnectorHealth(handle, { openMs: Number(openMs ?? 60_000), flushMs: 3_600_000, instanceId: `inst_child_${process.pid}`, env: {} });
await health.start();
const answer = (id: number, result: unknown) => process.stdout.write(`@@${JSON.stringify({ id, result })}\n`);
answer(0, { listening: health.listening });

for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as Command;
  if (command.op === "quit") break;
  if (command.op === "admit") answer(command.id, await health.admit(command.key));
  else if (command.op === "record") answer(command.id, await health.record(command.key, command.outcome ?? "success", 5));
  else answer(command.id, health.breaker(command.key) ?? null);
}
await health.stop();
await handle.close();
// stdin stays referenced after the loop: leave explicitly.
process.exit(0);
