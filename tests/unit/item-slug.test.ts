// The player names a package item's progress row with itemSlug; the server's progress rule checks
// it with its own copy (pb_hooks/lib/item-slug.js, CommonJS for PocketBase's JS runtime). They must agree.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { itemSlug } from '../../src/lib/scorm/package-player';

const { itemSlug: serverSlug } = createRequire(import.meta.url)('../../pb_hooks/lib/item-slug.js') as { itemSlug: (s: string) => string };

describe('itemSlug', () => {
  it('gives the same lesson name in the player and on the server', () => {
    for (const id of ['ovelse-1', 'ITEM_Øvelse 2', 'Del.3/Æbler', '--', 'å'.repeat(200), 'SCO-ID-001', 'résumé_final']) {
      expect(serverSlug(id), id).toBe(itemSlug(id));
    }
    expect(itemSlug('ITEM_Øvelse 2')).toBe('item-ovelse-2');
  });
});
