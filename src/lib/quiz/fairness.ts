/**
 * Whether a course's knowledge checks can be passed without reading: the right answer must not be
 * findable by its length. A course fails when the correct option is the (strictly) longest one in
 * more than a third of its questions, or when any option is less than half or more than twice the
 * median length of its question's options.
 */
export interface FairnessQuestion {
  /** Where the question lives, for the message (`nyansatt/hva-er-tett-pa.mdx`, question 2). */
  where: string;
  question: string;
  options: string[];
  correct: number;
}

export interface FairnessReport {
  longestCorrect: number;
  total: number;
  problems: string[];
}

export const longestShareLimit = 1 / 3;
export const lengthRatioLimit = 2;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** True when the correct option is longer than every other option of its question. */
export function correctIsLongest(q: Pick<FairnessQuestion, 'options' | 'correct'>): boolean {
  const right = q.options[q.correct]?.length ?? 0;
  return q.options.every((option, i) => i === q.correct || option.length < right);
}

/** The options whose length is out of bounds, as messages. */
export function lengthOutliers(q: FairnessQuestion): string[] {
  const lengths = q.options.map((o) => o.length);
  const mid = median(lengths);
  return q.options.flatMap((option, i) => {
    const len = lengths[i]!;
    if (len * lengthRatioLimit >= mid && len <= mid * lengthRatioLimit) return [];
    const side = len < mid ? 'under halvparten av' : 'over det dobbelte av';
    return [`${q.where}: svaret «${option}» (${len} tegn) er ${side} medianen ${mid} for «${q.question}»`];
  });
}

/** Checks one course's questions together; an empty `problems` means fair. */
export function courseFairness(course: string, questions: FairnessQuestion[]): FairnessReport {
  const longest = questions.filter(correctIsLongest);
  const problems = questions.flatMap(lengthOutliers);
  if (questions.length > 0 && longest.length > questions.length * longestShareLimit) {
    problems.unshift(
      `${course}: det riktige svaret er det lengste i ${longest.length} av ${questions.length} spørsmål (høyst en tredjedel er lov): ` +
        longest.map((q) => q.where).join(', '),
    );
  }
  return { longestCorrect: longest.length, total: questions.length, problems };
}
