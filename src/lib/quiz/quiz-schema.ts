/** A knowledge check's questions as a lesson's MDX gives them, validated when the lesson is built. */
import * as z from 'zod/mini';

export const quizQuestionSchema = z
  .object({
    question: z.string().check(z.minLength(5, 'question er for kort')),
    options: z.array(z.string().check(z.minLength(1))).check(z.minLength(2, 'options trenger minst to svar'), z.maxLength(5, 'options kan ha høyst fem svar')),
    correct: z.number().check(z.int(), z.gte(0)),
    explanation: z.string().check(z.minLength(10, 'explanation må forklare svaret')),
  })
  .check(z.refine((q) => q.correct < q.options.length, 'correct peker på et svar som ikke finnes (tell fra 0)'));

export const quizSchema = z.array(quizQuestionSchema).check(z.minLength(3, 'en kunnskapssjekk har 3–6 spørsmål'), z.maxLength(6, 'en kunnskapssjekk har 3–6 spørsmål'));

// The browser (quiz-box.ts) reads the same fields through quiz.ts's plain QuizQuestion type;
// keep the two alike.
