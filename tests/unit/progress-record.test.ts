import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LESSON_STATUSES, mergeStatus, secondsToTimespan, stateFromCommit, type LessonStatus } from '../../src/lib/progress/progress-record';

const finishedTable = JSON.parse(readFileSync(new URL('../fixtures/finished-status.json', import.meta.url), 'utf8')) as {
  rows: { before: string; after: string; stored: string }[];
};

describe('a SCORM 1.2 commit as a progress row', () => {
  const ids = { course: 'nyansatt', lesson: 'hva-er-tett-pa' };

  it('takes status, score, location and suspend data from the commit', () => {
    const commit = {
      cmi: {
        core: { lesson_status: 'passed', lesson_location: 'side-3', score: { raw: '80' } },
        suspend_data: '{"svar":[1,2]}',
      },
    };
    expect(stateFromCommit(commit, ids, 95.4)).toEqual({
      ...ids,
      status: 'passed',
      score: 80,
      location: 'side-3',
      suspend_data: '{"svar":[1,2]}',
      time_seconds: 95,
    });
  });

  it('treats an empty score as no score and an unknown status as incomplete', () => {
    const state = stateFromCommit({ cmi: { core: { lesson_status: 'nonsense', score: { raw: '' } } } }, ids, 0);
    expect(state.score).toBeNull();
    expect(state.status).toBe('incomplete');
  });

  it('never turns a finished lesson back to incomplete', () => {
    expect(stateFromCommit({ cmi: { core: { lesson_status: 'incomplete' } } }, ids, 0, 'completed').status).toBe('completed');
    expect(mergeStatus('incomplete', 'completed')).toBe('completed');
    expect(mergeStatus('passed', 'failed')).toBe('passed');
    // Passed says the knowledge check too: a later "completed" must not undo it.
    expect(mergeStatus('passed', 'completed')).toBe('passed');
  });

  it('agrees with the server rule that keeps finished lessons finished', () => {
    // The same table the server's Go rule is tested against (server/progressrules).
    for (const { before, after, stored } of finishedTable.rows) {
      if (!(LESSON_STATUSES as readonly string[]).includes(after)) continue;
      expect(mergeStatus(before as LessonStatus, after as LessonStatus), `${before} → ${after}`).toBe(stored);
    }
  });

  it('writes time as a SCORM 1.2 timespan', () => {
    expect(secondsToTimespan(0)).toBe('0000:00:00');
    expect(secondsToTimespan(3725.9)).toBe('0001:02:05');
  });
});
