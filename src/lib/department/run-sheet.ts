/**
 * The reflecting-team run sheet: the steps, their suggested minutes and whose turn it is. The
 * programme does not prescribe the steps; these follow the lesson «Reflekterende team» (nyansatt)
 * and are the platform's suggestion, as the page says.
 */
export type Speaker = 'leader' | 'teller' | 'team' | 'all';

export interface Phase {
  key: 'intro' | 'read' | 'clarify' | 'worked' | 'wonder' | 'answer' | 'together';
  minutes: number;
  speaker: Speaker;
}

export const PHASES: readonly Phase[] = [
  { key: 'intro', minutes: 3, speaker: 'leader' },
  { key: 'read', minutes: 3, speaker: 'teller' },
  { key: 'clarify', minutes: 5, speaker: 'team' },
  { key: 'worked', minutes: 8, speaker: 'team' },
  { key: 'wonder', minutes: 8, speaker: 'team' },
  { key: 'answer', minutes: 5, speaker: 'teller' },
  { key: 'together', minutes: 8, speaker: 'all' },
];

/** The team in a round: everyone present except the teller, in a fixed order. */
export function teamOf<T extends { id: string }>(present: T[], tellerId: string): T[] {
  return present.filter((p) => p.id !== tellerId);
}

/** «mm:ss» of a number of seconds; negative time (over) counts up again. */
export function clock(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  return `${seconds < 0 ? '+' : ''}${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
