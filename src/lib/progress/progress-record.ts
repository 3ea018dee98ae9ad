/**
 * The shape of one row of `progress` (user × course × lesson) and how a SCORM 1.2 commit maps
 * onto it. Pure functions: the bridge, the queue and the tests share them.
 */
import * as z from 'zod/mini';

export const LESSON_STATUSES = ['not attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** What the site sends for one lesson: the whole current state, so the latest commit wins. */
export const progressStateSchema = z.object({
  course: z.string().check(z.minLength(1)),
  lesson: z.string().check(z.minLength(1)),
  status: z.enum(LESSON_STATUSES),
  score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  location: z.string(),
  suspend_data: z.string(),
  time_seconds: z.number().check(z.gte(0)),
});
export type ProgressState = z.infer<typeof progressStateSchema>;

/** A progress row as PocketBase returns it. */
export const progressRecordSchema = z.extend(progressStateSchema, {
  id: z.string(),
  user: z.string(),
  score: z.nullable(z.number()),
  updated: z.optional(z.string()),
});
export type ProgressRecord = z.infer<typeof progressRecordSchema>;

/** Completed or passed lessons stay done: a later visit must not turn them back to "incomplete". */
export function isDone(status: LessonStatus): boolean {
  return status === 'completed' || status === 'passed';
}

export function mergeStatus(previous: LessonStatus | undefined, next: LessonStatus): LessonStatus {
  if (previous && isDone(previous) && !isDone(next)) return previous;
  // "passed" also says the knowledge check was passed: "completed" must not undo it.
  if (previous === 'passed' && next === 'completed') return previous;
  return next;
}

/** Seconds as a SCORM 1.2 CMITimespan, "HHHH:MM:SS". */
export function secondsToTimespan(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

interface CmiCore {
  lesson_status?: unknown;
  lesson_location?: unknown;
  score?: { raw?: unknown };
}

/**
 * Maps a SCORM 1.2 commit (scorm-again's `{ cmi: { core, suspend_data } }`) onto a progress state.
 * The time is measured by the page (stored time plus this visit), not taken from the SCO.
 */
export function stateFromCommit(
  commit: unknown,
  ids: { course: string; lesson: string },
  timeSeconds: number,
  previousStatus?: LessonStatus,
): ProgressState {
  const cmi = ((commit as { cmi?: unknown } | null)?.cmi ?? {}) as { core?: CmiCore; suspend_data?: unknown };
  const core = cmi.core ?? {};
  const rawStatus = String(core.lesson_status ?? 'incomplete');
  const status = (LESSON_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as LessonStatus) : 'incomplete';
  const rawScore = core.score?.raw;
  const score = rawScore === undefined || rawScore === '' || rawScore === null ? null : Number(rawScore);
  return {
    course: ids.course,
    lesson: ids.lesson,
    status: mergeStatus(previousStatus, status),
    score: score === null || Number.isNaN(score) ? null : Math.min(100, Math.max(0, score)),
    location: typeof core.lesson_location === 'string' ? core.lesson_location : '',
    suspend_data: typeof cmi.suspend_data === 'string' ? cmi.suspend_data : '',
    time_seconds: Math.round(timeSeconds),
  };
}
