import { checkArg, checkOptions } from "../check";
import { escapeHtml } from "../outputs/escape";
import { sendBundle } from "./send";
import type { MimeBundle } from "./types";

/** A table of numbers (or short texts) to show in a notebook. */
export interface Table {
  /** Column headings. */
  columns: string[];
  /** Rows, each with one cell per column. */
  rows: (number | string)[][];
  /** Significant digits of non-integer numbers (default 6). */
  digits?: number;
}

/**
 * Formats one cell: integers below 1e7 as they are, other finite numbers with
 * `digits` significant digits (in exponent notation below 1e-3 or from 1e7 on),
 * ±Infinity and NaN by name, strings unchanged.
 */
export function formatCell(v: number | string, digits = 6): string {
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e7) return String(v);
  return a !== 0 && (a < 1e-3 || a >= 1e7) ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

/**
 * Builds a MIME bundle for a table: an HTML table, and a text/plain table with
 * aligned columns (numbers right-aligned).
 *
 * @param table columns, rows and digits
 * @returns the bundle (text/html, text/plain)
 * @throws TypeError naming the field when table is not { columns: string[], rows: (number | string)[][] },
 *   a heading is not a string or a cell neither a number nor a string
 * @throws RangeError when a row's length differs from the number of columns (names the row),
 *   or digits is not an integer from 1 to 21
 */
export function tableBundle(table: Table): MimeBundle {
  const fn = "showTable";
  checkOptions(fn, "table", table, {
    columns: { kind: "array", nonEmpty: true },
    rows: { kind: "array" },
    digits: { kind: "number", integer: true, min: 1, max: 21, optional: true },
  });
  table.columns.forEach((c, j) => checkArg(fn, `table.columns[${j}]`, c, { kind: "string" }));
  table.rows.forEach((row, i) => {
    checkArg(fn, `table.rows[${i}]`, row, { kind: "array" });
    row.forEach((v, j) => {
      if (typeof v !== "number" && typeof v !== "string")
        throw new TypeError(
          `${fn}: table.rows[${i}][${j}] must be a number or a string, got ${v === null ? "null" : typeof v}`,
        );
    });
  });
  const digits = table.digits ?? 6;
  const cells = table.rows.map((row, i) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(
        `showTable: row ${i + 1} has ${row.length} cells, but there are ${table.columns.length} columns`,
      );
    }
    return row.map((v) => formatCell(v, digits));
  });
  const widths = table.columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => c.padStart(widths[j])).join("  ");
  const text = [line(table.columns), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
  // a column without a name (a corner above row labels) gets an empty data cell: an empty header names nothing for a screen reader
  const head = table.columns
    .map((c) => (c.trim() === "" ? "<td></td>" : `<th scope="col">${escapeHtml(c)}</th>`))
    .join("");
  const body = cells
    .map(
      (r, i) =>
        `<tr>${r.map((c, j) => `<td style="text-align:${typeof table.rows[i][j] === "number" ? "right" : "left"}">${escapeHtml(c)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const html = `<table class="stepwise-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  return { "text/html": html, "text/plain": text };
}

/**
 * Shows a table in the notebook (HTML, with an aligned text fallback).
 * @param table columns, rows and significant digits
 * @throws TypeError / RangeError as {@link tableBundle}
 */
export function showTable(table: Table): void {
  sendBundle(tableBundle(table));
}
