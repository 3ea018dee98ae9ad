/**
 * What a learner has typed, kept on this device until the server has it: while it is being written
 * (so a lost session, a lost network or a closed tab loses nothing) and after "Lagre"/"Send" when it
 * could not be sent (then `send` is true and it goes as soon as the learner is online and logged in).
 * Per user, so that on a shared PC one learner's text is never shown to or sent as another's.
 * Plain type guards instead of zod: this is loaded by islands that should stay small.
 */
import type { KeyValueStore } from '../progress/commit-queue';

export interface Draft<T> {
  value: T;
  send: boolean;
}

/** Where a draft belongs: what kind of text, whose, and which page or round. */
export interface DraftPlace<T> {
  kind: string;
  userId: string;
  place: string;
  isValue: (value: unknown) => value is T;
}

export const draftKey = (p: DraftPlace<unknown>) => `tettpa.${p.kind}-draft.${p.userId}.${p.place}`;

export function readDraft<T>(store: KeyValueStore, p: DraftPlace<T>): Draft<T> | null {
  try {
    const raw: unknown = JSON.parse(store.getItem(draftKey(p)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { value, send } = raw as { value?: unknown; send?: unknown };
    return typeof send === 'boolean' && p.isValue(value) ? { value, send } : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(store: KeyValueStore, p: DraftPlace<T>, draft: Draft<T>): void {
  try {
    store.setItem(draftKey(p), JSON.stringify(draft));
  } catch {
    // A full storage must not stop the learner writing; the text is still on the page.
  }
}

export function clearDraft(store: KeyValueStore, p: DraftPlace<unknown>): void {
  try {
    store.removeItem(draftKey(p));
  } catch {
    // Nothing to do: an unreadable storage holds no draft either.
  }
}

/** Codes on the 1–7 scale, by dimension key: the value of a coding draft. */
export function isScores(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((score) => Number.isInteger(score) && score >= 1 && score <= 7)
  );
}
