// The API answers web pages of the site's own origin only (CORS), and every page of the site
// carries a Content-Security-Policy whose script-src lists each inline script by its hash and
// never allows inline scripts as such.
import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const url = inject('pocketbaseUrl');
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');

describe('CORS', () => {
  it('gives a page of another origin no Access-Control-Allow-Origin, for a simple request or a preflight', async () => {
    const simple = await fetch(`${url}/api/health`, { headers: { Origin: 'https://angriper.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${url}/api/collections/users/auth-with-password`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://angriper.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('answers the site’s own origin', async () => {
    const res = await fetch(`${url}/api/health`, { headers: { Origin: url } });
    expect(res.headers.get('access-control-allow-origin')).toBe(url);
  });
});

function pagesOf(dir: string, prefix = '/'): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== '_astro') pages.push(...pagesOf(full, `${prefix}${entry}/`));
    } else if (entry === 'index.html') {
      pages.push(prefix);
    }
  }
  return pages;
}

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.split(/\s+/)[0] === name) ?? '';

describe('the Content-Security-Policy of the site', () => {
  it('is on every page, allows only our origin, and names every inline script by hash', async () => {
    const pages = [...pagesOf(dist), '/denne-siden-finnes-ikke/'];
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const res = await fetch(`${url}${page}`);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'default-src'), page).toBe("default-src 'self'");
      expect(directive(policy, 'frame-ancestors'), page).toBe("frame-ancestors 'self'");
      const scriptSrc = directive(policy, 'script-src');
      expect(scriptSrc, page).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const html = await res.text();
      for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
        expect(scriptSrc, `${page}: an inline script without its hash`).toContain(hash);
      }
    }
  });

  it('keeps everything else (scripts, images) to our own origin too', async () => {
    const res = await fetch(`${url}/favicon.svg`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
