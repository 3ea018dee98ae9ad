// Options appear in an order of their own for each learner and question, the same on every visit;
// the answer is still scored by the option's original index.
import { describe, expect, it } from 'vitest';
import { optionOrder, questionSeed } from '../../src/lib/quiz/option-order';
import { quizScore } from '../../src/lib/quiz/quiz';

const users = Array.from({ length: 400 }, (_, i) => `bruker${String(i).padStart(6, '0')}`);

describe('the option order', () => {
  it('is a permutation of the options', () => {
    for (const user of users.slice(0, 50)) {
      for (const count of [2, 3, 4, 5]) expect([...optionOrder(count, user)].sort()).toEqual([...Array(count).keys()]);
    }
  });

  it('is the same every time for the same learner and question', () => {
    const seed = questionSeed('Hva er prosesskvalitet?', 'sjekk', 'abc123');
    expect(optionOrder(4, seed)).toEqual(optionOrder(4, seed));
  });

  it('differs between learners, and between questions for one learner', () => {
    const byUser = new Set(users.slice(0, 30).map((u) => optionOrder(4, questionSeed('Q?', 'sjekk', u)).join()));
    expect(byUser.size).toBeGreaterThan(10);
    const byQuestion = new Set(['A?', 'B?', 'C?', 'D?', 'E?', 'F?', 'G?', 'H?'].map((q) => optionOrder(4, questionSeed(q, 'sjekk', 'u1')).join()));
    expect(byQuestion.size).toBeGreaterThan(3);
  });

  it('gives a reader who is not logged in one fixed, shuffled order', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => questionSeed(`Spørsmål ${i}?`, 'sjekk', null));
    expect(optionOrder(4, seeds[0]!)).toEqual(optionOrder(4, questionSeed('Spørsmål 0?', 'sjekk', null)));
    // Most questions are not shown in the order they were written.
    expect(seeds.filter((s) => optionOrder(4, s).join() !== '0,1,2,3').length).toBeGreaterThan(30);
  });

  it('puts the written-first option in every place about equally often', () => {
    const places = [0, 0, 0, 0];
    for (const user of users) places[optionOrder(4, questionSeed('Hvor ofte observeres avdelingen?', 'sjekk', user)).indexOf(0)]! += 1;
    for (const n of places) expect(n).toBeGreaterThan(60);
  });

  it('leaves scoring to the original index', () => {
    const questions = [{ question: 'Q?', options: ['a', 'b', 'c'], correct: 2, explanation: 'Fordi c.' }];
    const order = optionOrder(3, 'bruker');
    const shownPlaceOfRight = order.indexOf(2);
    // The learner clicks the right answer wherever it is shown; the value stored is its original index.
    expect(quizScore(questions, [order[shownPlaceOfRight]!]).right).toBe(1);
  });
});
