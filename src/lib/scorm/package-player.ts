/**
 * Playing an uploaded package: where its commits go in `progress`, and what the player hands the
 * sandboxed package at start (see src/pages/scorm-bro.js.ts).
 */
import type { Scorm12Api } from './scorm12-api';

/** `progress.course` of a package: `pakke-<id>`. */
export const packageCourse = (packageId: string) => `pakke-${packageId}`;

/** `progress.lesson` of an item: its identifier made slug-safe (lower case, a–z, 0–9 and -). */
export function itemSlug(identifier: string): string {
  const slug = identifier
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  return slug || 'del';
}

/** The values a package may read right after LMSInitialize, from the running API. */
const HANDED = [
  'cmi.core.student_id',
  'cmi.core.student_name',
  'cmi.core.lesson_status',
  'cmi.core.lesson_location',
  'cmi.core.entry',
  'cmi.core.score.raw',
  'cmi.core.total_time',
  'cmi.core.lesson_mode',
  'cmi.core.credit',
  'cmi.suspend_data',
  'cmi.launch_data',
];

export function handedCmi(api: Scorm12Api): Record<string, string> {
  return Object.fromEntries(HANDED.map((key) => [key, String(api.LMSGetValue(key) ?? '')]));
}

/** The URL of a package file, served sandboxed by server/scorm_files.go; the ticket is in the path so relative links keep it. */
export const packageFileUrl = (packageId: string, ticket: string, launch: string) =>
  `/api/tettpa/scorm/packages/${encodeURIComponent(packageId)}/files/${encodeURIComponent(ticket)}/${encodeURI(launch)}`;

/**
 * What a progress row on a package is about: the package (removed or not) and the item, with a
 * link to play it while the package is there. Null when the row is not on a known package.
 */
export function packagePlace(
  packages: ReadonlyArray<{ id: string; title: string; removed: boolean; scos: ReadonlyArray<{ identifier: string; title: string }> }>,
  course: string,
  lesson: string,
): { title: string; removed: boolean; lessonTitle: string; url: string | null } | null {
  const pkg = packages.find((p) => packageCourse(p.id) === course);
  if (!pkg) return null;
  const sco = pkg.scos.find((s) => itemSlug(s.identifier) === lesson);
  return {
    title: pkg.title,
    removed: pkg.removed,
    lessonTitle: sco?.title ?? lesson,
    url: pkg.removed || !sco ? null : `/eksterne-kurs/?pakke=${encodeURIComponent(pkg.id)}&del=${encodeURIComponent(sco.identifier)}`,
  };
}
