// Broken frontmatter fails the build with a message that names the file and the field.
import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copySiteSources } from '../../scripts/lib/site-copy.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

function buildWithLesson(fileName: string, source: string) {
  const site = copySiteSources('tettpa-content-');
  try {
    writeFileSync(path.join(site, 'src/content/courses/nyansatt', fileName), source);
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: site,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

describe('content validation', () => {
  it('fails the build and names the file and the field when minutes is not a number', () => {
    const broken = `---
title: "En ødelagt leksjon"
order: 9
summary: "Denne leksjonen har feil i forsiden sin."
goals: ["Du ser at bygget stopper."]
minutes: "en halvtime"
audience: [alle]
---
Tekst.
`;
    const { status, output } = buildWithLesson('odelagt-leksjon.mdx', broken);
    expect(status).not.toBe(0);
    expect(output).toContain('odelagt-leksjon.mdx');
    expect(output).toContain('minutes');
    expect(output).toContain('minutes må være et tall');
  }, 120_000);

  it('fails the build when a lesson has no learning goals', () => {
    const broken = `---
title: "Uten mål"
order: 9
summary: "Denne leksjonen mangler læringsmål."
goals: []
minutes: 10
audience: [alle]
---
Tekst.
`;
    const { status, output } = buildWithLesson('uten-mal.mdx', broken);
    expect(status).not.toBe(0);
    expect(output).toContain('uten-mal.mdx');
    expect(output).toContain('goals trenger minst ett læringsmål');
  }, 120_000);
});
