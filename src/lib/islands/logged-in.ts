/**
 * Mounts the islands that only a logged-in learner needs (LoggedInIsland.astro), each loaded when
 * a page has one: a reader who is not logged in never downloads them, nor Svelte, nor the SDK.
 */
import { mount, type Component } from 'svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = () => Promise<{ default: Component<any> }>;

const islands = {
  CourseProgress: () => import('../../components/CourseProgress.svelte'),
  CourseLessons: () => import('../../components/CourseLessons.svelte'),
  ExternalCourses: () => import('../../components/scorm/ExternalCourses.svelte'),
} satisfies Record<string, Loader>;

export type LoggedInIslandName = keyof typeof islands;

export function mountLoggedInIslands(): void {
  for (const target of document.querySelectorAll<HTMLElement>('[data-logged-in-island]')) {
    const load = (islands as Record<string, Loader>)[target.dataset.loggedInIsland ?? ''];
    if (!load) continue;
    const props = JSON.parse(target.dataset.props ?? '{}') as Record<string, unknown>;
    void load().then(({ default: island }) => {
      // The server's reader-view makes way for the live island (same markup, now with the learner's data).
      target.replaceChildren();
      mount(island, { target, props });
    });
  }
}
