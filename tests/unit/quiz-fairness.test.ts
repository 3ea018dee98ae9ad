// A knowledge check is worth its certificate only if the right answer cannot be found without
// reading: not by being the longest option, not by standing out in length from its neighbours.
import { describe, expect, it } from 'vitest';
import { courseFairness, type FairnessQuestion } from '../../src/lib/quiz/fairness';
import { quizSchema } from '../../src/lib/quiz/quiz-schema';
import { knowledgeChecks, readLessons } from '../../scripts/lib/lesson-sources.mjs';

const lessons = readLessons();
const byCourse = new Map<string, FairnessQuestion[]>();
for (const lesson of lessons) {
  for (const check of knowledgeChecks(lesson.body)) {
    const questions = quizSchema.parse(check.questions);
    const list = byCourse.get(lesson.course) ?? [];
    questions.forEach((q, i) => list.push({ ...q, where: `${lesson.course}/${lesson.file} #${check.id} spørsmål ${i + 1}` }));
    byCourse.set(lesson.course, list);
  }
}

describe('reading the knowledge checks', () => {
  it('finds the questions of every lesson', () => {
    const withCheck = lessons.filter((l) => l.body.includes('<KnowledgeCheck'));
    expect(withCheck.length).toBe(lessons.length);
    for (const lesson of withCheck) expect(knowledgeChecks(lesson.body).length, `${lesson.course}/${lesson.file}`).toBeGreaterThan(0);
  });

  it('keeps brackets and quotes inside an answer', () => {
    const body = `<KnowledgeCheck id="x" questions={[{ question: "Hva står i [klammer]?", options: ["a } b", 'c ] d'], correct: 0, explanation: "Fordi." }]} />`;
    expect(knowledgeChecks(body)[0]?.questions[0]?.options).toEqual(['a } b', 'c ] d']);
  });
});

describe.each([...byCourse.entries()])('the knowledge checks of %s', (course, questions) => {
  it('cannot be passed by picking the longest or the odd-length option', () => {
    expect(courseFairness(course, questions).problems).toEqual([]);
  });
});

// The check itself, on planted question sets, so it is known to fail when it should.
const q = (options: string[], correct: number, where = 'plantet'): FairnessQuestion => ({ where, question: 'Spørsmål?', options, correct });

describe('the fairness check', () => {
  it('fails a course where the longest option is right in more than a third of the questions', () => {
    const planted = [
      q(['Kort svar her', 'Det lengste svaret', 'Kort svar der'], 1, 'a'),
      q(['Kort svar her', 'Det lengste svaret', 'Kort svar der'], 1, 'b'),
      q(['Det lengste svaret', 'Kort svar her', 'Kort svar der'], 1, 'c'),
    ];
    const report = courseFairness('plantet', planted);
    expect(report.longestCorrect).toBe(2);
    expect(report.problems[0]).toMatch(/2 av 3/);
  });

  it('passes exactly one third, and counts a tie for longest as not longest', () => {
    const planted = [
      q(['Kort svar her', 'Det lengste svaret', 'Kort svar der'], 1),
      q(['Like langt A', 'Like langt B', 'Kort svar'], 0),
      q(['Det lengste svaret', 'Kort svar her', 'Kort svar der'], 2),
    ];
    expect(courseFairness('plantet', planted)).toEqual({ longestCorrect: 1, total: 3, problems: [] });
  });

  it('fails an option under half the median length of its question', () => {
    const report = courseFairness('plantet', [q(['Ja', 'Et helt vanlig svar', 'Et annet vanlig svar'], 1)]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/«Ja».*under halvparten/);
  });

  it('fails an option over twice the median length of its question', () => {
    const long = 'Et svar som er mye lengre enn de andre fordi det forklarer alt';
    const report = courseFairness('plantet', [q(['Kort svar', long, 'Svar to'], 0)]);
    expect(report.problems.some((p) => p.includes('over det dobbelte'))).toBe(true);
  });

  it('accepts options exactly at half and at twice the median', () => {
    expect(courseFairness('plantet', [q(['12345', '1234567890', '12345678901234567890'], 0)]).problems).toEqual([]);
  });
});
