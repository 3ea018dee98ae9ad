// The hooks' calendar (pb_hooks/lib/calendar.js): working days before a meeting, Norwegian time.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

const calendar = createRequire(import.meta.url)('../../pb_hooks/lib/calendar.js') as {
  workingDaysBefore(day: string, count: number): string;
  osloDay(ms: number): string;
  formatInstant(ms: number): string;
  addMonths(month: string, n: number): string;
  isMonth(value: unknown): boolean;
};

describe('working days before a meeting', () => {
  it('skips the weekend', () => {
    expect(calendar.workingDaysBefore('2032-03-16', 3)).toBe('2032-03-11'); // Tuesday → the Thursday before
    expect(calendar.workingDaysBefore('2032-03-11', 3)).toBe('2032-03-08'); // Thursday → Monday
    expect(calendar.workingDaysBefore('2032-03-15', 3)).toBe('2032-03-10'); // Monday → Wednesday
  });
});

describe('Norwegian time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(calendar.formatInstant(Date.parse('2032-03-11T11:00:00Z'))).toBe('11. mars 2032 kl. 12.00');
    expect(calendar.formatInstant(Date.parse('2032-06-10T10:00:00Z'))).toBe('10. juni 2032 kl. 12.00');
    expect(calendar.osloDay(Date.parse('2032-01-31T23:30:00Z'))).toBe('2032-02-01');
  });
});

describe('months', () => {
  it('counts across a new year and checks the format', () => {
    expect(calendar.addMonths('2026-11', 2)).toBe('2027-01');
    expect(calendar.addMonths('2027-01', -12)).toBe('2026-01');
    expect(calendar.isMonth('2026-13')).toBe(false);
    expect(calendar.isMonth('2026-09')).toBe(true);
  });
});
