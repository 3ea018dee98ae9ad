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

// A check-pool text reaches the learner through the API as plain paragraphs, never as HTML: the
// marks that Markdown would have turned into formatting are refused instead of shown raw.
const MARKUP = /^\s{0,3}(#|>|[-*+] |\d+\. )|[*_`<]|\]\(/m;

/** An earlier slug must point at exactly one record: not a slug in use, not claimed twice. */
function formerSlugProblems(vignettes) {
  const problems = [];
  const current = new Set(vignettes.map((v) => v.slug));
  const claimedBy = new Map();
  for (const v of vignettes) {
    for (const former of v.formerSlugs ?? []) {
      const file = `src/content/vignettes/${v.slug}.md`;
      if (current.has(former)) problems.push(`${file}: formerSlugs: «${former}» er navnet på en vignett som finnes; et tidligere navn kan ikke være i bruk`);
      else if (claimedBy.has(former)) problems.push(`${file}: formerSlugs: «${former}» står også i ${claimedBy.get(former)}.md; et tidligere navn hører til én vignett`);
      else claimedBy.set(former, v.slug);
    }
  }
  return problems;
}

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
      const markup = meta.data.pool === 'check' ? MARKUP.exec(body) : null;
      if (markup) {
        problems.push(`${mdFile}: en syklus i sjekkpuljen vises som ren tekst i sjekken; fjern Markdown-tegnet «${markup[0].trim()}» (bare avsnitt skilt med en tom linje)`);
        continue;
      }
      vignettes.push({ slug, ...meta.data, body, codes: master.data.codes });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  problems.push(...formerSlugProblems(vignettes));
  if (problems.length > 0) throw new Error(`Feil i vignettene:\n${problems.join('\n')}`);
  return vignettes;
}
