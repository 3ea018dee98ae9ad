/**
 * How lesson components (quiz, module checkboxes) reach the lesson's SCORM API: the progress
 * panel announces it once it is running (ours on the site, the platform's inside a package), or
 * announces that there is none (a reader who is not logged in, a package opened as a file).
 */
import { SUSPEND_DATA_LIMIT, type Scorm12Api } from './scorm12-api';

type LessonApi = Scorm12Api;

const READY = 'tettpa:lesson-api';
let current: LessonApi | null | undefined;

/** Called by the progress panel: the API for a logged-in learner, or null for a reader. */
export function announceLessonApi(api: LessonApi | null): void {
  current = api;
  window.dispatchEvent(new CustomEvent(READY));
}

/** Calls back once the lesson's API is known (null: nothing will be saved). */
export function whenLessonApi(callback: (api: LessonApi | null) => void): void {
  if (current !== undefined) {
    callback(current);
    return;
  }
  window.addEventListener(READY, () => callback(current ?? null), { once: true });
}

/** We keep a small JSON object in the lesson's suspend data (at most 4,096 characters). */
export function readSuspendData(api: LessonApi): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(api.LMSGetValue('cmi.suspend_data') || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The suspend data with `key` set to `value`, as it would be written. */
export function suspendDataWith(api: LessonApi, key: string, value: unknown): string {
  return JSON.stringify({ ...readSuspendData(api), [key]: value });
}

/**
 * Sets one key of the suspend data and commits. Refuses (returns false) rather than cut the JSON
 * when the result would not fit: a cut object could not be read back at all.
 */
export function writeSuspendData(api: LessonApi, key: string, value: unknown): boolean {
  const json = suspendDataWith(api, key, value);
  if (json.length > SUSPEND_DATA_LIMIT) return false;
  api.LMSSetValue('cmi.suspend_data', json);
  api.LMSCommit('');
  return true;
}

/** The course and lesson of the page, from its address (/kurs/<course>/<lesson>/). */
export function currentLesson(): { course: string; lesson: string } | null {
  const match = /^\/kurs\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(window.location.pathname);
  return match ? { course: match[1]!, lesson: match[2]! } : null;
}
