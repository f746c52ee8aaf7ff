import Link from "next/link";
import type { ReactNode } from "react";

/**
 * One column of a Table, declared once: its header, how a row fills its cell, and how it lines up.
 * The renderers run where the Table runs — on the server from a server component, in the browser
 * from a client one — so a Table needs no "use client" of its own.
 */
export type Column<T> = {
  /** The column's identity (a React key; the id a column choice is kept under). */
  id: string;
  header: ReactNode;
  /** A header only screen readers hear, for a column of buttons. */
  headerHidden?: boolean;
  cell: (row: T, index: number) => ReactNode;
  /** A smaller second line under the cell: an id under a name, a date under a countdown. */
  detail?: (row: T) => ReactNode;
  /** The cell links to this row's page: a real link, reached by Tab and opened by Enter. */
  href?: (row: T) => string | null | undefined;
  /** The link's accessible name when the cell's text alone does not say where it goes. */
  linkLabel?: (row: T) => string;
  /** Amounts and counts: tabular figures, right-aligned unless `align` says otherwise. */
  numeric?: boolean;
  align?: "left" | "right";
  /** A Tailwind width class for the column, e.g. "w-40". */
  width?: string;
  /** Leave the column out (a viewer's column choice, a role that may not see it). */
  hidden?: boolean;
  /** Classes for every cell of the column (tone, font, wrapping). */
  className?: string;
  /** The cell's tooltip, for a cell cut short with `truncate`. */
  title?: (row: T) => string | undefined;
  testId?: string;
};

type DataAttributes = Record<`data-${string}`, string>;

const PADDING = {
  compact: { th: "py-1", td: "py-1.5" },
  normal: { th: "py-2", td: "py-2" },
  relaxed: { th: "py-2", td: "py-3" },
} as const;

const LINK = "rounded-sm text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

/**
 * The dashboard's table: a caption for screen readers, the header row from the columns, one row per
 * item, and `empty` in place of the table when there are no rows (omit it to show the bare table).
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowData,
  empty,
  density = "normal",
  rowAlign = "middle",
  scroll = false,
  className = "",
  testId,
}: {
  /** What the table lists, said to screen readers (and the name of its scroll region). */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** data-* attributes for a row, e.g. the id a test or script reads. */
  rowData?: (row: T) => DataAttributes;
  empty?: ReactNode;
  density?: keyof typeof PADDING;
  rowAlign?: "top" | "middle";
  /** Scroll sideways inside the card when wider than it; the region can be focused to scroll by keyboard. */
  scroll?: boolean;
  className?: string;
  testId?: string;
}) {
  if (rows.length === 0 && empty !== undefined) {
    return typeof empty === "string" ? <p className="text-sm text-slate-600">{empty}</p> : <>{empty}</>;
  }
  const shown = columns.filter((c) => !c.hidden);
  const pad = PADDING[density];
  const table = (
    <table className={`w-full text-left text-sm ${className}`} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-600">
        <tr>
          {shown.map((c) => (
            <th key={c.id} scope="col" className={`${pad.th} pr-3 font-medium last:pr-0 ${alignOf(c)} ${c.width ?? ""}`}>
              {c.headerHidden ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={rowAlign === "top" ? "align-top" : undefined} {...rowData?.(row)}>
            {shown.map((c) => (
              <td
                key={c.id}
                className={`${pad.td} pr-3 last:pr-0 ${alignOf(c)} ${c.numeric ? "tabular-nums" : ""} ${c.className ?? ""}`}
                title={c.title?.(row)}
                data-testid={c.testId}
              >
                <CellContent column={c} row={row} index={i} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      {table}
    </div>
  );
}

function alignOf(c: { align?: "left" | "right"; numeric?: boolean }) {
  return (c.align ?? (c.numeric ? "right" : "left")) === "right" ? "text-right" : "";
}

function CellContent<T>({ column, row, index }: { column: Column<T>; row: T; index: number }) {
  const content = column.cell(row, index);
  const href = column.href?.(row);
  const detail = column.detail?.(row);
  return (
    <>
      {href ? (
        // No prefetch: a list of 25–100 rows would send two requests a row, for dynamic pages that render on click anyway.
        <Link href={href} prefetch={false} className={LINK} aria-label={column.linkLabel?.(row)}>
          {content}
        </Link>
      ) : (
        content
      )}
      {detail === undefined || detail === null || detail === false || detail === "" ? null : <div className="text-xs font-normal text-slate-500">{detail}</div>}
    </>
  );
}
