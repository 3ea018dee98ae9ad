import { describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { serverApi } from '../../src/lib/pocketbase/lite-client';

// The fetch client must put values into a filter exactly as the SDK does: a learner's text in a
// filter is quoted, never spliced in raw.
describe('lite client filter', () => {
  const sdk = new PocketBase('http://127.0.0.1');
  const lite = serverApi();
  const cases: Array<[string, Record<string, unknown>]> = [
    ['user = {:u}', { u: 'abc123' }],
    ['text = {:t}', { t: `it's "quoted" \\ and {:u}` }],
    ['n = {:n} && b = {:b}', { n: 42, b: false }],
    ['x = {:x}', { x: null }],
    ['d = {:d}', { d: new Date('2026-11-29T10:00:00Z') }],
    ['a ?= {:a}', { a: ['a', 'b'] }],
    ['o = {:o}', { o: { k: 1 } }],
    ['missing = {:m}', {}],
  ];
  for (const [raw, params] of cases) {
    it(`${raw} ${JSON.stringify(params)}`, () => {
      expect(lite.filter(raw, params)).toBe(sdk.filter(raw, params));
    });
  }
});
