// Facts carry over from the programme's documents, sentences never do: no lesson, course
// description or vignette may share a run of seven words with the seeds. The seeds are not in the
// repo (CI runs on a clean clone), so the test compares with hashes that `scripts/seed-shingles.mjs`
// made from them, after folding case, punctuation and the OCR's letter mix-ups.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { coursesDir, readLessons, readVignettes } from '../../scripts/lib/lesson-sources.mjs';
import { foldWord, readableText, shinglesOf } from '../../scripts/lib/shingles.mjs';

const fixture = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-shingles.json'), 'utf8')) as { hashes: string[] };
const seedHashes = new Set(fixture.hashes);

/** The seven-word runs a text shares with the seeds; each part is read on its own. */
function runsInCommon(...parts: readonly string[]): string[] {
  const runs = parts.flatMap((part) => shinglesOf(readableText(part)));
  return [...new Set(runs.filter((s) => seedHashes.has(s.hash)).map((s) => s.words))];
}

// A lesson's frontmatter is read for what a learner sees (title, summary, goals), not its numbers.
const lessonParts = (l: { data: { title?: string; summary?: string; goals?: string[] }; body: string }) => [
  l.data.title ?? '',
  l.data.summary ?? '',
  ...(l.data.goals ?? []),
  l.body,
];

const texts: Array<readonly [string, readonly string[]]> = [
  ...readLessons().map((l) => [`${l.course}/${l.file}`, lessonParts(l)] as const),
  ...readdirSync(coursesDir).map((c) => [`${c}/course.yaml`, [readFileSync(path.join(coursesDir, c, 'course.yaml'), 'utf8')]] as const),
  ...readVignettes().map((v) => [`vignetter/${v.file}`, [v.source]] as const),
];

describe.each(texts)('%s', (_, parts) => {
  it('shares no run of seven words with the programme documents', () => {
    expect(runsInCommon(...parts)).toEqual([]);
  });
});

describe('the seven-word check', () => {
  it('knows the seeds', () => {
    expect(seedHashes.size).toBeGreaterThan(5000);
  });

  // Positive control: one sentence of the programme description, written here with the right
  // Norwegian letters while the seed has them garbled by the OCR (ø as g, æ as ee, å as a). A test
  // cannot build it from the hashes, so it is kept here on purpose; it must be found.
  const planted = 'Støtte til læring og utvikling fremmer barns språklige og kognitive utvikling.';

  it('finds a planted sentence from the seeds, across the OCR mix-ups', () => {
    const found = runsInCommon(`Vi skrev at ${planted} Det var for likt.`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^Støtte til læring/);
  });

  it('lets the same fact in our own words pass', () => {
    expect(runsInCommon('Når de voksne støtter læringen, får barna hjelp til å utvikle både språket og tenkningen sin.')).toEqual([]);
  });

  it('folds the mix-ups the OCR made', () => {
    expect(foldWord('hgykvalitet')).toBe(foldWord('høykvalitet'));
    expect(foldWord('lzering')).toBe(foldWord('læring'));
    expect(foldWord('giennom')).toBe(foldWord('gjennom'));
    expect(foldWord('ssmmen')).toBe(foldWord('sammen'));
    expect(foldWord('tII')).toBe(foldWord('til'));
    expect(foldWord('3')).toBe(foldWord('å'));
  });

  it('reads the words of a lesson, not its markup', () => {
    expect(readableText('<PracticeStory title="Ved vasken" teller="Assistent">')).not.toMatch(/PracticeStory|title|teller/);
  });
});
