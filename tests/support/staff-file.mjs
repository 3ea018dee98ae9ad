// Staff spreadsheets as HR exports them from Norwegian Excel, made for the import's tests and
// benchmark: names with æøå, a kindergarten per twenty people, and bad lines of every kind the
// import must name, each with the line and field it must report.
import iconv from 'iconv-lite';

const FIRST = ['Åse', 'Bjørn', 'Kjærsti', 'Øystein', 'Håkon', 'Mari', 'Ærlend', 'Siv', 'Tørris', 'Guro'];
const LAST = ['Ødegård', 'Bråten', 'Sæther', 'Løvås', 'Ås', 'Hansen', 'Fjær', 'Nilsen', 'Græsli', 'Berg'];
const STILLING = ['Pedagogisk leder', 'Barnehagelærer', 'Fagarbeider', 'Assistent', 'Assistent', 'Barne- og ungdomsarbeider'];
export const HEADER = ['Navn', 'E-post', 'Barnehage', 'Stilling', 'Rolle', 'Pulje', 'Eierform'];

/**
 * The kinds of bad line, in the order they are used, each turning a good line into a bad one,
 * with the field (as in HEADER, '' for the whole line) the import must name.
 */
export const BAD_KINDS = [
  { kind: 'ugyldig e-post', field: 'E-post', make: (cells) => ({ cells: { ...cells, email: cells.email.replace('@', '(at)') } }) },
  { kind: 'ukjent stilling', field: 'Stilling', make: (cells) => ({ cells: { ...cells, stilling: 'Rektor' } }) },
  { kind: 'ukjent rolle', field: 'Rolle', make: (cells) => ({ cells: { ...cells, rolle: 'sjef' } }) },
  { kind: 'samme e-post to ganger', field: 'E-post', make: (cells, previous) => ({ cells: { ...cells, email: previous.email.toUpperCase() } }) },
  { kind: 'ukjent barnehage uten pulje og eierform', field: 'Barnehage', make: (cells) => ({ cells: { ...cells, barnehage: `${cells.barnehage} (ny)`, pulje: '', eierform: '' } }) },
  { kind: 'navn mangler', field: 'Navn', make: (cells) => ({ cells: { ...cells, name: '' } }) },
  { kind: 'feil antall felt', field: '', make: (cells, _, sep) => ({ raw: inOrder(cells).slice(0, 4).join(sep) }) },
  // A quote inside a cell that is not itself quoted: written as it stands, so it stays broken.
  { kind: 'anførselstegn som står feil', field: '', make: (cells, _, sep) => ({ raw: inOrder({ ...cells, name: cells.name.replace(' ', ' "Tulla ') }).join(sep) }) },
];

const inOrder = (c) => [c.name, c.email, c.barnehage, c.stilling, c.rolle, c.pulje, c.eierform];

function quote(cell, separator) {
  return cell.includes('"') || cell.includes(separator) || /[\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function lineOf(cells, separator) {
  return inOrder(cells).map((cell) => quote(cell, separator)).join(separator);
}

/** The cells of person i: every twentieth person leads their kindergarten. */
export function person(i, prefix) {
  const k = Math.floor(i / 20);
  return {
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
    email: `${prefix}.ansatt${i}@barnehage.test`,
    barnehage: `${prefix} Blåbærtoppen ${k + 1}`,
    stilling: i % 20 === 0 ? 'Styrer' : STILLING[i % STILLING.length],
    rolle: i % 20 === 0 ? 'styrer' : i % 3 === 0 ? 'deltaker' : '',
    pulje: String((k % 6) + 1),
    eierform: k % 4 === 0 ? 'privat' : 'kommunal',
  };
}

/**
 * A staff file of `count` people. `badEvery` > 0 makes every badEvery-th line bad (of the kinds
 * above, in turn). Returns the text and the errors the import must report, line and field.
 */
export function staffFile({ count, prefix, badEvery = 0, separator = ';' }) {
  const lines = [HEADER.join(separator)];
  const expected = [];
  let previous;
  let bad = 0;
  for (let i = 0; i < count; i++) {
    const cells = person(i, prefix);
    const lineNumber = lines.length + 1;
    if (badEvery > 0 && (i + 1) % badEvery === 0) {
      const kind = BAD_KINDS[bad++ % BAD_KINDS.length];
      const made = kind.make(cells, previous, separator);
      lines.push(made.raw ?? lineOf(made.cells, separator));
      expected.push({ line: lineNumber, field: kind.field, kind: kind.kind });
      continue;
    }
    lines.push(lineOf(cells, separator));
    previous = cells;
  }
  return { text: `${lines.join('\r\n')}\r\n`, expected };
}

/** The bytes Norwegian Excel writes for "CSV (semikolondelt)". */
export function windows1252(text) {
  return iconv.encode(text, 'win1252');
}

/** The bytes of "CSV UTF-8 (kommadelt)": UTF-8 with a byte order mark. */
export function utf8WithBom(text) {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Posts a file to the import route as the browser page does. */
export async function postStaffFile(url, token, bytes, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'ansatte.csv');
  form.append('dryRun', String(dryRun));
  const res = await fetch(`${url}/api/tettpa/admin/staff-import`, { method: 'POST', headers: token ? { Authorization: token } : {}, body: form });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
