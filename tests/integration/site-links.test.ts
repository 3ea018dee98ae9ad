// Every link inside the built site leads to a page that exists.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_astro' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

function targetExists(href: string): boolean {
  const clean = decodeURI(href.split('#')[0]!.split('?')[0]!);
  const file = path.join(dist, clean);
  if (clean.endsWith('/')) return existsSync(path.join(file, 'index.html'));
  return existsSync(file) && statSync(file).isFile();
}

describe('links inside the site', () => {
  const pages = htmlFiles(dist);

  it('the built site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('every internal link resolves to a built page or file', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
        const href = match[1]!;
        if (href.startsWith('/api/') || href.startsWith('/_/')) continue;
        checked += 1;
        if (!targetExists(href)) broken.push(`${path.relative(dist, page)} → ${href}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
