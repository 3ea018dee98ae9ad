/**
 * The learner's place in a lesson is the last heading scrolled past; it goes to
 * `cmi.core.lesson_location` and is saved with the next commit (at the latest when leaving).
 */
import type { Scorm12Api } from './scorm12-api';

export function watchLessonPlace(api: Scorm12Api, root: ParentNode = document): () => void {
  const headings = [...root.querySelectorAll<HTMLElement>('article h2[id], article h3[id]')];
  if (headings.length === 0) return () => {};
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) api.LMSSetValue('cmi.core.lesson_location', entry.target.id);
      }
    },
    { rootMargin: '0px 0px -70% 0px' },
  );
  headings.forEach((h) => observer.observe(h));
  return () => observer.disconnect();
}
