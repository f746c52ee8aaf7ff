// The merchant's webhook receiver: verifies every delivery as Standard Webhooks signs it (lib/webhooks
// signs with standardwebhooks, e2e/api/webhooks.spec.ts verifies the same way), and on a delivery's first
// try sometimes answers 500 or never answers (seeded by the delivery id), so the retry schedule is
// exercised. Later tries of the same delivery are answered 200: the schedule's third try is 5 minutes
// out, past the recovery window.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  deliveryId: string;
  eventId: string;
  type: string;
  answered: number | "hung";
}

export interface Receiver {
  /** Where endpoint `lane` posts (one URL per registered endpoint, each with its own secret). */
  urlFor(lane: number): string;
  /** Every try that arrived, in order. */
  got: Received[];
  /** Tries whose signature did not verify (must stay 0). */
  forged: number;
  setSecret(lane: number, secret: string): void;
  close(): Promise<void>;
}

/** A stable draw in [0, 1) for this seed and delivery. */
const draw = (seed: number, id: string) => createHash("sha256").update(`${seed}:${id}`).digest().readUInt32BE(0) / 2 ** 32;

export async function startReceiver({ seed, failRate, hangRate }: { seed: number; failRate: number; hangRate: number }): Promise<Receiver> {
  const verifiers = new Map<string, Webhook>();
  const tries = new Map<string, number>();
  const state = { forged: 0 };
  const got: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      let event: { id: string; type: string };
      try {
        event = verifiers.get(req.url ?? "")!.verify(body, req.headers as Record<string, string>) as typeof event;
      } catch {
        state.forged++;
        res.writeHead(400).end("bad signature");
        return;
      }
      const deliveryId = String(req.headers["webhook-id"]);
      const n = (tries.get(deliveryId) ?? 0) + 1;
      tries.set(deliveryId, n);
      const r = n === 1 ? draw(seed, deliveryId) : 1;
      if (r < hangRate) {
        got.push({ deliveryId, eventId: event.id, type: event.type, answered: "hung" });
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      const status = r < hangRate + failRate ? 500 : 200;
      got.push({ deliveryId, eventId: event.id, type: event.type, answered: status });
      res.writeHead(status).end(status === 200 ? "ok" : "try again");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    urlFor: (lane) => `http://127.0.0.1:${port}/hooks/${lane}`,
    got,
    get forged() {
      return state.forged;
    },
    setSecret: (lane, secret) => verifiers.set(`/hooks/${lane}`, new Webhook(secret)),
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
