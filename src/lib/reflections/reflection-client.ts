/** The learner's own rows of `reflections` (private: the rules let nobody else read them). */
import { fields, text } from '../shape';
import type { ServerApi } from '../pocketbase/server-api';

const readReflection = (value: unknown) => {
  const o = fields(value);
  return { id: text(o, 'id'), text: text(o, 'text') };
};
type Where = { course: string; lesson: string; prompt: string };

export async function loadReflection(pb: ServerApi, userId: string, where: Where) {
  const page = await pb.collection('reflections').getList(1, 1, {
    filter: pb.filter('user = {:u} && course = {:c} && lesson = {:l} && prompt = {:p}', { u: userId, c: where.course, l: where.lesson, p: where.prompt }),
  });
  return page.items[0] ? readReflection(page.items[0]) : null;
}

/** Saves the text and returns the record's id (creating the record the first time). */
export async function saveReflection(pb: ServerApi, userId: string, where: Where, text: string, id: string | null): Promise<string> {
  if (id) {
    await pb.collection('reflections').update(id, { text });
    return id;
  }
  const created = await pb.collection('reflections').create({ user: userId, ...where, text });
  return created.id;
}
