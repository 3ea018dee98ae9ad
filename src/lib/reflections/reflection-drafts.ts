/**
 * A reflection kept on this device until the server has it (see drafts/draft-store): the text, and
 * whether "Lagre" was pressed so that it is sent as soon as network and session are back.
 */
import type { KeyValueStore } from '../progress/commit-queue';
import { readDraft as read, writeDraft as write, clearDraft as clear, type DraftPlace } from '../drafts/draft-store';

export type ReflectionDraft = { text: string; send: boolean };
type Where = { course: string; lesson: string; prompt: string };

const isText = (value: unknown): value is string => typeof value === 'string';
const placeOf = (userId: string, w: Where): DraftPlace<string> => ({ kind: 'reflection', userId, place: `${w.course}/${w.lesson}/${w.prompt}`, isValue: isText });

export function readDraft(store: KeyValueStore, userId: string, where: Where): ReflectionDraft | null {
  const draft = read(store, placeOf(userId, where));
  return draft ? { text: draft.value, send: draft.send } : null;
}

export function writeDraft(store: KeyValueStore, userId: string, where: Where, draft: ReflectionDraft): void {
  write(store, placeOf(userId, where), { value: draft.text, send: draft.send });
}

export function clearDraft(store: KeyValueStore, userId: string, where: Where): void {
  clear(store, placeOf(userId, where));
}
