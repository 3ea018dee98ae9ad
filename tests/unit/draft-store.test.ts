import { describe, expect, it } from 'vitest';
import { clearDraft, isScores, readDraft, writeDraft, type DraftPlace } from '../../src/lib/drafts/draft-store';

function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}
const codes = (userId: string, place = 'vignette/ballek-i-gangen'): DraftPlace<Record<string, number>> => ({ kind: 'codes', userId, place, isValue: isScores });

describe('drafts kept on the device', () => {
  it('keeps codes per learner and place until cleared', () => {
    const store = memoryStore();
    writeDraft(store, codes('a'), { value: { 'emotional-support': 5 }, send: true });
    expect(readDraft(store, codes('a'))).toEqual({ value: { 'emotional-support': 5 }, send: true });
    expect(readDraft(store, codes('b'))).toBeNull();
    expect(readDraft(store, codes('a', 'round/xyz'))).toBeNull();
    clearDraft(store, codes('a'));
    expect(readDraft(store, codes('a'))).toBeNull();
  });

  it('reads anything that is not a draft of its kind as no draft', () => {
    const store = memoryStore();
    for (const raw of ['{"value": {"x": 9}, "send": true}', '{"value": {"x": 2}}', '[1,2]', '{"value"', 'null']) {
      store.setItem('tettpa.codes-draft.a.vignette/ballek-i-gangen', raw);
      expect(readDraft(store, codes('a'))).toBeNull();
    }
  });

  it('accepts only whole codes from 1 to 7', () => {
    expect(isScores({ a: 1, b: 7 })).toBe(true);
    expect(isScores({})).toBe(true);
    expect(isScores({ a: 0 })).toBe(false);
    expect(isScores({ a: 4.5 })).toBe(false);
    expect(isScores([3])).toBe(false);
    expect(isScores('4')).toBe(false);
  });
});
