// Runs of seven words, folded so that the programme documents' OCR errors do not hide a copied
// sentence: both the seeds and our text go through the same fold, so a sentence written with the
// right letters meets its garbled twin in the seed.
import { createHash } from 'node:crypto';

export const shingleLength = 7;

// Standalone tokens the OCR made of the word «å» (3 skape, 8 minske, & fremme, G gi, § utvikle).
const lonelyAa = new Set(['3', '8', '&', '§', 'g', '@']);

/**
 * A word's consonant skeleton. The OCR turns ø into g, @, e or p; æ into z, e, ee, ae or a&e;
 * å into a; l and I into | or i; j into i (giennom); rn into m. So: lowercase, read rn as m,
 * drop every vowel and the letters the OCR confuses with vowels (g, j, l, z and the symbols),
 * and collapse doubled letters (ssmmen, sammen).
 */
export function foldWord(word) {
  let w = word.toLowerCase();
  if (lonelyAa.has(w)) w = 'å';
  w = w
    .replace(/rn/g, 'm')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[aeiouyæøåzgjl0-9@&|§]/g, '')
    .replace(/(.)\1+/g, '$1');
  return w || '·';
}

/** The words of a text as the fold sees them: letters, digits and the OCR's stand-in symbols. */
export function wordsOf(text) {
  return text.match(/[\p{L}\p{N}@&|§]+/gu) ?? [];
}

export function shingleHash(folded) {
  return createHash('sha256').update(folded.join(' ')).digest('hex').slice(0, 12);
}

/** Every run of seven words of a text: `{ hash, words }`, words as written. */
export function shinglesOf(text, n = shingleLength) {
  const words = wordsOf(text);
  const folded = words.map(foldWord);
  const runs = [];
  for (let i = 0; i + n <= words.length; i++) {
    runs.push({ hash: shingleHash(folded.slice(i, i + n)), words: words.slice(i, i + n).join(' ') });
  }
  return runs;
}

/**
 * The text a reader sees in a lesson or vignette source: component names and attribute names
 * are markup, not words (their string values are kept).
 */
export function readableText(source) {
  return source
    .replace(/<\/?[A-Z][\w.]*/g, ' ')
    .replace(/\b[a-zA-Z]+=(?=["{])/g, ' ')
    .replace(/\b(question|options|correct|explanation|title|order|summary|goals|minutes|audience|dimensions|teller):/g, ' ');
}
