/**
 * The SCORM 1.2 API as the standard names it: the only calls a lesson makes, so that it talks to
 * our own runtime (scorm-again) and to any other platform's API (KS Læring on Moodle) alike.
 */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string | number;
}

/** SCORM 1.2 gives a SCO 4,096 characters of `cmi.suspend_data`. */
export const SUSPEND_DATA_LIMIT = 4096;

/** A finished status that a later visit must not turn back. */
export function isFinishedStatus(status: string): boolean {
  return status === 'completed' || status === 'passed';
}
