/**
 * A knowledge check's result as SCORM 1.2 says it: the score, and the lesson's status from it
 * (passed at PASS_PERCENT or more, failed below), which the kursbevis is decided by.
 */
import { quizStatus } from '../certificate/requirements';

/** The part of a SCORM 1.2 API the result needs (scorm-again's, or a platform's own `window.API`). */
interface ScoreTarget {
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: string): unknown;
}

export function reportQuizResult(api: ScoreTarget, percent: number): void {
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  api.LMSSetValue('cmi.core.score.raw', String(percent));
  api.LMSSetValue('cmi.core.lesson_status', quizStatus(percent));
  api.LMSCommit('');
}
