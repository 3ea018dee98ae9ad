import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { courseHours, lessonState, PASS_PERCENT, quizStatus } from '../../src/lib/certificate/requirements';

const server = createRequire(import.meta.url)('../../pb_hooks/lib/certificate-rules.js');

describe('what a kursbevis requires', () => {
  it('the site shows the same rule as the server decides by', () => {
    expect(PASS_PERCENT).toBe(server.PASS_PERCENT);
    const statuses = ['not attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed'];
    const scores = [null, 0, 1, 50, 79, 79.5, 80, 81, 100];
    for (const hasQuiz of [true, false]) {
      expect(lessonState(null, hasQuiz)).toBe(server.lessonState(null, hasQuiz));
      for (const status of statuses) {
        for (const score of scores) {
          expect(lessonState({ status, score }, hasQuiz), `${status} ${score} ${hasQuiz}`).toBe(server.lessonState({ status, score }, hasQuiz));
        }
      }
    }
  });

  it('a lesson with a check counts only when it is finished with at least 80 % right', () => {
    expect(lessonState({ status: 'passed', score: 80 }, true)).toBe('done');
    expect(lessonState({ status: 'completed', score: 95 }, true)).toBe('done');
    expect(lessonState({ status: 'completed', score: null }, true)).toBe('quizMissing');
    expect(lessonState({ status: 'completed', score: 0 }, true)).toBe('quizMissing');
    expect(lessonState({ status: 'completed', score: 79 }, true)).toBe('quizFailed');
    expect(lessonState({ status: 'failed', score: 0 }, true)).toBe('quizFailed');
    expect(lessonState({ status: 'incomplete', score: 100 }, true)).toBe('quizMissing');
    expect(lessonState({ status: 'completed', score: null }, false)).toBe('done');
    expect(lessonState({ status: 'incomplete', score: null }, false)).toBe('notCompleted');
  });

  it('the check gives the lesson passed at 80 % and failed below', () => {
    expect(quizStatus(80)).toBe('passed');
    expect(quizStatus(79)).toBe('failed');
  });

  it('states the course length in half hours, never less than one', () => {
    expect(courseHours(10)).toBe('en halv time');
    expect(courseHours(50)).toBe('1 time');
    expect(courseHours(95)).toBe('1,5 timer');
    expect(courseHours(160)).toBe('2,5 timer');
    expect(courseHours(240)).toBe('4 timer');
  });

  it('lists what is missing in course order', () => {
    const course = { lessons: [{ id: 'a', title: 'A', quiz: true }, { id: 'b', title: 'B', quiz: true }, { id: 'c', title: 'C', quiz: false }] };
    const missing = server.missingLessons(course, [{ lesson: 'b', status: 'passed', score: 100 }, { lesson: 'c', status: 'incomplete', score: 0 }]);
    expect(missing).toEqual([{ lesson: 'a', title: 'A', state: 'notStarted' }, { lesson: 'c', title: 'C', state: 'notCompleted' }]);
  });
});
