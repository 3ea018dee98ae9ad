/** Reads and writes the caller's own rows of `progress` through the PocketBase SDK. */
import type PocketBase from 'pocketbase';
import { progressRecordSchema, type ProgressRecord, type ProgressState } from './progress-record';

const filterFor = (pb: PocketBase, userId: string, course: string, lesson: string) =>
  pb.filter('user = {:user} && course = {:course} && lesson = {:lesson}', { user: userId, course, lesson });

export async function loadLessonProgress(pb: PocketBase, userId: string, course: string, lesson: string): Promise<ProgressRecord | null> {
  const page = await pb.collection('progress').getList(1, 1, { filter: filterFor(pb, userId, course, lesson) });
  const first = page.items[0];
  return first ? progressRecordSchema.parse(first) : null;
}

export async function loadMyProgress(pb: PocketBase, userId: string): Promise<ProgressRecord[]> {
  const items = await pb.collection('progress').getFullList({ filter: pb.filter('user = {:user}', { user: userId }), sort: '-updated' });
  return items.map((item) => progressRecordSchema.parse(item));
}

/**
 * Creates or updates the one row of (user, course, lesson). The unique index makes a second
 * create fail, so a create that races another tab falls back to updating the row it lost to.
 */
export async function saveLessonProgress(pb: PocketBase, userId: string, state: ProgressState): Promise<void> {
  const existing = await loadLessonProgress(pb, userId, state.course, state.lesson);
  if (existing) {
    await pb.collection('progress').update(existing.id, state);
    return;
  }
  try {
    await pb.collection('progress').create({ ...state, user: userId });
  } catch (error) {
    const again = await loadLessonProgress(pb, userId, state.course, state.lesson);
    if (!again) throw error;
    await pb.collection('progress').update(again.id, state);
  }
}
