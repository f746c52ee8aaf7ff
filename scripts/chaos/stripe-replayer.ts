// Stripe's webhooks in the run: every event the Stripe double emitted is delivered to /api/webhooks/stripe
// through the proxy (so both instances get them, and a killed one cuts some off) twice, signed as Stripe
// signs, in a seeded shuffled order interleaved with the load: each tick sends a random half of what waits,
// so a copy often goes out after events emitted later. Like Stripe, it retries anything but a 2xx.
import type { StripeDouble } from "@/test/stripe-double/server";
import type { StripeObject } from "@/test/stripe-double/objects";

export interface StripeReplayer {
  /** Per event id: the final status of each copy (200 when delivered; else the last status or "no answer"). */
  copies: Map<string, (number | "no answer")[]>;
  /** Deliveries sent, retries included. */
  sent: number;
  /** Nothing waiting or in flight, and every event the double emitted taken up. */
  idle(): boolean;
  stop(): Promise<void>;
}

const TICK_MS = 1000;
/** A copy is retried for this long (Stripe retries for days; the run's recovery window is 3 minutes). */
const GIVE_UP_AFTER_MS = 150_000;

function shuffle<T>(xs: T[], random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

export function startStripeReplayer({ double, base, random }: { double: StripeDouble; base: string; random: () => number }): StripeReplayer {
  const copies = new Map<string, (number | "no answer")[]>();
  const waiting: StripeObject[] = [];
  const state = { taken: 0, inFlight: 0, sent: 0, stopped: false };

  const deliver = async (event: StripeObject) => {
    const deadline = Date.now() + GIVE_UP_AFTER_MS;
    let last: number | "no answer" = "no answer";
    for (let attempt = 0; Date.now() < deadline && !state.stopped; attempt++) {
      const { body, signature } = double.signed(event);
      state.sent++;
      last = await fetch(`${base}/api/webhooks/stripe`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (res) => (await res.arrayBuffer(), res.status),
        () => "no answer" as const,
      );
      if (last === 200) break;
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
    }
    copies.set(event.id as string, [...(copies.get(event.id as string) ?? []), last]);
  };

  const tick = () => {
    const fresh = double.state.events.slice(state.taken);
    state.taken += fresh.length;
    for (const event of fresh) waiting.push(event, event);
    shuffle(waiting, random);
    const batch = waiting.splice(0, Math.ceil(waiting.length / 2));
    for (const event of batch) {
      state.inFlight++;
      void deliver(event).finally(() => state.inFlight--);
    }
  };
  const timer = setInterval(tick, TICK_MS);

  return {
    copies,
    get sent() {
      return state.sent;
    },
    idle: () => waiting.length === 0 && state.inFlight === 0 && state.taken === double.state.events.length,
    async stop() {
      clearInterval(timer);
      state.stopped = true;
      while (state.inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
