// Reads the vignettes from src/content/vignettes: the public part (<slug>.md) and the master codes
// (<slug>.master.yaml), validated with the same zod schemas the site uses. Errors name the file
// and the field, so an author can fix their own mistake.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { masterCodesSchema, vignetteSchema } from '../../src/schemas/vignette.ts';
import { fromRoot } from './paths.mjs';

export const VIGNETTE_DIR = fromRoot('src', 'content', 'vignettes');
/** Pages under /koding/ that a vignette's address must not take. */
export const RESERVED_SLUGS = ['sjekk', 'historikk'];

function describeIssues(file, error) {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(hele filen)'}: ${i.message}`).join('\n');
}

function splitFrontmatter(file, source) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: mangler forside (frontmatter) mellom to linjer med ---`);
  return { data: parseYaml(match[1]), body: match[2].trim() };
}

/** Every vignette with its master codes; throws one error that lists every problem found. */
export function readVignettes(dir = VIGNETTE_DIR) {
  if (!existsSync(dir)) return [];
  const problems = [];
  const vignettes = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const slug = name.slice(0, -3);
    const mdFile = path.join('src/content/vignettes', name);
    const masterFile = path.join('src/content/vignettes', `${slug}.master.yaml`);
    if (RESERVED_SLUGS.includes(slug)) {
      problems.push(`${mdFile}: filnavnet «${slug}» er opptatt av en side under /koding/; velg et annet`);
      continue;
    }
    try {
      const { data, body } = splitFrontmatter(mdFile, readFileSync(path.join(dir, name), 'utf8'));
      const meta = vignetteSchema.safeParse(data);
      if (!meta.success) {
        problems.push(describeIssues(mdFile, meta.error));
        continue;
      }
      const masterPath = path.join(dir, `${slug}.master.yaml`);
      if (!existsSync(masterPath)) {
        problems.push(`${masterFile}: mangler (hver vignett trenger masterkoder)`);
        continue;
      }
      const master = masterCodesSchema.safeParse(parseYaml(readFileSync(masterPath, 'utf8')));
      if (!master.success) {
        problems.push(describeIssues(masterFile, master.error));
        continue;
      }
      const coded = master.data.codes.map((c) => c.dimension);
      const expected = meta.data.dimensions;
      if (coded.length !== expected.length || !expected.every((d) => coded.includes(d))) {
        problems.push(`${masterFile}: codes må ha nøyaktig én kode per dimensjon i ${mdFile} (${expected.join(', ')}), fant ${coded.join(', ')}`);
        continue;
      }
      vignettes.push({ slug, ...meta.data, body, codes: master.data.codes });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new Error(`Feil i vignettene:\n${problems.join('\n')}`);
  return vignettes;
}
