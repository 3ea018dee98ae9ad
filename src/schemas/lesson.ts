import { z } from 'astro/zod';
import { audienceSchema, dimensionKeySchema } from './shared.ts';

/** Frontmatter of one lesson: `src/content/courses/<course>/<lesson>.mdx`. */
export const lessonSchema = z.object({
  /** The lesson's title as learners see it. */
  title: z.string({ error: 'title mangler: hver leksjon trenger en tittel' }).min(3, 'title er for kort'),
  /** Position within its course, starting at 1. */
  order: z.number({ error: 'order må være et tall (1, 2, 3 …)' }).int('order må være et heltall').min(1, 'order starter på 1'),
  /** One or two sentences shown in the course's list of lessons. */
  summary: z.string({ error: 'summary mangler: skriv én eller to setninger om leksjonen' }).min(10, 'summary er for kort'),
  /** Learning goals (læringsmål): what the learner can do afterwards. */
  goals: z
    .array(z.string().min(5, 'et læringsmål er for kort'), { error: 'goals må være en liste med læringsmål' })
    .min(1, 'goals trenger minst ett læringsmål'),
  /** Estimated time in minutes. */
  minutes: z
    .number({ error: 'minutes må være et tall: anslått tid i minutter' })
    .int('minutes må være et heltall')
    .min(1, 'minutes må være minst 1')
    .max(480, 'minutes kan ikke være over 480'),
  /** Who the lesson is written for. */
  audience: z.array(audienceSchema, { error: 'audience må være en liste, for eksempel [alle]' }).min(1, 'audience trenger minst én målgruppe'),
  /** CLASS dimensions the lesson treats: links to the practice vignettes of each. */
  dimensions: z.array(dimensionKeySchema).default([]),
});

export type Lesson = z.infer<typeof lessonSchema>;
