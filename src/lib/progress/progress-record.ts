/**
 * The shape of one row of `progress` (user × course × lesson) and how a SCORM 1.2 commit maps
 * onto it. Pure functions: the bridge, the queue and the tests share them.
 */
import { fields, nullableNum, num, oneOf, optionalText, text } from '../shape';

export const LESSON_STATUSES = ['not attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** What the site sends for one lesson: the whole current state, so the latest commit wins. */
export interface ProgressState {
  course: string;
  lesson: string;
  status: LessonStatus;
  score: number | null;
  location: string;
  suspend_data: string;
  time_seconds: number;
}

/** A progress row as PocketBase returns it. */
export interface ProgressRecord extends ProgressState {
  id: string;
  user: string;
  updated?: string;
}

/** Checks a state read back from this device (throws when it is not one). */
export function readProgressState(value: unknown): ProgressState {
  const o = fields(value);
  const course = text(o, 'course');
  const lesson = text(o, 'lesson');
  const score = nullableNum(o, 'score');
  const time_seconds = num(o, 'time_seconds');
  if (!course || !lesson || time_seconds < 0 || (score !== null && (score < 0 || score > 100))) throw new Error('ugyldig fremdrift');
  return { course, lesson, status: oneOf(o, 'status', LESSON_STATUSES), score, location: text(o, 'location'), suspend_data: text(o, 'suspend_data'), time_seconds };
}

/** Checks a progress row as PocketBase returns it (throws when a field we read is missing). */
export function readProgressRecord(value: unknown): ProgressRecord {
  const o = fields(value);
  return {
    id: text(o, 'id'),
    user: text(o, 'user'),
    course: text(o, 'course'),
    lesson: text(o, 'lesson'),
    status: oneOf(o, 'status', LESSON_STATUSES),
    score: nullableNum(o, 'score'),
    location: text(o, 'location'),
    suspend_data: text(o, 'suspend_data'),
    time_seconds: num(o, 'time_seconds'),
    updated: optionalText(o, 'updated'),
  };
}

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
