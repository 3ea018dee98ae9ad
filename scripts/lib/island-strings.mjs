// A Vite plugin for the browser build: every module that imports src/i18n/t gets a copy of it that
// holds only the strings that module (or a src module it imports) names, instead of all of nb.ts.
// nb.ts stays the one source of the strings; the server-rendered pages use it whole.
//
// A key is "named" when it appears as a string literal ('lesson.saved'), or as the fixed start of
// a template literal (`status.${s}` takes every key that starts with "status."). A key built any
// other way would show as the key itself: build a key from a literal, or import nb.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromRoot } from './paths.mjs';

const SRC = fromRoot('src');
const T_MODULE = fromRoot('src', 'i18n', 't.ts');
const NB_MODULE = fromRoot('src', 'i18n', 'nb.ts');
const TRANSLATE_MODULE = fromRoot('src', 'i18n', 'translate.ts');
const PREFIX = '\0island-strings:';

const templateStart = /`([A-Za-z0-9_.-]+\.)\$\{/g;
const relativeImport = /(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g;
// A module that imports i18n/t gets its own copy of the strings it names: an importer of that
// module need not carry them again (Min side carried every string of every section twice).
const importsT = /(?:from|import)\s*\(?\s*['"][./]+(?:[^'"]*\/)?i18n\/t(?:\.ts)?['"]/;

function resolveFile(spec, fromFile) {
  const base = path.resolve(path.dirname(fromFile), spec);
  return [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** Every nb key a file and the modules under `root` it imports (outside root/i18n) name. */
export function keysNamedBy(file, keys, root = SRC, seen = new Set()) {
  const found = new Set();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  // Each key is looked for as it would stand quoted, rather than by pairing quotes: one apostrophe
  // in a comment or a text ("Excel's") put every pair after it out of step and lost keys.
  for (const key of keys) {
    if (source.includes(`'${key}'`) || source.includes(`"${key}"`) || source.includes(`\`${key}\``)) found.add(key);
  }
  for (const m of source.matchAll(templateStart)) {
    for (const key of keys) if (key.startsWith(m[1])) found.add(key);
  }
  for (const m of source.matchAll(relativeImport)) {
    const target = resolveFile(m[1], file);
    if (!target || !target.startsWith(root) || target.startsWith(path.join(root, 'i18n'))) continue;
    if (target !== file && importsT.test(readFileSync(target, 'utf8'))) continue;
    for (const key of keysNamedBy(target, keys, root, seen)) found.add(key);
  }
  return found;
}

export function islandStrings() {
  let table;
  const loadTable = async () => (table ??= (await import(pathToFileURL(NB_MODULE).href)).nb);
  return {
    name: 'tettpa-island-strings',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/i18n\/t(\.ts)?$/.test(source)) return null;
      const client = this.environment ? this.environment.config.consumer === 'client' : !options?.ssr;
      if (!client) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== T_MODULE) return null;
      const file = importer.split('?')[0];
      if (!file.startsWith(SRC) || !existsSync(file)) return null;
      // Ends in .js so that no other plugin (Svelte's) takes the id for its own kind of file.
      return `${PREFIX}${file}.js`;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const nb = await loadTable();
      const subset = {};
      for (const key of [...keysNamedBy(file, new Set(Object.keys(nb)))].sort()) subset[key] = nb[key];
      return `import { makeTranslator } from ${JSON.stringify(TRANSLATE_MODULE)};\nexport const { t, tCount } = makeTranslator(${JSON.stringify(subset)});\n`;
    },
  };
}
