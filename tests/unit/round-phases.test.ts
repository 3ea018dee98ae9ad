import { describe, expect, it } from 'vitest';
import { isRecordId, nextStep, previousPhase, roundKey } from '../../src/lib/cohorts/round-phases';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra });

describe('the big screen of a live round', () => {
  it('steps from the vignette to the reveal, the chart and the reflection', () => {
    expect(nextStep('vignette', false)).toEqual({ reveal: true });
    expect(nextStep('vignette', true)).toEqual({ phase: 'chart' });
    expect(nextStep('chart', true)).toEqual({ phase: 'reflection' });
    expect(nextStep('reflection', true)).toBeNull();
    expect(previousPhase('reflection')).toBe('chart');
    expect(previousPhase('vignette')).toBeNull();
  });

  it('answers to a clicker’s keys and Enter, never to a letter', () => {
    expect(roundKey(key('PageDown'), false)).toBe('next');
    expect(roundKey(key('ArrowRight'), true)).toBe('next');
    expect(roundKey(key('PageUp'), false)).toBe('previous');
    expect(roundKey(key('Enter'), false)).toBe('reveal');
    // On a button, Enter presses the button.
    expect(roundKey(key('Enter'), true)).toBeNull();
    expect(roundKey(key('ArrowRight', { ctrlKey: true }), false)).toBeNull();
    for (const letter of ['v', 'n', 'r', 'f', ' ']) expect(roundKey(key(letter), false)).toBeNull();
  });

  it('knows a record id before asking the server (which would answer in English)', () => {
    expect(isRecordId('abcdefghij12345')).toBe(true);
    expect(isRecordId('')).toBe(false);
    expect(isRecordId('feil-id')).toBe(false);
  });
});
