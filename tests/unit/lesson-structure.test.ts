// Every lesson is complete: learning goals, time, an everyday example (a practice story), a
// reflection and a knowledge check; dimension lessons link to their vignettes. And the courses
// have the size the programme asked for.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const coursesDir = path.resolve(import.meta.dirname, '../../src/content/courses');
const lessons = readdirSync(coursesDir).flatMap((course) =>
  readdirSync(path.join(coursesDir, course))
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const source = readFileSync(path.join(coursesDir, course, file), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      return { course, file, data: parse(front) as { goals?: string[]; minutes?: number; dimensions?: string[] }, body };
    }),
);
const count = (course: string) => lessons.filter((l) => l.course === course).length;

describe('the courses', () => {
  it('have 35 lessons or more in all', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(35);
  });

  it('have the number of lessons each course asks for', () => {
    expect(count('nyansatt')).toBeGreaterThanOrEqual(6);
    expect(count('nyansatt')).toBeLessThanOrEqual(8);
    expect(count('ar-2-sarbare-barn')).toBeGreaterThanOrEqual(6);
    expect(count('ar-2-sarbare-barn')).toBeLessThanOrEqual(8);
    expect(count('ar-3-snakke-med-barn')).toBeGreaterThanOrEqual(4);
    expect(count('ar-3-snakke-med-barn')).toBeLessThanOrEqual(6);
    // The short course for new styrere (issue 11): three to five lessons.
    expect(count('ny-styrer')).toBeGreaterThanOrEqual(3);
    expect(count('ny-styrer')).toBeLessThanOrEqual(5);
    // Introduction, ten dimension lessons, brain development and the monthly meeting guide.
    expect(count('ar-1-class')).toBeGreaterThanOrEqual(13);
    expect(lessons.filter((l) => l.course === 'assistentkurs' && l.file.startsWith('dag-1')).length).toBeGreaterThanOrEqual(2);
    expect(lessons.filter((l) => l.course === 'assistentkurs' && l.file.startsWith('dag-2')).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(lessons.map((l) => [`${l.course}/${l.file}`, l] as const))('%s', (_, lesson) => {
  it('has learning goals and an estimated time', () => {
    expect(lesson.data.goals?.length).toBeGreaterThan(0);
    expect(lesson.data.minutes).toBeGreaterThan(0);
  });

  it('has a concrete everyday example, a reflection and a knowledge check', () => {
    expect(lesson.body).toContain('<PracticeStory');
    expect(lesson.body).toContain('<Reflection');
    expect(lesson.body).toContain('<KnowledgeCheck');
  });

  it('links every CLASS dimension it treats to its card and its vignettes', () => {
    for (const key of lesson.data.dimensions ?? []) {
      expect(lesson.body).toContain(`<DimensionCard dimension="${key}"`);
      expect(lesson.body).toContain(`<VignetteLink dimension="${key}"`);
    }
  });
});
