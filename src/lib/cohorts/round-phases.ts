/**
 * What the room's big screen shows, step by step: the vignette while the group codes, the group's
 * codes once revealed, then the reflection. Pure, so the keys and buttons share one rule.
 */
export type Phase = 'vignette' | 'chart' | 'reflection';
export const PHASES: Phase[] = ['vignette', 'chart', 'reflection'];

export type Step = { phase: Phase } | { reveal: true };

/** The next step; from the vignette before the reveal, the next step is the reveal itself. */
export function nextStep(phase: Phase, revealed: boolean): Step | null {
  if (phase === 'vignette') return revealed ? { phase: 'chart' } : { reveal: true };
  if (phase === 'chart') return { phase: 'reflection' };
  return null;
}

export function previousPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i > 0 ? PHASES[i - 1]! : null;
}

export type RoundKey = 'next' | 'previous' | 'reveal' | null;

/**
 * What a key press means on the big screen. Only keys that type nothing (arrows, Page Up/Down
 * as a presenter's clicker sends them, Enter), so no single-letter shortcut can fire by accident
 * (WCAG 2.1.4); Enter only when no button or link has focus, where it keeps its own meaning.
 */
export function roundKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, onControl: boolean): RoundKey {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'ArrowRight' || event.key === 'PageDown') return 'next';
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') return 'previous';
  if (event.key === 'Enter' && !onControl && !event.shiftKey) return 'reveal';
  return null;
}

/** PocketBase record ids: 15 lowercase letters and digits. */
export function isRecordId(id: string): boolean {
  return /^[a-z0-9]{15}$/.test(id);
}
