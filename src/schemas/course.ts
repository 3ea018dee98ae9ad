import { z } from 'astro/zod';
import { audienceSchema } from './shared.ts';

/** A course's own description: `src/content/courses/<course>/course.yaml`. */
export const courseSchema = z.object({
  /** The course's title as learners see it. */
  title: z.string({ error: 'title mangler: hvert kurs trenger en tittel' }).min(3, 'title er for kort'),
  /** Position in the course list. */
  order: z.number({ error: 'order må være et tall' }).int().min(1),
  /** Two or three sentences on what the course gives. */
  summary: z.string({ error: 'summary mangler' }).min(10, 'summary er for kort'),
  /** Who the course is for. */
  audience: z.array(audienceSchema).min(1, 'audience trenger minst én målgruppe'),
  /** Year of TETT PÅ the course belongs to, where it belongs to one. */
  year: z.number().int().min(1).max(3).optional(),
});

export type Course = z.infer<typeof courseSchema>;
