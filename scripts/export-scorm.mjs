// `npm run export:scorm -- --out <mappe>`: every course as a SCORM 1.2 package, <kurs>.zip.
import path from 'node:path';
import { parseArgs } from 'node:util';
import siteConfig from '../astro.config.mjs';
import { exportScormPackages } from './lib/scorm-export.mjs';

let out;
try {
  ({ values: { out } } = parseArgs({ options: { out: { type: 'string' } } }));
} catch (error) {
  console.error(`Ukjent valg: ${error instanceof Error ? error.message : error}. Bruk: npm run export:scorm -- --out <mappe>`);
  process.exit(1);
}
if (!out) {
  console.error('Mangler --out: npm run export:scorm -- --out <mappe> (mappen der <kurs>.zip skrives).');
  process.exit(1);
}
const siteUrl = String(siteConfig.site);
if (/\/\/(127\.0\.0\.1|localhost)[:/]/.test(siteUrl)) {
  console.warn(`Merk: lenker fra leksjonene til nettstedet vil peke på ${siteUrl}. Sett TETTPA_SITE_URL til den offentlige adressen før du eksporterer pakker som skal brukes andre steder.`);
}
try {
  exportScormPackages(path.resolve(out), { siteUrl });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
