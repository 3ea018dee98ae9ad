/**
 * What a kursbevis requires, as the site shows it. The server decides (pb_hooks/lib/
 * certificate-rules.js); this mirrors its rule for the marks on the course page, and a unit test
 * keeps the two in step.
 */
import { t } from '../../i18n/t';

export const PASS_PERCENT = 80;

export type LessonState = 'done' | 'notStarted' | 'notCompleted' | 'quizMissing' | 'quizFailed';

const FINISHED = ['completed', 'passed'];

export function lessonState(row: { status: string; score?: number | null } | null, hasQuiz: boolean): LessonState {
  if (!row) return 'notStarted';
  // A number field without a value reads as 0: a score of 0 counts only with the status "failed".
  const score = typeof row.score === 'number' && row.score > 0 ? row.score : null;
  if (!hasQuiz) return FINISHED.includes(row.status) ? 'done' : 'notCompleted';
  if (FINISHED.includes(row.status) && score !== null && score >= PASS_PERCENT) return 'done';
  if (row.status === 'failed' || (score !== null && score < PASS_PERCENT)) return 'quizFailed';
  return 'quizMissing';
}

/** The SCORM status a knowledge check's score gives its lesson. */
export function quizStatus(percent: number): 'passed' | 'failed' {
  return percent >= PASS_PERCENT ? 'passed' : 'failed';
}

/** A course's length for the kursbevis: to the nearest half hour, never less than half an hour. */
export function courseHours(minutes: number): string {
  const halves = Math.max(1, Math.round(minutes / 30));
  if (halves === 1) return t('certificate.hoursHalf');
  if (halves === 2) return t('certificate.hoursOne');
  const hours = halves / 2;
  return t('certificate.hoursMany', { hours: new Intl.NumberFormat('nb-NO').format(hours) });
}
