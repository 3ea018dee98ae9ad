// CSV that opens correctly in Excel with Norwegian settings: UTF-8 with a byte order mark (else
// æøå turn to mojibake) and semicolons (the comma is the decimal separator here).
function cell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be read as a formula by a spreadsheet, and Excel skips a leading tab or
  // carriage return before it looks for one: neutralise all of them.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(header, rows) {
  return '\uFEFF' + [header].concat(rows).map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

module.exports = { toCsv, cell };
