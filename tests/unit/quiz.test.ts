import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../src/lib/quiz/quiz-schema';
import { quizScore } from '../../src/lib/quiz/quiz';

const q = (correct: number, options = ['a', 'b', 'c']) => ({ question: 'Hva er riktig?', options, correct, explanation: 'Fordi det er slik.' });

describe('a knowledge check', () => {
  it('accepts 3–6 well-formed questions', () => {
    expect(quizSchema.safeParse([q(0), q(1), q(2)]).success).toBe(true);
  });

  it('refuses too few or too many questions, and a correct answer that does not exist', () => {
    expect(quizSchema.safeParse([q(0), q(1)]).success).toBe(false);
    expect(quizSchema.safeParse(Array.from({ length: 7 }, () => q(0))).success).toBe(false);
    const broken = quizSchema.safeParse([q(0), q(1), q(3)]);
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.message).toMatch(/tell fra 0/);
  });

  it('scores the right answers as a percentage', () => {
    const questions = [q(0), q(1), q(2)];
    expect(quizScore(questions, [0, 1, 0])).toEqual({ right: 2, total: 3, percent: 67 });
    expect(quizScore(questions, [0, 1, 2]).percent).toBe(100);
  });
});
