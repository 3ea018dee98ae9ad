// PocketBase serves the built site from dist/ on the same origin as the API.
import { describe, expect, inject, it } from 'vitest';

const url = inject('pocketbaseUrl');

describe('the site on the PocketBase origin', () => {
  it('serves the home page in Norwegian', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain('Tett på læring');
  });

  it('serves the first lesson of the nyansatt course', async () => {
    const res = await fetch(`${url}/kurs/nyansatt/hva-er-tett-pa/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Hva er TETT PÅ?');
  });

  it('answers a missing page with a real 404 and a Norwegian page', async () => {
    const res = await fetch(`${url}/kurs/finnes-ikke/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Fant ikke siden');
  });

  it('keeps the API on the same origin, with JSON errors', async () => {
    const res = await fetch(`${url}/api/collections/progress/records`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], totalItems: 0 });
  });

  it('caches fingerprinted assets for good and pages not at all', async () => {
    const html = await (await fetch(`${url}/logg-inn/`)).text();
    const asset = /\/_astro\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const res = await fetch(`${url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/`)).headers.get('cache-control')).toBe('no-cache');
  });
});
