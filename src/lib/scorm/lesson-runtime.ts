/**
 * The SCORM 1.2 runtime of a lesson page. scorm-again provides the real API (`window.API`), so
 * lesson content talks to us exactly as it would talk to any LMS (KS Læring on Moodle included);
 * its commits are handed to `onCommit` instead of an HTTP endpoint, and our commit queue takes it
 * from there.
 */
import { Scorm12API } from 'scorm-again/scorm12';
import { secondsToTimespan, type ProgressRecord } from '../progress/progress-record';

export interface LessonRuntimeOptions {
  learner: { id: string; name: string };
  saved: ProgressRecord | null;
  /** Called with scorm-again's commit object on every LMSCommit and on LMSFinish. */
  onCommit: (commit: unknown, isTerminate: boolean) => void;
}

export type LessonApi = InstanceType<typeof Scorm12API>;

declare global {
  interface Window {
    API?: LessonApi;
  }
}

export function startLessonRuntime({ learner, saved, onCommit }: LessonRuntimeOptions): LessonApi {
  const api = new Scorm12API({
    autocommit: false,
    // A marker, not a URL: the injected service below receives every commit.
    lmsCommitUrl: 'tettpa:progress',
    logLevel: 5,
    httpService: {
      processHttpRequest(_url: string, params: unknown, immediate: boolean, _log: unknown, processListeners: (name: string) => void) {
        onCommit(params, immediate);
        processListeners('CommitSuccess');
        return { result: 'true', errorCode: 0 };
      },
      updateSettings() {},
    },
  });
  // Saved state must be loaded before LMSInitialize, while the read-only fields are still writable.
  api.loadFromJSON(
    {
      core: {
        student_id: learner.id,
        student_name: learner.name,
        lesson_status: saved?.status ?? 'not attempted',
        lesson_location: saved?.location ?? '',
        entry: saved ? 'resume' : 'ab-initio',
        total_time: secondsToTimespan(saved?.time_seconds ?? 0),
        ...(saved?.score != null ? { score: { raw: String(saved.score) } } : {}),
      },
      suspend_data: saved?.suspend_data ?? '',
    },
    '',
  );
  window.API = api;
  api.lmsInitialize('');
  return api;
}
