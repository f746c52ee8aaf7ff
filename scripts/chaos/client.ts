// The integrator: every call carries an Idempotency-Key and is retried with the same key and body, as
// Stripe's SDKs do, on what cannot be a final answer — no answer, a 5xx (the lock is released for the
// retry), 409 while another request holds the key, 429. Every final answer is kept, to compare copies
// and later replays byte for byte.

export interface Answer {
  status: number;
  text: string;
}

export interface KeyRecord {
  key: string;
  path: string;
  body: string;
  apiKey: string;
  /** The final answer of every copy sent during the load (and none for a copy that gave up). */
  answers: Answer[];
}

export interface ClientStats {
  requests: number;
  retries: Record<string, number>;
  /** Copies that had no final answer within the deadline. */
  gaveUp: number;
}

const GIVE_UP_AFTER_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ChaosClient {
  readonly stats: ClientStats = { requests: 0, retries: {}, gaveUp: 0 };
  readonly records = new Map<string, KeyRecord>();

  /** `random`: the retries' jitter, seeded from the run's seed (which copy draws which still follows the timing). */
  constructor(
    private readonly base: string,
    private readonly random: () => number = Math.random,
  ) {}

  private retried(reason: string) {
    this.stats.retries[reason] = (this.stats.retries[reason] ?? 0) + 1;
  }

  /** One try; null when it must be retried. */
  async once(path: string, body: string, key: string, apiKey: string): Promise<Answer | null> {
    this.stats.requests++;
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method: "POST",
        headers: { Authorization: `Bearer ${apiKey}`, "Idempotency-Key": key, "Content-Type": "application/json" },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      this.retried("no answer");
      return null;
    }
    const text = await res.text().catch(() => null);
    if (text === null) {
      this.retried("cut off");
      return null;
    }
    if (res.status >= 500 || res.status === 429) {
      this.retried(String(res.status));
      return null;
    }
    if (res.status === 409 && text.includes('"idempotency_key_in_use"')) {
      this.retried("409 key in use");
      return null;
    }
    return { status: res.status, text };
  }

  /** Sends until a final answer (or gives up after two minutes); `record: false` for the replays after the load. */
  async send(path: string, payload: Record<string, unknown>, key: string, apiKey: string, { record = true } = {}): Promise<Answer | null> {
    const body = JSON.stringify(payload);
    const entry = this.records.get(key) ?? { key, path, body, apiKey, answers: [] };
    if (record) this.records.set(key, entry);
    const deadline = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      const answer = await this.once(path, body, key, apiKey);
      if (answer) {
        if (record) entry.answers.push(answer);
        return answer;
      }
      await sleep(Math.min(2000, 100 * 1.5 ** attempt) * (0.5 + this.random() / 2));
    }
    this.stats.gaveUp++;
    return null;
  }
}
