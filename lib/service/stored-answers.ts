/** A key's stored answer, as PostgreSQL holds it, and what the request that made it asked. */
export interface StoredAnswer {
  method: string;
  path: string;
  requestHash: string;
  status: number;
  text: string;
  /** When the key expires (created + 24 h, in ms): from then on it is a fresh key, whatever a process remembers. */
  expiresAt: number;
}

export interface StoredAnswersLimits {
  /** How many answers at most. */
  entries: number;
  /** All held answers' text together, in characters. */
  chars: number;
  /** One answer's text at most: a longer one is not held. */
  entryChars: number;
}

/**
 * Idempotency-Keys' stored answers held in memory (lib/service/idempotency.ts says why that is safe): the least
 * recently used go first once there are more than `entries` or their text passes `chars`; an expired one is never
 * answered and is dropped when asked for.
 */
export class StoredAnswers {
  private readonly map = new Map<string, StoredAnswer>();
  private chars = 0;

  constructor(private readonly limits: StoredAnswersLimits) {}

  /** The answer held for `key`, unless it expired by `now` (ms). */
  get(key: string, now: number): StoredAnswer | undefined {
    const answer = this.map.get(key);
    if (!answer) return undefined;
    this.map.delete(key);
    if (answer.expiresAt <= now) {
      this.chars -= answer.text.length;
      return undefined;
    }
    this.map.set(key, answer); // most recently used
    return answer;
  }

  set(key: string, answer: StoredAnswer): void {
    if (answer.text.length > this.limits.entryChars) return;
    this.delete(key);
    this.map.set(key, answer);
    this.chars += answer.text.length;
    while (this.map.size > this.limits.entries || this.chars > this.limits.chars) this.delete(this.map.keys().next().value!);
  }

  /** How many answers and characters are held (tests, metrics). */
  get size(): { entries: number; chars: number } {
    return { entries: this.map.size, chars: this.chars };
  }

  private delete(key: string): void {
    const answer = this.map.get(key);
    if (!answer) return;
    this.map.delete(key);
    this.chars -= answer.text.length;
  }
}
