import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keysNamedBy } from '../../scripts/lib/island-strings.mjs';

// Each island carries the strings it names: a literal key, the keys a template literal starts
// with, and the keys of the src modules it imports.
describe('island strings', () => {
  const keys = new Set(['lesson.saved', 'lesson.saving', 'status.completed', 'status.incomplete', 'nav.login', 'cohort.where']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'island-strings-'));

  it('finds literal keys, template prefixes and keys of imported modules, and nothing else', () => {
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(path.join(dir, 'lib', 'form.ts'), "export const problem = { message: 'cohort.where' };\n");
    const island = path.join(dir, 'Island.svelte');
    writeFileSync(
      island,
      "<script>\n  import { problem } from './lib/form';\n  const a = t('lesson.saved');\n  const b = t(`status.${s}`);\n  const c = 'not.a.key';\n</script>\n",
    );
    expect([...keysNamedBy(island, keys, dir)].sort()).toEqual(['cohort.where', 'lesson.saved', 'status.completed', 'status.incomplete']);
  });

  it('leaves out the keys of an imported module that translates with its own copy', () => {
    const own = path.join(dir, 'own');
    mkdirSync(path.join(own, 'i18n'), { recursive: true });
    writeFileSync(path.join(own, 'Section.svelte'), "<script>\n  import { t } from './i18n/t';\n  const a = t('nav.login');\n</script>\n");
    const island = path.join(own, 'Page.svelte');
    writeFileSync(island, "<script>\n  import { t } from './i18n/t';\n  import Section from './Section.svelte';\n  const b = t('lesson.saving');\n</script>\n");
    expect([...keysNamedBy(island, keys, own)]).toEqual(['lesson.saving']);
  });
});

describe('island strings in a file with an empty string or a lone apostrophe', () => {
  it('still finds every key after it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'island-strings-apostrophe-'));
    const island = path.join(dir, 'Form.svelte');
    // An empty '' (or an apostrophe in a comment) used to put every quote pair after it out of step.
    writeFileSync(island, "<script>\n  // the file's lines\n  let busy = '';\n</script>\n<button disabled={busy !== ''}>{busy === 'preview' ? t('lesson.saving') : t('lesson.saved')}</button>\n");
    expect([...keysNamedBy(island, new Set(['lesson.saved', 'lesson.saving']), dir)].sort()).toEqual(['lesson.saved', 'lesson.saving']);
  });
});
