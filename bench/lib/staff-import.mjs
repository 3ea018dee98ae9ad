// How long the staff import takes for all of Bærum: a generated 2,000-line Windows-1252 file,
// previewed (dry run), imported (one transaction), and imported again (nothing changes).
import { randomUUID } from 'node:crypto';
import { postStaffFile, staffFile, windows1252 } from '../../tests/support/staff-file.mjs';
import { spread } from './stats.mjs';

async function timed(call) {
  const t0 = performance.now();
  const res = await call();
  const ms = performance.now() - t0;
  if (res.status !== 200 || res.json.errors.length > 0) throw new Error(`staff-import svarte ${res.status}: ${JSON.stringify(res.json).slice(0, 400)}`);
  return { ms, res };
}

/** Each run uses a fresh file (new people, new kindergartens), so every import really creates 2,000. */
export async function measureStaffImport(url, token, runs, people = 2000) {
  const preview = [];
  const imports = [];
  const again = [];
  for (let r = 0; r < runs; r++) {
    const bytes = windows1252(staffFile({ count: people, prefix: `bench${randomUUID().slice(0, 8)}` }).text);
    preview.push((await timed(() => postStaffFile(url, token, bytes, true))).ms);
    const first = await timed(() => postStaffFile(url, token, bytes, false));
    if (first.res.json.created !== people) throw new Error(`importen opprettet ${first.res.json.created}, ikke ${people}`);
    imports.push(first.ms);
    again.push((await timed(() => postStaffFile(url, token, bytes, false))).ms);
  }
  const seconds = (values) => spread(values.map((ms) => ms / 1000), 2);
  return { people, preview: seconds(preview), import: seconds(imports), again: seconds(again) };
}
