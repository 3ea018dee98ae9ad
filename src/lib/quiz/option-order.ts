/**
 * The order a learner sees a question's options in: random per learner and question, so nobody
 * learns "the answer is the second one" from a colleague, yet the same every time the learner
 * comes back. Scoring never sees this order; it keeps the original index of each option.
 */

/** A 32-bit hash of a string (FNV-1a): the same seed gives the same order on every device. */
export function seedHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, good enough to shuffle a handful of options. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The original indexes of `count` options in display order (Fisher–Yates with a seeded generator). */
export function optionOrder(count: number, seed: string): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = generator(seedHash(seed));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The seed of one question for one reader. A reader who is not logged in gets the same shuffled
 * order as every other such reader (and the page as built shows it), a learner gets their own.
 */
export function questionSeed(question: string, quizId: string, userId: string | null): string {
  return `${userId ?? 'anonym'}\u0000${quizId}\u0000${question}`;
}
