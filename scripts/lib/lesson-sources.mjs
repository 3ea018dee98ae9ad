// Reads the lessons as source text, for content tests that run without Astro: the frontmatter,
// the body, and the questions of every <KnowledgeCheck>.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'yaml';

export const coursesDir = path.resolve(import.meta.dirname, '../../src/content/courses');
export const vignettesDir = path.resolve(import.meta.dirname, '../../src/content/vignettes');

/** Every lesson: `{ course, file, data, body, source }`. */
export function readLessons(dir = coursesDir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.mdx'))
        .sort()
        .map((file) => {
          const source = readFileSync(path.join(dir, d.name, file), 'utf8');
          const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
          return { course: d.name, file, data: parse(front) ?? {}, body, source };
        }),
    );
}

/** Every vignette's public text (`*.md`, never the master codes): `{ file, source }`. */
export function readVignettes(dir = vignettesDir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => ({ file, source: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * The end of the JS expression that starts at `start` (an opening bracket): brackets are counted
 * outside string literals, so a `]` or `}` inside an answer does not end it early.
 */
function expressionEnd(text, start) {
  const closing = { '[': ']', '{': '}', '(': ')' };
  const stack = [];
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c in closing) stack.push(closing[c]);
    else if (c === ']' || c === '}' || c === ')') {
      if (stack.pop() !== c) throw new Error(`ubalansert uttrykk ved tegn ${i}`);
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error('uttrykket slutter aldri');
}

/**
 * The knowledge checks of a lesson body: `[{ id, questions }]`. The questions are a JS literal in
 * the MDX, so they are evaluated in an empty context (no globals, no imports) as the build would.
 */
export function knowledgeChecks(body) {
  const checks = [];
  for (const match of body.matchAll(/<KnowledgeCheck\b[^>]*?\bid="([^"]+)"[^>]*?\bquestions=\{/g)) {
    const start = match.index + match[0].length;
    const end = expressionEnd(body, start);
    const questions = vm.runInNewContext(`(${body.slice(start, end)})`, Object.create(null), { timeout: 1000 });
    checks.push({ id: match[1], questions });
  }
  return checks;
}
