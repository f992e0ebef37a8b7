import type { ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes of this column's cells (width, truncation). */
  className?: string;
}

/** A table named by `label` (its accessible name), one row per item, columns as data. */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  alignTop = false,
}: {
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string | number;
  alignTop?: boolean;
}) {
  return (
    <table aria-label={label} className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {columns.map((column, index) => (
            <th key={index} className={index === 0 ? 'py-1' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows?.map((row) => (
          <tr key={rowKey(row)} className={`border-b border-slate-100 dark:border-slate-800${alignTop ? ' align-top' : ''}`}>
            {columns.map((column, index) => (
              <td key={index} className={[index === 0 ? 'py-1' : '', column.className ?? ''].join(' ').trim() || undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
