// `npm run export:scorm`: one SCORM 1.2 package per course, its manifest valid against the
// SCORM 1.2 schemas (xmllint), built from the course's own titles, with every file it names in the
// zip and nothing else, and only relative URLs inside.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'yaml';
import { readLessons, coursesDir } from '../../scripts/lib/lesson-sources.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const xsdDir = path.join(root, 'scripts', 'lib', 'scorm12-xsd');
const XSDS = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'];

let out: string;
let exportRun: ReturnType<typeof spawnSync>;

/** The courses as the content says: id, title and lesson titles in the learners' order. */
function expectedCourses() {
  const lessons = readLessons();
  return readdirSync(coursesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      id: d.name,
      title: String(parse(readFileSync(path.join(coursesDir, d.name, 'course.yaml'), 'utf8')).title),
      lessons: lessons
        .filter((l) => l.course === d.name)
        .sort((a, b) => a.data.order - b.data.order)
        .map((l) => ({ id: l.file.replace(/\.mdx$/, ''), title: String(l.data.title) })),
    }));
}

/** A schema that imports IMS CP 1.1.2 and ADL's SCORM 1.2 extensions, as the README of the XSDs says. */
function wrapperSchema(dir: string): string {
  const file = path.join(dir, 'scorm12-wrapper.xsd');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="${path.join(xsdDir, 'imscp_rootv1p1p2.xsd')}"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="${path.join(xsdDir, 'adlcp_rootv1p2.xsd')}"/>
</xsd:schema>
`,
  );
  return file;
}

function xmllint(args: string[], input?: string) {
  const result = spawnSync('xmllint', args, { encoding: 'utf8', input });
  if (result.error) throw new Error(`xmllint mangler (apt-get install -y libxml2-utils): ${result.error.message}`);
  return result;
}

/** Values of an XPath (local names, the manifest's default namespace aside), in document order. */
function xpath(manifest: string, expression: string): string[] {
  const result = xmllint(['--xpath', expression, '-'], manifest);
  if (result.status !== 0) return [];
  return [...result.stdout.matchAll(/(?:\w+(?::\w+)?="([^"]*)")|<title>([^<]*)<\/title>/g)].map((m) => m[1] ?? m[2] ?? '');
}

const local = (name: string) => `*[local-name()='${name}']`;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'tettpa-scorm-export-'));
  exportRun = spawnSync('npm', ['run', '--silent', 'export:scorm', '--', '--out', out], { cwd: root, encoding: 'utf8' });
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('npm run export:scorm', () => {
  it('writes one zip per course', () => {
    expect(exportRun.status, `${exportRun.stdout}\n${exportRun.stderr}`).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expectedCourses().map((c) => `${c.id}.zip`).sort());
  });

  it('says in Norwegian what is missing when --out is not given', () => {
    const run = spawnSync('npm', ['run', '--silent', 'export:scorm'], { cwd: root, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Mangler --out');
  });

  it('the site build has the same packages for the admin page to offer', () => {
    for (const course of expectedCourses()) expect(existsSync(path.join(root, 'dist', 'scorm-pakker', `${course.id}.zip`)), course.id).toBe(true);
  });

  for (const course of expectedCourses()) {
    describe(course.id, () => {
      let files: Record<string, Uint8Array>;
      let manifest: string;
      beforeAll(() => {
        files = unzipSync(readFileSync(path.join(out, `${course.id}.zip`)));
        manifest = strFromU8(files['imsmanifest.xml'] ?? new Uint8Array());
      });

      it('has imsmanifest.xml at the root, valid against the SCORM 1.2 schemas', () => {
        expect(Object.keys(files)).toContain('imsmanifest.xml');
        const dir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-manifest-'));
        try {
          const schema = wrapperSchema(dir);
          writeFileSync(path.join(dir, 'imsmanifest.xml'), manifest);
          const valid = xmllint(['--noout', '--schema', schema, path.join(dir, 'imsmanifest.xml')]);
          expect(valid.stderr).toContain('imsmanifest.xml validates');
          expect(valid.status).toBe(0);
          // The check bites: a SCO type the schema does not know is refused.
          writeFileSync(path.join(dir, 'imsmanifest.xml'), manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="leksjon"'));
          expect(xmllint(['--noout', '--schema', schema, path.join(dir, 'imsmanifest.xml')]).status).not.toBe(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('names the organisation after the course and has one item per lesson, in order, each launching its own SCO', () => {
        expect(xpath(manifest, `//${local('organization')}/${local('title')}`)).toEqual([course.title]);
        expect(xpath(manifest, `//${local('item')}/${local('title')}`)).toEqual(course.lessons.map((l) => l.title));
        const refs = xpath(manifest, `//${local('item')}/@identifierref`);
        expect(refs).toEqual(course.lessons.map((l) => `sco-${l.id}`));
        for (const lesson of course.lessons) {
          const [type, href] = [
            xpath(manifest, `//${local('resource')}[@identifier='sco-${lesson.id}']/@*[local-name()='scormtype']`),
            xpath(manifest, `//${local('resource')}[@identifier='sco-${lesson.id}']/@href`),
          ];
          expect(type).toEqual(['sco']);
          expect(href).toEqual([`${lesson.id}.html`]);
          expect(Object.keys(files)).toContain(`${lesson.id}.html`);
        }
      });

      it('holds every file the manifest names, the schemas it points at, and nothing more', () => {
        const named = xpath(manifest, `//${local('file')}/@href`);
        expect(new Set(Object.keys(files))).toEqual(new Set(['imsmanifest.xml', ...XSDS, ...named]));
        for (const xsd of XSDS) expect(strFromU8(files[xsd]!)).toBe(readFileSync(path.join(xsdDir, xsd), 'utf8'));
      });

      it('uses relative URLs only: nothing under /_astro/, no link into the server', () => {
        for (const [name, data] of Object.entries(files)) {
          if (!/\.(html|js|css)$/.test(name)) continue;
          const text = strFromU8(data);
          expect(text, name).not.toContain('/_astro/');
          if (name.endsWith('.html')) {
            const rooted = [...text.matchAll(/\s(?:src|href|component-url|renderer-url|before-hydration-url)="(\/[^/"][^"]*)"/g)].map((m) => m[1]);
            expect(rooted, name).toEqual([]);
            for (const [, url] of text.matchAll(/\s(?:src|href|component-url|renderer-url)="(_astro\/[^"]+)"/g)) expect(files[url!], `${name} → ${url}`).toBeDefined();
          }
        }
      });
    });
  }
});
