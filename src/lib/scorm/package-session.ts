/**
 * A lesson played inside a SCORM package: it talks to the platform's API (found as SCORM 1.2
 * prescribes) and keeps nothing of its own. The platform stores status, score, place and
 * suspend data; without a platform (the file opened directly) the lesson just reads.
 */
import { findScormApi } from './find-api';
import { isFinishedStatus, type Scorm12Api } from './scorm12-api';

export interface PackageSession {
  api: Scorm12Api;
  status(): string;
  complete(): void;
  /** LMSFinish, once: the platform expects exactly one. */
  finish(): void;
}

export function startPackageSession(win: Window): PackageSession | null {
  const api = findScormApi(win as unknown as Parameters<typeof findScormApi>[0]);
  if (!api) return null;
  if (String(api.LMSInitialize('')) !== 'true') return null;
  const status = () => api.LMSGetValue('cmi.core.lesson_status');
  const current = status();
  if (current === 'not attempted' || current === '') {
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSCommit('');
  }
  let finished = false;
  return {
    api,
    status,
    complete() {
      if (finished || isFinishedStatus(status())) return;
      api.LMSSetValue('cmi.core.lesson_status', 'completed');
      api.LMSCommit('');
    },
    finish() {
      if (finished) return;
      finished = true;
      api.LMSCommit('');
      api.LMSFinish('');
    },
  };
}
