// The workspace's data table (class "data"): a caption, one header row, one row per item. Each
// column says its heading and how to draw its cell; the markup (scopes, hidden headings for
// button columns, the row's own header cell) is written once, here.
import type { ComponentChildren, TableHTMLAttributes } from 'preact';

export interface Column<R> {
  /** The column's heading. */
  head: string;
  /** Heard, not seen (a column of buttons). */
  headHidden?: boolean;
  /** This cell names the row (a th with scope "row"). */
  rowHeader?: boolean;
  class?: string;
  cell: (row: R) => ComponentChildren;
}

type TableAttributes = Omit<TableHTMLAttributes<HTMLTableElement>, 'caption' | 'rows' | 'class'>;

export interface TableProps<R> extends TableAttributes {
  /** Said to screen readers only unless `captionShown`. */
  caption?: string;
  captionShown?: boolean;
  /** More classes beside "data". */
  class?: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  /** Attributes a row carries as data (data-member, data-action, …). */
  rowData?: (row: R) => Record<`data-${string}`, string>;
}

export function Table<R>({ caption, captionShown, class: extra, columns, rows, rowKey, rowData, ...attributes }: TableProps<R>) {
  return (
    <table class={extra ? `data ${extra}` : 'data'} {...attributes}>
      {caption !== undefined && <caption class={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column.headHidden ? <span class="visually-hidden">{column.head}</span> : column.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowData?.(row)}>
            {columns.map((column, i) =>
              column.rowHeader ? (
                <th key={i} scope="row" class={column.class}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} class={column.class}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
