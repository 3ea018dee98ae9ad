/**
 * Progress that has not reached the server yet, kept in localStorage so that a dropped network,
 * a closed tab or a server restart loses nothing. Each entry is a lesson's whole state, so a newer
 * commit of the same lesson replaces the older one: what is sent is in order and never twice.
 */
import { readProgressState, type ProgressState } from './progress-record';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyOf = (s: { course: string; lesson: string }) => `${s.course}/${s.lesson}`;

export class CommitQueue {
  readonly #storageKey: string;
  readonly #store: KeyValueStore;
  #flushing: Promise<FlushResult> | null = null;

  /** One queue per user: on a shared tablet, one learner's progress is never sent as another's. */
  constructor(userId: string, store: KeyValueStore) {
    this.#storageKey = `tettpa.progress-queue.${userId}`;
    this.#store = store;
  }

  pending(): ProgressState[] {
    const raw = this.#store.getItem(this.#storageKey);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.map(readProgressState) : [];
    } catch {
      return [];
    }
  }

  enqueue(state: ProgressState): void {
    const rest = this.pending().filter((s) => keyOf(s) !== keyOf(state));
    this.#write([...rest, state]);
  }

  /**
   * Sends the queue oldest first. An entry leaves the queue only after the server accepted it;
   * the first failure stops the round so that order is kept. Concurrent calls share one round.
   */
  flush(send: (state: ProgressState) => Promise<void>): Promise<FlushResult> {
    this.#flushing ??= this.#flushRound(send).finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #flushRound(send: (state: ProgressState) => Promise<void>): Promise<FlushResult> {
    let sent = 0;
    for (;;) {
      const [next] = this.pending();
      if (!next) return { sent, remaining: 0, error: null };
      try {
        await send(next);
      } catch (error) {
        return { sent, remaining: this.pending().length, error };
      }
      // Remove what was sent unless a newer state of the same lesson arrived meanwhile.
      this.#write(this.pending().filter((s) => !(keyOf(s) === keyOf(next) && JSON.stringify(s) === JSON.stringify(next))));
      sent += 1;
    }
  }

  #write(queue: ProgressState[]): void {
    if (queue.length === 0) this.#store.removeItem(this.#storageKey);
    else this.#store.setItem(this.#storageKey, JSON.stringify(queue));
  }
}

export interface FlushResult {
  sent: number;
  remaining: number;
  error: unknown;
}
