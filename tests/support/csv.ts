// Reading the reports' CSV export in tests.

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' && next === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || quoted) throw new Error('CSV: the last row does not end with CRLF');
  return rows;
}

/**
 * Each CSV line against the JSON row at its index: every JSON field has its snake_case column, and
 * the cell is the value as text (empty for null), or what `cell` says the CSV makes of it.
 */
export function csvCellsOf(
  header: string[],
  lines: string[][],
  rows: Record<string, unknown>[],
  cell: (key: string, text: string) => string = (_key, text) => text,
): { key: string; index: number; actual: string | undefined; expected: string; column: number }[] {
  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return lines.flatMap((line, index) =>
    Object.entries(rows[index]!).map(([key, value]) => {
      const column = header.indexOf(snake(key));
      return { key, index, column, actual: line[column], expected: cell(key, value === null ? '' : String(value)) };
    }),
  );
}
