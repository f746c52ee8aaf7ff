/** The executor's only source of time, so tests can run hours of sleeps and backoff instantly. */
export interface Clock {
  now(): Date;
  /** Called whenever time jumps (fake clocks), so the executor can fire timers that fell due. */
  onAdvance?(listener: () => Promise<void> | void): () => void;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told; `advance` waits until the executor has reacted. */
export class FakeClock implements Clock {
  private ms: number;
  private listeners = new Set<() => Promise<void> | void>();

  constructor(start: Date | number = Date.UTC(2026, 0, 1)) {
    this.ms = typeof start === "number" ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  onAdvance(listener: () => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new Error("a clock cannot go backwards");
    this.ms += ms;
    await Promise.all([...this.listeners].map((l) => l()));
  }

  /** Jumps to an instant (never backwards). */
  async advanceTo(at: Date): Promise<void> {
    await this.advance(Math.max(0, at.getTime() - this.ms));
  }
}
