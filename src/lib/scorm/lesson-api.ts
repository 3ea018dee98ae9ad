/**
 * How lesson components (quiz, module checkboxes) reach the lesson's SCORM API: the progress
 * panel announces it once it is running, or announces that the reader is anonymous.
 */
import type { LessonApi } from './lesson-runtime';

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

/** SCORM 1.2 gives a lesson 4,096 characters of suspend data; we keep a small JSON object there. */
export function readSuspendData(api: LessonApi): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(api.lmsGetValue('cmi.suspend_data') || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function writeSuspendData(api: LessonApi, key: string, value: unknown): void {
  const data = { ...readSuspendData(api), [key]: value };
  api.lmsSetValue('cmi.suspend_data', JSON.stringify(data).slice(0, 4096));
  api.lmsCommit('');
}

/** The course and lesson of the page, from its address (/kurs/<course>/<lesson>/). */
export function currentLesson(): { course: string; lesson: string } | null {
  const match = /^\/kurs\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(window.location.pathname);
  return match ? { course: match[1]!, lesson: match[2]! } : null;
}
