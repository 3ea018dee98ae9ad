/** The learner's own rows of `reflections` (private: the rules let nobody else read them). */
import * as z from 'zod/mini';
import type PocketBase from 'pocketbase';

const reflectionSchema = z.object({ id: z.string(), text: z.string() });
type Where = { course: string; lesson: string; prompt: string };

export async function loadReflection(pb: PocketBase, userId: string, where: Where) {
  const page = await pb.collection('reflections').getList(1, 1, {
    filter: pb.filter('user = {:u} && course = {:c} && lesson = {:l} && prompt = {:p}', { u: userId, c: where.course, l: where.lesson, p: where.prompt }),
  });
  return page.items[0] ? reflectionSchema.parse(page.items[0]) : null;
}

/** Saves the text and returns the record's id (creating the record the first time). */
export async function saveReflection(pb: PocketBase, userId: string, where: Where, text: string, id: string | null): Promise<string> {
  if (id) {
    await pb.collection('reflections').update(id, { text });
    return id;
  }
  const created = await pb.collection('reflections').create({ user: userId, ...where, text });
  return created.id;
}
