// The hooks need the årshjul too (the department's month follows it), but PocketBase's JS runtime
// has no YAML parser. So every server start writes the plan as JSON next to the build cache; the
// YAML file in src/content stays the one source (the site build validates it with zod).
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from './paths.mjs';

export const ARSHJUL_JSON = fromRoot('.cache', 'arshjul.json');

/** Writes .cache/arshjul.json from src/content/arshjul.yaml when it differs; returns its path. */
export function writeArshjulJson() {
  const plan = parse(readFileSync(fromRoot('src', 'content', 'arshjul.yaml'), 'utf8'));
  if (!plan || !Array.isArray(plan.months)) throw new Error('src/content/arshjul.yaml: fant ingen «months».');
  const json = `${JSON.stringify({ months: plan.months }, null, 1)}\n`;
  if (existsSync(ARSHJUL_JSON) && readFileSync(ARSHJUL_JSON, 'utf8') === json) return ARSHJUL_JSON;
  mkdirSync(fromRoot('.cache'), { recursive: true });
  // Written aside and renamed, so a server starting in parallel never reads half a file.
  const temp = `${ARSHJUL_JSON}.${process.pid}.tmp`;
  writeFileSync(temp, json);
  renameSync(temp, ARSHJUL_JSON);
  return ARSHJUL_JSON;
}
