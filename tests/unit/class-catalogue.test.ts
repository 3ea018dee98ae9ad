import { describe, expect, it } from 'vitest';
import { ageGroup, bandOf, catalogue, catalogueSchema, dimension, dimensionsOf, domainMeans, effectiveScore } from '../../src/lib/class/catalogue';
import raw from '../../src/lib/class/catalogue.json' with { type: 'json' };

describe('the CLASS catalogue', () => {
  it('has Toddler with 2 domains and 8 dimensions', () => {
    const toddler = ageGroup('toddler');
    expect(toddler.domains.map((d) => d.abbr)).toEqual(['EBS', 'ESL']);
    expect(dimensionsOf('toddler')).toEqual([
      'positive-climate',
      'negative-climate',
      'teacher-sensitivity',
      'regard-for-child-perspectives',
      'behavior-guidance',
      'facilitation-of-learning-and-development',
      'quality-of-feedback',
      'language-modeling',
    ]);
  });

  it('has Pre-K with 3 domains and 10 dimensions', () => {
    expect(ageGroup('pre-k').domains.map((d) => [d.abbr, d.dimensions.length])).toEqual([
      ['ES', 4],
      ['CO', 3],
      ['IS', 3],
    ]);
    expect(dimensionsOf('pre-k')).toHaveLength(10);
  });

  it('uses the Norwegian labels of TETT PÅ, shared where the dimension is the same', () => {
    expect(dimension('regard-for-child-perspectives').nb).toBe('Ta barnets perspektiv');
    expect(dimension('regard-for-student-perspectives').nb).toBe('Ta barnets perspektiv');
    expect(dimension('behavior-guidance').nb).toBe('Veiledning og reguleringsstøtte');
    expect(dimension('language-modeling').nb).toBe('Språkstøtte');
    expect(ageGroup('pre-k').domains[1]!.nb).toBe('Organisering av avdeling');
  });

  it('scores only Negative Climate in reverse', () => {
    expect(catalogue.dimensions.filter((d) => d.reverse).map((d) => d.key)).toEqual(['negative-climate']);
    expect(effectiveScore('negative-climate', 2)).toBe(6);
    expect(effectiveScore('positive-climate', 2)).toBe(2);
  });

  it('computes a domain mean with Negative Climate as 8 − score, per domain, never summed', () => {
    // EBS by hand: PC 6, NC 2 → 6, TS 5, RCP 4, BG 4 → (6+6+5+4+4)/5 = 5. ESL: (3+2+4)/3 = 3.
    const means = domainMeans('toddler', {
      'positive-climate': 6,
      'negative-climate': 2,
      'teacher-sensitivity': 5,
      'regard-for-child-perspectives': 4,
      'behavior-guidance': 4,
      'facilitation-of-learning-and-development': 3,
      'quality-of-feedback': 2,
      'language-modeling': 4,
    });
    expect(means).toEqual({ 'emotional-and-behavioral-support': 5, 'engaged-support-for-learning': 3 });
  });

  it('places scores in the bands low 1–2, middle 3–5, high 6–7 and refuses anything else', () => {
    expect([1, 2, 3, 5, 6, 7].map((s) => bandOf(s).key)).toEqual(['low', 'low', 'middle', 'middle', 'high', 'high']);
    expect(() => bandOf(0)).toThrow();
    expect(() => bandOf(8)).toThrow();
    expect(() => bandOf(3.5)).toThrow();
  });

  it('rejects a catalogue whose age group names an unknown dimension', () => {
    const broken = structuredClone(raw);
    broken.ageGroups[0]!.domains[0]!.dimensions.push('made-up-dimension');
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
  });

  it('is the same file the PocketBase hooks read', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const fromHooks = require('../../pb_hooks/lib/catalogue.js');
    expect(fromHooks.dimensionsOf('pre-k')).toEqual(dimensionsOf('pre-k'));
    expect(fromHooks.dimensionsOf('toddler')).toEqual(dimensionsOf('toddler'));
  });
});
