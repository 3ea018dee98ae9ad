/**
 * A reflection kept on this device until the server has it: while it is being written (so a lost
 * session or a closed tab loses nothing) and after "Lagre" when the network or the session was
 * gone (then `send` is true and it is sent as soon as the learner is online and logged in again).
 * Per user, so that on a shared PC one learner's text is never shown to or sent as another.
 */
import { bool, fields, text } from '../shape';
import type { KeyValueStore } from '../progress/commit-queue';

export interface ReflectionDraft {
  text: string;
  send: boolean;
}
type Where = { course: string; lesson: string; prompt: string };

const keyOf = (userId: string, w: Where) => `tettpa.reflection-draft.${userId}.${w.course}/${w.lesson}/${w.prompt}`;

export function readDraft(store: KeyValueStore, userId: string, where: Where): ReflectionDraft | null {
  try {
    const raw: unknown = JSON.parse(store.getItem(keyOf(userId, where)) ?? 'null');
    if (raw === null) return null;
    const o = fields(raw);
    return { text: text(o, 'text'), send: bool(o, 'send') };
  } catch {
    return null;
  }
}

export function writeDraft(store: KeyValueStore, userId: string, where: Where, draft: ReflectionDraft): void {
  try {
    store.setItem(keyOf(userId, where), JSON.stringify(draft));
  } catch {
    // A full storage must not stop the learner writing; the text is still in the box.
  }
}

export function clearDraft(store: KeyValueStore, userId: string, where: Where): void {
  store.removeItem(keyOf(userId, where));
}
