import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from '../../src/lib/reflections/reflection-drafts';

function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}
const where = { course: 'ar-1-class', lesson: 'ansattes-sensitivitet', prompt: 'stille-signaler' };

describe('reflection drafts', () => {
  it('keeps a learner\'s text until cleared, and never shows it to another learner on the same device', () => {
    const store = memoryStore();
    writeDraft(store, 'a', where, { text: 'Min tekst', send: true });
    expect(readDraft(store, 'a', where)).toEqual({ text: 'Min tekst', send: true });
    expect(readDraft(store, 'b', where)).toBeNull();
    expect(readDraft(store, 'a', { ...where, prompt: 'annen' })).toBeNull();
    clearDraft(store, 'a', where);
    expect(readDraft(store, 'a', where)).toBeNull();
  });

  it('reads a damaged entry as no draft', () => {
    const store = memoryStore();
    store.setItem('tettpa.reflection-draft.a.ar-1-class/ansattes-sensitivitet/stille-signaler', '{"text": 3');
    expect(readDraft(store, 'a', where)).toBeNull();
  });
});
