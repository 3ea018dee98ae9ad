// Which built pages the axe pass visits. Pages made from the same template differ only in their
// content, so the pass samples them: every template (every file in src/pages), every course, and
// every kind of element a template's pages contain (tag, class, role: the components used), each
// on at least one visited page. A new template, course or component is covered without a change here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPage {
  /** The address, e.g. /kurs/nyansatt/hva-er-tett-pa/ */
  path: string;
  /** The file in src/pages that made it, e.g. kurs/[course]/[lesson].astro */
  template: string;
  /** The course it belongs to, for pages under /kurs/<course>/ */
  course: string | null;
  /** Kinds of element in its <main>: tag, tag.class and role="…" tokens. */
  features: Set<string>;
}

interface Route {
  file: string;
  pattern: RegExp;
  dynamic: number;
}

/** The routes of src/pages: [param] matches one segment, [...rest] any number. */
export function routesOf(pagesDir: string, dir = '', prefix = '/'): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(path.join(pagesDir, dir)).sort()) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(pagesDir, rel)).isDirectory()) {
      routes.push(...routesOf(pagesDir, rel, `${prefix}${segment(entry)}/`));
      continue;
    }
    const match = /^(.*)\.(astro|md|mdx)$/.exec(entry);
    if (!match) continue;
    const name = match[1]!;
    const address = name === 'index' ? prefix : `${prefix}${segment(name)}/`;
    routes.push({ file: rel, pattern: new RegExp(`^${address}$`), dynamic: (rel.match(/\[/g) ?? []).length });
  }
  return routes;
}

function segment(name: string): string {
  if (/^\[\.\.\.[^\]]+\]$/.test(name)) return '.+';
  if (/^\[[^\]]+\]$/.test(name)) return '[^/]+';
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The features of one built page: what is inside its <main>. */
export function featuresOf(html: string): Set<string> {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  const features = new Set<string>();
  for (const tag of main.matchAll(/<([a-z][a-z0-9-]*)([^>]*)>/g)) {
    const name = tag[1]!;
    const attributes = tag[2] ?? '';
    features.add(name);
    const classes = /\sclass="([^"]*)"/.exec(attributes)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
    for (const c of classes) features.add(`${name}.${c}`);
    const role = /\srole="([^"]*)"/.exec(attributes)?.[1];
    if (role) features.add(`${name}[role=${role}]`);
  }
  return features;
}

/** Every page of the built site (each index.html under dist), with its template and features. */
export function builtPages(dist: string, pagesDir: string): BuiltPage[] {
  // A static route wins over a dynamic one that would also match (as Astro decides).
  const routes = routesOf(pagesDir).sort((a, b) => a.dynamic - b.dynamic);
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return entry === '_astro' ? [] : walk(full, `${prefix}${entry}/`);
      return entry === 'index.html' ? [prefix] : [];
    });
  return walk(dist, '/')
    .sort()
    .map((address) => {
      const route = routes.find((r) => r.pattern.test(address));
      if (!route) throw new Error(`${address}: ingen mal i src/pages lager denne siden`);
      const html = readFileSync(path.join(dist, address, 'index.html'), 'utf8');
      return { path: address, template: route.file, course: /^\/kurs\/([^/]+)\//.exec(address)?.[1] ?? null, features: featuresOf(html) };
    });
}

/**
 * A sample that covers every template, every course of a template and every feature of a
 * template's pages; greedy, so it stays small: the page that adds the most uncovered features first.
 */
export function samplePages(pages: BuiltPage[]): BuiltPage[] {
  const chosen: BuiltPage[] = [];
  const templates = [...new Set(pages.map((p) => p.template))];
  for (const template of templates) {
    const group = pages.filter((p) => p.template === template);
    const covered = new Set<string>();
    const gain = (p: BuiltPage) => [...p.features].filter((f) => !covered.has(f)).length;
    const take = (p: BuiltPage) => {
      chosen.push(p);
      p.features.forEach((f) => covered.add(f));
    };
    const best = (candidates: BuiltPage[]) => candidates.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    // One page of each course first (the richest of that course), then whatever adds the most.
    for (const course of [...new Set(group.map((p) => p.course))]) take(best(group.filter((p) => p.course === course)));
    for (;;) {
      const rest = group.filter((p) => !chosen.includes(p));
      if (rest.length === 0) break;
      const next = best(rest);
      if (gain(next) === 0) break;
      take(next);
    }
  }
  return chosen;
}
