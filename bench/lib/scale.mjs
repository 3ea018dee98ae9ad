// How build time and site size grow with content: the real content, and a synthetic 10× set
// made in a temporary copy of the project (never committed).
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copySiteSources } from '../../scripts/lib/site-copy.mjs';

function dirSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    if (s.isDirectory()) {
      const inner = dirSize(full);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += s.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Nine more copies of every lesson and vignette, with new names, so the site has 10× content. */
function multiply(site, factor) {
  const courses = path.join(site, 'src/content/courses');
  for (const course of readdirSync(courses)) {
    const dir = path.join(courses, course);
    const lessons = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    for (const file of lessons) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (let k = 1; k < factor; k++) {
        const copy = source.replace(/^order:\s*(\d+)/m, (_, n) => `order: ${Number(n) + k * 100}`).replace(/^title:\s*"?(.*?)"?$/m, (_, title) => `title: "${title} (kopi ${k})"`);
        writeFileSync(path.join(dir, file.replace('.mdx', `-kopi-${k}.mdx`)), copy);
      }
    }
  }
  const vignettes = path.join(site, 'src/content/vignettes');
  for (const file of readdirSync(vignettes).filter((f) => f.endsWith('.md'))) {
    const slug = file.slice(0, -3);
    for (let k = 1; k < factor; k++) {
      writeFileSync(path.join(vignettes, `${slug}-kopi-${k}.md`), readFileSync(path.join(vignettes, file), 'utf8'));
      writeFileSync(path.join(vignettes, `${slug}-kopi-${k}.master.yaml`), readFileSync(path.join(vignettes, `${slug}.master.yaml`), 'utf8'));
    }
  }
}

function build(root, site) {
  const t0 = performance.now();
  // Without the SCORM packages (a second build of their own, ~20 s): this measures how the site's
  // build grows with content, as the reports before the packages did.
  const env = { ...process.env, TETTPA_SKIP_SCORM_PACKAGES: '1' };
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: site, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`astro build feilet i ${site}: ${result.stderr.slice(-800)}`);
  const seconds = (performance.now() - t0) / 1000;
  const dist = dirSize(path.join(site, 'dist'));
  const pages = result.stdout.match(/(\d+) page\(s\) built/)?.[1];
  return { seconds, bytes: dist.bytes, files: dist.files, pages: Number(pages ?? 0) };
}

export function measureScale(root, runs, factor = 10) {
  const out = {};
  for (const [label, times] of [['real', 1], [`x${factor}`, factor]]) {
    const site = copySiteSources('tettpa-scale-');
    try {
      if (times > 1) multiply(site, times);
      out[label] = Array.from({ length: runs }, () => build(root, site));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }
  return out;
}
