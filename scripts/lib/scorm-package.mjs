// Turns the package build (astro.scorm.config.mjs → .cache/scorm-build) into one SCORM 1.2 zip per
// course: the lessons as SCOs at the package root, the scripts and styles they use under _astro/,
// the four SCORM 1.2 schemas the manifest names, and imsmanifest.xml. Nothing else goes in.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import * as z from 'zod/mini';
import { fromRoot } from './paths.mjs';

export const XSD_DIR = fromRoot('scripts', 'lib', 'scorm12-xsd');
/** The schema files a SCORM 1.2 manifest points at; SCORM 1.2 puts them at the package root. */
export const XSD_FILES = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'];

const catalogueSchema = z.object({
  courses: z.array(
    z.object({
      id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
      title: z.string().check(z.minLength(1)),
      lessons: z.array(
        z.object({
          id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
          title: z.string().check(z.minLength(1)),
          file: z.string(),
        }),
      ),
    }),
  ),
});

/** @typedef {z.infer<typeof catalogueSchema>['courses'][number]} PackageCourse */

/** The courses and lessons the package build wrote (its pakker.json), checked. */
export function readCatalogue(buildDir) {
  const file = path.join(buildDir, 'pakker.json');
  if (!existsSync(file)) throw new Error(`Fant ikke ${file}: pakkebygget (astro.scorm.config.mjs) har ikke kjørt.`);
  return z.parse(catalogueSchema, JSON.parse(readFileSync(file, 'utf8'))).courses;
}

const escapeXml = (text) =>
  String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

/**
 * imsmanifest.xml for one course: one organisation with the course's title, one item and one SCO
 * resource per lesson (in the learners' order), and one shared asset resource with the files the
 * lessons load.
 * @param {PackageCourse} course
 * @param {string[]} assets paths inside the package, e.g. `_astro/QuizBox.abc.js`
 */
export function manifestXml(course, assets) {
  const org = `org-${course.id}`;
  const items = course.lessons
    .map((l) => `      <item identifier="item-${l.id}" identifierref="sco-${l.id}" isvisible="true">\n        <title>${escapeXml(l.title)}</title>\n      </item>`)
    .join('\n');
  const scos = course.lessons
    .map(
      (l) =>
        `    <resource identifier="sco-${l.id}" type="webcontent" adlcp:scormtype="sco" href="${l.id}.html">\n` +
        `      <file href="${l.id}.html"/>\n` +
        `      <dependency identifierref="felles"/>\n` +
        `    </resource>`,
    )
    .join('\n');
  const files = assets.map((a) => `      <file href="${escapeXml(a)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tettpa-${course.id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${escapeXml(course.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="felles" type="webcontent" adlcp:scormtype="asset">
${files}
    </resource>
  </resources>
</manifest>
`;
}

/** Attributes in which Astro writes the URLs of a page's own scripts, styles and islands. */
const URL_ATTRIBUTES = /\s(src|href|component-url|renderer-url|before-hydration-url)="([^"]*)"/g;

/**
 * A lesson page made fit for a package: its own files become relative (`_astro/…`, the page sits
 * at the root), and links to pages of our site become absolute links to the site, opened in a new
 * window, since the package carries only its lessons.
 */
export function rewriteLessonHtml(html, siteUrl) {
  const site = siteUrl.replace(/\/$/, '');
  return html.replace(URL_ATTRIBUTES, (whole, name, url) => {
    if (url.startsWith('/_astro/')) return ` ${name}="${url.slice(1)}"`;
    if (url.startsWith('/') && !url.startsWith('//')) {
      return name === 'href' ? ` href="${escapeXml(site + url)}" target="_blank" rel="noopener"` : whole;
    }
    return whole;
  });
}

/** Every URL in a page that points into the package: what the page needs to work. */
export function packageUrlsOf(html) {
  const urls = [];
  for (const [, , url] of html.matchAll(URL_ATTRIBUTES)) if (url.startsWith('_astro/')) urls.push(url);
  return urls;
}

/** File names a built script or stylesheet refers to (its imports, preloads and url()s). */
function referencedNames(code) {
  const names = new Set();
  for (const [, name] of code.matchAll(/["'`(](?:\.\/)?([\w.-]+\.(?:js|mjs|css|woff2?|svg|png|jpe?g|webp|avif|gif))["'`)]/g)) names.add(name);
  return names;
}

/** The package files (`_astro/…`) the given pages need, following imports from script to script. */
export function traceAssets(buildDir, pageUrls) {
  const astroDir = path.join(buildDir, '_astro');
  const available = new Set(readdirSync(astroDir));
  const found = new Set();
  const queue = [...pageUrls];
  while (queue.length > 0) {
    const url = /** @type {string} */ (queue.pop());
    if (found.has(url)) continue;
    const name = url.slice('_astro/'.length);
    if (!available.has(name)) throw new Error(`Pakken trenger ${url}, men pakkebygget har ikke den filen.`);
    found.add(url);
    if (!/\.(js|mjs|css)$/.test(name)) continue;
    const code = readFileSync(path.join(astroDir, name), 'utf8');
    if (code.includes('/_astro/')) throw new Error(`${url} peker på /_astro/ med absolutt adresse; pakken må bruke relative adresser.`);
    for (const ref of referencedNames(code)) if (available.has(ref)) queue.push(`_astro/${ref}`);
  }
  return [...found].sort();
}

/** A fixed time for every entry, so the same content gives the same zip. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

/**
 * The zip of one course, and what went into it.
 * @param {PackageCourse} course
 * @returns {{ zip: Uint8Array, files: string[] }}
 */
export function packCourse(buildDir, course, siteUrl) {
  /** @type {Record<string, Uint8Array>} */
  const entries = {};
  const pageUrls = [];
  for (const lesson of course.lessons) {
    const html = rewriteLessonHtml(readFileSync(path.join(buildDir, lesson.file), 'utf8'), siteUrl);
    pageUrls.push(...packageUrlsOf(html));
    entries[`${lesson.id}.html`] = strToU8(html);
  }
  const assets = traceAssets(buildDir, pageUrls);
  for (const asset of assets) entries[asset] = readFileSync(path.join(buildDir, asset));
  for (const xsd of XSD_FILES) entries[xsd] = readFileSync(path.join(XSD_DIR, xsd));
  entries['imsmanifest.xml'] = strToU8(manifestXml(course, assets));
  const zip = zipSync(entries, { level: 9, mtime: ZIP_TIME });
  return { zip, files: Object.keys(entries).sort() };
}
