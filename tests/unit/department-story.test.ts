// The praksisfortelling form's kind checks and the month's helpers.
import { describe, expect, it } from 'vitest';
import { countWords, lengthOf, possibleNames } from '../../src/lib/department/story-check';
import { dimensionFor, meetingStarted, schoolYear } from '../../src/lib/department/month';
import { monthContent } from '../../src/lib/department/page-data';
import { writingPrompts, parseWritingPrompts } from '../../src/lib/department/writing-prompts';
import { catalogue } from '../../src/lib/class/catalogue';

describe('word count', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Jeg satte meg ned – og ventet.')).toBe(6);
    expect(countWords('   ')).toBe(0);
  });
  it('says whether the story is about the right length', () => {
    expect(lengthOf('')).toBe('empty');
    expect(lengthOf('ord '.repeat(50))).toBe('short');
    expect(lengthOf('ord '.repeat(150))).toBe('good');
    expect(lengthOf('ord '.repeat(250))).toBe('long');
    expect(lengthOf('x'.repeat(2001))).toBe('tooLong');
  });
});

describe('a child’s name in the story', () => {
  it('finds a capitalised word inside a sentence', () => {
    expect(possibleNames('Jeg så at Mathias snudde bøtta. Da satte jeg meg ned.')).toEqual(['Mathias']);
  });
  it('ignores words that begin a sentence, a quote or a line', () => {
    expect(possibleNames('Jeg kom inn. Vi satte oss. «Hvor er bøtta?» spurte jeg.\nEtterpå gikk vi ut.')).toEqual([]);
  });
  it('ignores known places and the writer’s colleagues', () => {
    expect(possibleNames('Vi gikk til Kolsås med Kari Hansen og så på Sandvika.', ['Kari Hansen'])).toEqual([]);
  });
  it('names each possible name once', () => {
    expect(possibleNames('Jeg ga Nora spaden, og Nora smilte.')).toEqual(['Nora']);
  });
});

describe('the month', () => {
  it('follows the årshjul for the age group unless the leader chose another dimension', () => {
    const { plan } = monthContent();
    expect(dimensionFor(plan, 'toddler', '2026-11', null)).toBe('behavior-guidance');
    expect(dimensionFor(plan, 'pre-k', '2026-11', '')).toBe('behavior-management');
    expect(dimensionFor(plan, 'toddler', '2026-12', null)).toBeNull();
    expect(dimensionFor(plan, 'toddler', '2026-12', 'positive-climate')).toBe('positive-climate');
  });
  it('knows when the meeting has begun', () => {
    const now = new Date('2026-11-12T10:00:00Z');
    expect(meetingStarted('2026-11-12 09:59:00.000Z', now)).toBe(true);
    expect(meetingStarted('2026-11-12 10:01:00.000Z', now)).toBe(false);
    expect(meetingStarted('', now)).toBe(false);
  });
  it('a barnehage year runs from August to June', () => {
    expect(schoolYear('2027-02')).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
  });
});

describe('writing support', () => {
  it('has a description and two or three questions for every dimension', () => {
    for (const d of catalogue.dimensions) {
      expect(writingPrompts[d.key]?.questions.length, d.key).toBeGreaterThanOrEqual(2);
    }
  });
  it('stops the build when a dimension is missing, naming it', () => {
    expect(() => parseWritingPrompts('positive-climate: { description: "Varme og glede i samspillet.", questions: ["Når var det godt?", "Hva gjorde du?"] }')).toThrow(/mangler negative-climate/);
  });
});

describe('months without a new dimension', () => {
  it('carry the årshjul’s own words to the department’s pages', () => {
    const { notes, plan } = monthContent();
    expect(plan.toddler[12]).toBeNull();
    expect(notes.toddler[12]).toMatch(/førjulstid/);
    expect(notes['pre-k'][11]).toBeNull();
  });
});
