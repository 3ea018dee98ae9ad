// Builds the package pages (astro.scorm.config.mjs) and writes one SCORM 1.2 zip per course.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from './paths.mjs';
import { packCourse, readCatalogue } from './scorm-package.mjs';

export const SCORM_BUILD_DIR = fromRoot('.cache', 'scorm-build');

export function buildPackagePages() {
  const result = spawnSync(process.execPath, [fromRoot('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--config', 'astro.scorm.config.mjs', '--silent'], {
    cwd: fromRoot(),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Byggingen av SCORM-sidene (astro build --config astro.scorm.config.mjs) feilet: se meldingen over.');
}

/**
 * @param {string} outDir
 * @param {{ siteUrl: string, build?: boolean, log?: (line: string) => void }} options
 * @returns {Array<{ course: string, file: string, bytes: number }>}
 */
export function exportScormPackages(outDir, { siteUrl, build = true, log = console.log }) {
  if (build) buildPackagePages();
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const course of readCatalogue(SCORM_BUILD_DIR)) {
    const { zip } = packCourse(SCORM_BUILD_DIR, course, siteUrl);
    const file = path.join(outDir, `${course.id}.zip`);
    writeFileSync(file, zip);
    written.push({ course: course.id, file, bytes: zip.byteLength });
    log(`SCORM-pakke: ${file} (${course.lessons.length} leksjoner, ${Math.round(zip.byteLength / 1024)} kB)`);
  }
  return written;
}
