import { z } from 'astro/zod';
import { catalogue } from '../lib/class/catalogue.ts';

const dimensionKeys = catalogue.dimensions.map((d) => d.key) as [string, ...string[]];

/** A CLASS dimension key from the catalogue (`positive-climate`, …). */
export const dimensionKeySchema = z.enum(dimensionKeys, {
  error: (issue) => `ukjent dimensjon «${String(issue.input)}»: bruk en nøkkel fra CLASS-katalogen`,
});

export const ageGroupKeySchema = z.enum(['toddler', 'pre-k'], {
  error: 'ageGroup må være toddler eller pre-k',
});

/** The groups a course or lesson is written for. */
export const audienceSchema = z.enum(['alle', 'nyansatte', 'pedagoger', 'assistenter', 'observatorer', 'ledere'], {
  error: (issue) =>
    `ukjent målgruppe «${String(issue.input)}»: bruk alle, nyansatte, pedagoger, assistenter, observatorer eller ledere`,
});
