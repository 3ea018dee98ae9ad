/**
 * One learner's progress session for one SCO: the SCORM 1.2 runtime (scorm-again as `window.API`),
 * the commit queue that carries every commit to `progress`, resume from what the server and this
 * device hold, and the sync state the learner is told about. A lesson page and a package player
 * both run their SCO through this, so they save, queue and resume the same way.
 */
import type { ServerApi } from '../pocketbase/server-api';
import { isAuthError, isNetworkError } from '../pocketbase/request-status';
import { announceSessionGone } from '../auth/session-watch';
import { CommitQueue } from './commit-queue';
import { loadLessonProgress, saveLessonProgress } from './progress-client';
import { stateFromCommit, type LessonStatus, type ProgressRecord } from './progress-record';
import { startLessonRuntime, type LessonApi } from '../scorm/lesson-runtime';

export type SyncState = 'idle' | 'saving' | 'saved' | 'pending' | 'expired';

export interface ProgressSessionView {
  sync: SyncState;
  status: LessonStatus;
}

export interface ProgressSessionOptions {
  pb: ServerApi;
  user: { id: string; name: string };
  /** Where the commits go in `progress`. */
  course: string;
  lesson: string;
  /** Told every time the sync state or the lesson status changes. */
  onChange: (view: ProgressSessionView) => void;
}

export interface ProgressSession {
  /** Resolves with the running API once saved state is loaded and LMSInitialize has run. */
  ready: Promise<LessonApi>;
  /** Marks the SCO completed and commits. */
  complete(): void;
  /** Removes the session's listeners and timer (the runtime itself ends with the page). */
  stop(): void;
}

/** How often a queue that could not be sent is tried again while the page stays open. */
const RETRY_MS = 10_000;

export function startProgressSession({ pb, user, course, lesson, onChange }: ProgressSessionOptions): ProgressSession {
  const queue = new CommitQueue(user.id, localStorage);
  const startedAt = Date.now();
  let baseSeconds = 0;
  let sync: SyncState = 'idle';
  let status: LessonStatus = 'not attempted';
  let api: LessonApi | undefined;

  const tell = () => onChange({ sync, status });
  const setSync = (next: SyncState) => {
    sync = next;
    tell();
  };

  async function flush() {
    if (queue.pending().length === 0) {
      if (sync === 'pending') setSync('saved');
      return;
    }
    setSync('saving');
    const result = await queue.flush((state) => saveLessonProgress(pb, user.id, state));
    if (result.remaining === 0) setSync('saved');
    else if (isAuthError(result.error)) {
      setSync('expired');
      announceSessionGone();
    }
    else setSync('pending');
  }

  function onCommit(commit: unknown) {
    const state = stateFromCommit(commit, { course, lesson }, baseSeconds + (Date.now() - startedAt) / 1000, status);
    status = state.status;
    tell();
    queue.enqueue(state);
    void flush();
  }

  async function start(): Promise<LessonApi> {
    await flush();
    let saved: ProgressRecord | null = null;
    try {
      saved = await loadLessonProgress(pb, user.id, course, lesson);
    } catch (error) {
      if (isAuthError(error)) setSync('expired');
      else if (!isNetworkError(error)) throw error;
    }
    // What is still queued on this device is newer than what the server has.
    const queued = queue.pending().find((s) => s.course === course && s.lesson === lesson);
    const current = queued ? { ...(saved ?? { id: '', user: user.id }), ...queued } : saved;
    baseSeconds = current?.time_seconds ?? 0;
    status = current?.status ?? 'not attempted';
    tell();
    api = startLessonRuntime({ learner: user, saved: current, onCommit });
    if (status === 'not attempted') {
      api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
      api.LMSCommit('');
    }
    return api;
  }

  const online = () => void flush();
  const leave = () => api?.LMSFinish('');
  const hidden = () => {
    if (document.visibilityState === 'hidden') api?.LMSCommit('');
  };
  window.addEventListener('online', online);
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', hidden);
  // The browser may think it is online while the server is away (a restart): retry now and then.
  const retry = setInterval(() => {
    if (queue.pending().length > 0) void flush();
  }, RETRY_MS);

  return {
    ready: start(),
    complete() {
      if (!api) return;
      api.LMSSetValue('cmi.core.lesson_status', 'completed');
      api.LMSCommit('');
    },
    stop() {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      clearInterval(retry);
    },
  };
}
