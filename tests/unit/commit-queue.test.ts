import { describe, expect, it } from 'vitest';
import { CommitQueue, type KeyValueStore } from '../../src/lib/progress/commit-queue';
import type { ProgressState } from '../../src/lib/progress/progress-record';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const state = (lesson: string, status: ProgressState['status'] = 'incomplete', time = 1): ProgressState => ({
  course: 'nyansatt',
  lesson,
  status,
  score: null,
  location: '',
  suspend_data: '',
  time_seconds: time,
});

describe('the progress commit queue', () => {
  it('keeps only the newest state of a lesson, so nothing is sent twice', () => {
    const queue = new CommitQueue('u1', new MemoryStore());
    queue.enqueue(state('a', 'incomplete', 1));
    queue.enqueue(state('b'));
    queue.enqueue(state('a', 'completed', 9));
    expect(queue.pending().map((s) => [s.lesson, s.status])).toEqual([
      ['b', 'incomplete'],
      ['a', 'completed'],
    ]);
  });

  it('sends in order and empties itself when the server accepts everything', async () => {
    const queue = new CommitQueue('u1', new MemoryStore());
    queue.enqueue(state('a'));
    queue.enqueue(state('b'));
    const sent: string[] = [];
    const result = await queue.flush(async (s) => {
      sent.push(s.lesson);
    });
    expect(sent).toEqual(['a', 'b']);
    expect(result).toEqual({ sent: 2, remaining: 0, error: null });
    expect(queue.pending()).toEqual([]);
  });

  it('stops at the first failure and keeps the rest for later, in order', async () => {
    const queue = new CommitQueue('u1', new MemoryStore());
    queue.enqueue(state('a'));
    queue.enqueue(state('b'));
    const offline = new Error('offline');
    const result = await queue.flush(async () => {
      throw offline;
    });
    expect(result).toEqual({ sent: 0, remaining: 2, error: offline });
    const later: string[] = [];
    await queue.flush(async (s) => {
      later.push(s.lesson);
    });
    expect(later).toEqual(['a', 'b']);
  });

  it('survives a reload: the queue lives in the store, per user', () => {
    const store = new MemoryStore();
    new CommitQueue('u1', store).enqueue(state('a'));
    expect(new CommitQueue('u1', store).pending()).toHaveLength(1);
    expect(new CommitQueue('u2', store).pending()).toHaveLength(0);
  });

  it('keeps a newer state that arrives while the older one is being sent', async () => {
    const queue = new CommitQueue('u1', new MemoryStore());
    queue.enqueue(state('a', 'incomplete', 1));
    const sent: ProgressState[] = [];
    await queue.flush(async (s) => {
      sent.push(s);
      if (sent.length === 1) queue.enqueue(state('a', 'completed', 5));
    });
    expect(sent.map((s) => s.status)).toEqual(['incomplete', 'completed']);
    expect(queue.pending()).toEqual([]);
  });

  it('ignores a corrupt stored queue instead of failing the page', () => {
    const store = new MemoryStore();
    store.setItem('tettpa.progress-queue.u1', '{not json');
    expect(new CommitQueue('u1', store).pending()).toEqual([]);
  });
});
