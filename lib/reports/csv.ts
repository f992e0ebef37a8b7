// RFC 4180: CRLF line ends; a field with a comma, a double quote, CR or LF is quoted, its quotes doubled.
// A text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
// leading ' first (OWASP "CSV injection"): a customer's name is theirs to choose.
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(field).join(',') + '\r\n';
}
