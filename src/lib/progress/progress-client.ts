/** Reads and writes the caller's own rows of `progress` through the PocketBase SDK. */
import type { ServerApi } from '../pocketbase/server-api';
import { readProgressRecord, type ProgressRecord, type ProgressState } from './progress-record';
import { CommitQueue } from './commit-queue';

const filterFor = (pb: ServerApi, userId: string, course: string, lesson: string) =>
  pb.filter('user = {:user} && course = {:course} && lesson = {:lesson}', { user: userId, course, lesson });

export async function loadLessonProgress(pb: ServerApi, userId: string, course: string, lesson: string): Promise<ProgressRecord | null> {
  const page = await pb.collection('progress').getList(1, 1, { filter: filterFor(pb, userId, course, lesson) });
  const first = page.items[0];
  return first ? readProgressRecord(first) : null;
}

export async function loadMyProgress(pb: ServerApi, userId: string): Promise<ProgressRecord[]> {
  const items = await pb.collection('progress').getFullList({ filter: pb.filter('user = {:user}', { user: userId }), sort: '-updated' });
  return items.map(readProgressRecord);
}

/**
 * Creates or updates the one row of (user, course, lesson). The unique index makes a second
 * create fail, so a create that races another tab falls back to updating the row it lost to.
 */
export async function saveLessonProgress(pb: ServerApi, userId: string, state: ProgressState): Promise<void> {
  const existing = await loadLessonProgress(pb, userId, state.course, state.lesson);
  // keepalive lets the last write finish while the learner leaves the page.
  if (existing) {
    await pb.collection('progress').update(existing.id, state, { keepalive: true });
    return;
  }
  try {
    await pb.collection('progress').create({ ...state, user: userId }, { keepalive: true });
  } catch (error) {
    const again = await loadLessonProgress(pb, userId, state.course, state.lesson);
    if (!again) throw error;
    await pb.collection('progress').update(again.id, state);
  }
}

/**
 * Sends what this device still holds for the learner before a page reads their progress, so
 * that Min side and the course pages never show less than the learner has done.
 */
export async function flushPendingProgress(pb: ServerApi, userId: string): Promise<void> {
  const queue = new CommitQueue(userId, localStorage);
  if (queue.pending().length > 0) await queue.flush((state) => saveLessonProgress(pb, userId, state));
}

/** The learner's progress rows, after sending anything still queued on this device. */
export async function loadMyProgressFresh(pb: ServerApi, userId: string): Promise<ProgressRecord[]> {
  await flushPendingProgress(pb, userId);
  return loadMyProgress(pb, userId);
}
