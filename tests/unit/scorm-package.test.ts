import { describe, expect, it } from 'vitest';
import { manifestXml, packageUrlsOf, rewriteLessonHtml } from '../../scripts/lib/scorm-package.mjs';

describe('a lesson page made fit for a package', () => {
  const built = `<link rel="stylesheet" href="/_astro/_lesson_.abc.css"><a href="#maal">Mål</a>
<astro-island component-url="/_astro/QuizBox.x1.js" renderer-url="/_astro/client.svelte.y2.js"></astro-island>
<a href="/koding/?dimensjon=language-modeling">Øv</a><a href="https://example.org/">Ute</a><img src="//cdn.example.org/x.png">`;
  const html = rewriteLessonHtml(built, 'https://laering.example.no/');

  it('makes its own files relative to the package root', () => {
    expect(html).not.toContain('"/_astro/');
    expect(packageUrlsOf(html)).toEqual(['_astro/_lesson_.abc.css', '_astro/QuizBox.x1.js', '_astro/client.svelte.y2.js']);
  });

  it('turns links into our site into absolute links that open in a new window, and leaves the rest', () => {
    expect(html).toContain('href="https://laering.example.no/koding/?dimensjon=language-modeling" target="_blank" rel="noopener"');
    expect(html).toContain('href="#maal"');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('src="//cdn.example.org/x.png"');
  });
});

describe('imsmanifest.xml', () => {
  it('escapes titles and keeps the lessons in order', () => {
    const xml = manifestXml(
      { id: 'kurs', title: 'Barn & voksne <sammen>', lessons: [{ id: 'a', title: '«Første»', file: 'kurs/a.html' }, { id: 'b', title: 'Andre', file: 'kurs/b.html' }] },
      ['_astro/x.js'],
    );
    expect(xml).toContain('<title>Barn &amp; voksne &lt;sammen&gt;</title>');
    expect(xml.indexOf('item-a')).toBeLessThan(xml.indexOf('item-b'));
    expect(xml).toContain('<resource identifier="sco-a" type="webcontent" adlcp:scormtype="sco" href="a.html">');
    expect(xml).toContain('<file href="_astro/x.js"/>');
  });
});
