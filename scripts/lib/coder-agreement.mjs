// How well a second coder agrees with the master codes: the same statistics as the practice
// feedback and the kodepanel (pb_hooks/lib/scoring.js), so that "within one" means one thing everywhere.
import { createRequire } from 'node:module';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const scoring = require('../../pb_hooks/lib/scoring.js');
const { data: catalogue, dimension } = require('../../pb_hooks/lib/catalogue.js');

/** A second coder's file: slug → dimension → a whole score on the 1–7 scale. */
export const secondCodesSchema = z.record(
  z.string(),
  z.record(z.string(), z.number({ error: 'koden må være et tall' }).int('koden må være et heltall').min(1, 'koden må være 1–7').max(7, 'koden må være 1–7')),
);

/**
 * Compares `second` (parsed by secondCodesSchema) with the master codes of `vignettes` (from
 * readVignettes). Every vignette and dimension must be coded, and nothing else: a gap would make
 * the figures look better than they are. With `partial`, vignettes left out entirely are skipped
 * (a second coder who takes only the new ones), and the report says how many were compared.
 * @returns {{ codes: number, vignettes: number, of: number, withinOne: number, exact: number, weightedKappa: number | null,
 *   byDimension: Record<string, { codes: number, withinOne: number, exact: number, bias: number }>,
 *   disagreements: Array<{ slug: string, kind: string, dimension: string, master: number, second: number }> }}
 */
export function compareCoders(vignettes, second, { partial = false } = {}) {
  const problems = [];
  const known = new Set(vignettes.map((v) => v.slug));
  for (const slug of Object.keys(second)) if (!known.has(slug)) problems.push(`${slug}: finnes ikke blant vignettene`);
  const codings = [];
  for (const v of vignettes) {
    const codes = second[v.slug];
    if (!codes) {
      if (!partial) problems.push(`${v.slug}: mangler`);
      continue;
    }
    const masters = Object.fromEntries(v.codes.map((c) => [c.dimension, c]));
    for (const key of Object.keys(codes)) if (!masters[key]) problems.push(`${v.slug}: ${key} skal ikke kodes i denne vignetten`);
    const missing = v.dimensions.filter((d) => codes[d] === undefined);
    if (missing.length > 0) {
      problems.push(`${v.slug}: mangler ${missing.join(', ')}`);
      continue;
    }
    codings.push({ slug: v.slug, kind: v.kind, dimensions: v.dimensions, masters, scores: codes });
  }
  if (problems.length > 0) throw new Error(`Andrekodingen stemmer ikke med vignettene:\n${problems.join('\n')}`);
  // The statistic itself lives in the hooks' scoring module: a kodepanel on the server reports the same figures.
  return { ...scoring.agreementWithMaster(codings), vignettes: codings.length, of: vignettes.length };
}

const percent = (x) => `${Math.round(x * 100)} %`;
const signed = (x) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2).replace('.', ',')}`;
// TETT PÅ gives a toddler and a pre-k dimension the same Norwegian name in three places; the
// English name in brackets keeps the two rows apart.
const nameOf = (key) => {
  const d = dimension(key);
  return d ? `${d.nb} (${d.en})` : key;
};

/** The comparison as a Markdown report in Norwegian; the threshold is the reliability check's. */
export function agreementReport(summary, { source, threshold = catalogue.reliability.passWithinOne }) {
  const kappa = summary.weightedKappa === null ? '–' : summary.weightedKappa.toFixed(2).replace('.', ',');
  const lines = [
    '# Andrekoding mot masterkodene',
    '',
    `Kilde: ${source}. ${summary.codes} koder i ${summary.vignettes} av ${summary.of} vignetter sammenlignet.`,
    '',
    `- Innenfor én: **${percent(summary.withinOne)}** (terskelen for bestått reliabilitetssjekk er ${percent(threshold)})`,
    `- Helt lik: ${percent(summary.exact)}`,
    `- Kvadratisk vektet kappa: ${kappa}`,
    '',
    '## Per dimensjon',
    '',
    '| dimensjon | koder | innenfor én | helt lik | skjevhet (andrekoder − master) |',
    '|---|---|---|---|---|',
    ...Object.entries(summary.byDimension)
      .sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b), 'nb'))
      .map(([key, d]) => `| ${nameOf(key)} | ${d.codes} | ${percent(d.withinOne)} | ${percent(d.exact)} | ${signed(d.bias)} |`),
    '',
    '## Koder som skiller to poeng eller mer',
    '',
  ];
  if (summary.disagreements.length === 0) lines.push('Ingen.');
  else {
    lines.push('| vignett | dimensjon | master | andrekoder |', '|---|---|---|---|');
    for (const d of summary.disagreements) lines.push(`| ${d.slug} | ${nameOf(d.dimension)} | ${d.master} | ${d.second} |`);
  }
  return `${lines.join('\n')}\n`;
}
