import { describe, expect, inject, it } from 'vitest';
import catalogue from '../../src/lib/class/catalogue.json' with { type: 'json' };

describe('the hooks read the same CLASS catalogue as the site', () => {
  it('serves the catalogue file unchanged', async () => {
    const res = await fetch(`${inject('pocketbaseUrl')}/api/tettpa/catalogue`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(catalogue);
  });
});
