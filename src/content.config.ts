import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema } from './schemas/course';
import { lessonSchema } from './schemas/lesson';
import { vignetteSchema } from './schemas/vignette';

const coursesRoot = './src/content/courses';

/** One course per folder; its id is the folder name (`nyansatt`, `ar-1-class`, …). */
const courses = defineCollection({
  loader: glob({
    base: coursesRoot,
    pattern: '*/course.yaml',
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: courseSchema,
});

/** One MDX file per lesson; its id is `<course>/<lesson>`. */
const lessons = defineCollection({
  loader: glob({ base: coursesRoot, pattern: '*/*.mdx' }),
  schema: lessonSchema,
});

/** Only the public part of a vignette; master codes are in files this loader never reads. */
const vignettes = defineCollection({
  loader: glob({ base: './src/content/vignettes', pattern: '*.md' }),
  schema: vignetteSchema,
});

export const collections = { courses, lessons, vignettes };
