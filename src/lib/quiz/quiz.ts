/** A knowledge check's scoring, in the browser (the questions are checked at build: quiz-schema.ts). */
export interface QuizQuestion {
  question: string;
  options: string[];
  correct: number;
  explanation: string;
}

export function quizScore(questions: QuizQuestion[], answers: Array<number | null>) {
  const right = questions.filter((q, i) => answers[i] === q.correct).length;
  return { right, total: questions.length, percent: Math.round((right / questions.length) * 100) };
}
