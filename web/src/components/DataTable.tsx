// A semantic table: caption, column headers with scope, and the first cell of
// each row as a row header (screen readers announce it with every cell).
import type { ComponentChildren } from 'preact';

export interface Column<R> {
  header: string;
  cell: (row: R, index: number) => ComponentChildren;
  className?: string;
}

interface Props<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey?: (row: R, index: number) => string;
  captionHidden?: boolean;
}

export function DataTable<R>({ caption, columns, rows, rowKey, captionHidden }: Props<R>) {
  return (
    <div class="table-wrap">
      <table>
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey ? rowKey(r, i) : String(i)}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th scope="row" class={c.className}>
                    {c.cell(r, i)}
                  </th>
                ) : (
                  <td class={c.className}>{c.cell(r, i)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
