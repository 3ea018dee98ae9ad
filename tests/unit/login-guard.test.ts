// The arithmetic of the login guard: when an account closes, and for how long.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

const guard = createRequire(import.meta.url)('../../pb_hooks/lib/login-guard.js');
const MINUTE = 60_000;

describe('the login guard', () => {
  it('counts failures within a 15-minute window and starts a new window after it', () => {
    let entry = null;
    for (let i = 0; i < 3; i++) entry = guard.afterFailure(entry, 1_000 + i * MINUTE);
    expect(entry).toEqual({ since: 1_000, failures: 3 });
    expect(guard.afterFailure(entry, 1_000 + 15 * MINUTE)).toEqual({ since: 1_000 + 15 * MINUTE, failures: 1 });
  });

  it('closes an account at ten failures, and only for what is left of the window', () => {
    expect(guard.MAX_FAILURES).toBe(10);
    expect(guard.minutesLocked({ since: 0, failures: 9 }, MINUTE)).toBe(0);
    expect(guard.minutesLocked({ since: 0, failures: 10 }, MINUTE)).toBe(14);
    expect(guard.minutesLocked({ since: 0, failures: 10 }, 14 * MINUTE + 1)).toBe(1);
    expect(guard.minutesLocked({ since: 0, failures: 10 }, 15 * MINUTE)).toBe(0);
    expect(guard.minutesLocked(null, 0)).toBe(0);
  });

  it('counts an address however it is typed', () => {
    expect(guard.keyFor('  Kari@Demo.TettPa.no ')).toBe(guard.keyFor('kari@demo.tettpa.no'));
    expect(guard.keyFor('kari@demo.tettpa.no')).not.toBe(guard.keyFor('kari2@demo.tettpa.no'));
  });

  it('tells the learner in Norwegian how long to wait', () => {
    expect(guard.lockedMessage(1)).toMatch(/stengt for innlogging i 1 minutt\./);
    expect(guard.lockedMessage(14)).toMatch(/i 14 minutter\./);
  });
});

describe('cleaning up', () => {
  it('forgets only the counts whose window has passed, and nothing else in the store', () => {
    const data = new Map<string, unknown>([
      [guard.keyFor('gammel@x.no'), { since: 0, failures: 10 }],
      [guard.keyFor('fersk@x.no'), { since: 10 * MINUTE, failures: 2 }],
      ['noe-annet', { since: 0 }],
    ]);
    const store = { getAll: () => Object.fromEntries(data), remove: (key: string) => data.delete(key) };
    guard.forgetOld(store, 16 * MINUTE);
    expect([...data.keys()]).toEqual([guard.keyFor('fersk@x.no'), 'noe-annet']);
  });
});
