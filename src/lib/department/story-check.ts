/**
 * Kind checks on a praksisfortelling while it is written: how long it is, and whether it seems to
 * name a child. Stories are about the adult; a child should not be recognisable. The name check is
 * a guess (a capitalised word that does not begin a sentence and is not a known place or a
 * colleague), so the form only warns and the writer confirms.
 */

export const MIN_WORDS = 100;
export const MAX_WORDS = 200;
export const MAX_CHARS = 2000;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export type Length = 'empty' | 'short' | 'good' | 'long' | 'tooLong';

export function lengthOf(text: string): Length {
  if (text.length > MAX_CHARS) return 'tooLong';
  const words = countWords(text);
  if (words === 0) return 'empty';
  if (words < MIN_WORDS) return 'short';
  return words <= MAX_WORDS ? 'good' : 'long';
}

/** Places in and around Bærum that a story may well name; they are not children. */
export const KNOWN_PLACES = [
  'Bærum', 'Sandvika', 'Oslo', 'Norge', 'Bekkestua', 'Stabekk', 'Fornebu', 'Lysaker', 'Høvik', 'Kolsås', 'Rykkinn', 'Eiksmarka',
  'Østerås', 'Haslum', 'Gjettum', 'Jar', 'Lommedalen', 'Tanum', 'Blommenholm', 'Hosle', 'Slependen', 'Vøyenenga', 'Asker',
  'Kalvøya', 'Kolsåstoppen', 'Bærumsmarka', 'Nordmarka',
];

/** Words that are capitalised for other reasons: the programme, the instrument, holidays. */
const NOT_NAMES = ['TETT', 'PÅ', 'CLASS', 'Jeg', 'Jul', 'Påske', 'Gud', 'Kompetanseteam'];

const SENTENCE_END = /[.!?:;«»"“”\-–—(\n]$/;

/** Capitalised words that may be a child's name, each once, in the order they appear. */
export function possibleNames(text: string, known: string[] = []): string[] {
  const allowed = new Set([...KNOWN_PLACES, ...NOT_NAMES, ...known.flatMap((n) => n.split(/\s+/))].map((w) => w.toLowerCase()));
  const found: string[] = [];
  const tokens = text.split(/(\s+)/);
  let previous = '\n';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (token.includes('\n')) previous = '\n';
      continue;
    }
    const opening = /^[«"“(\-–—]/.test(token);
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const startsSentence = SENTENCE_END.test(previous) || opening;
    const capitalised = /^\p{Lu}\p{Ll}+$/u.test(word);
    if (word && capitalised && !startsSentence && !allowed.has(word.toLowerCase()) && !found.includes(word)) found.push(word);
    previous = token;
  }
  return found;
}
