import type { Figure } from "../charts/types";

/**
 * The title of a figure: `layout.title.text`, or `layout.title` when it is a
 * plain string (plotly accepts both), else "".
 *
 * @param fig a plotly figure
 * @returns the title text
 */
export function figureTitle(fig: Figure): string {
  const t: unknown = fig.layout?.title;
  if (typeof t === "string") return t;
  if (t !== null && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") {
    return (t as { text: string }).text;
  }
  return "";
}

/**
 * A plain-text summary of a figure, the text/plain fallback of a chart output:
 * the title and number of traces, then per trace its name (or "trace i"), its
 * number of points, the x and y ranges over the finite values (4 significant
 * digits), and the number of gaps (null or non-finite y).
 *
 * @param fig a plotly figure
 * @returns several lines of text, no trailing newline
 */
export function figureSummary(fig: Figure): string {
  const title = figureTitle(fig);
  const traces = Array.isArray(fig.data) ? fig.data : [];
  const lines = [`Figure${title ? ` "${title}"` : ""}: ${traces.length} trace${traces.length === 1 ? "" : "s"}`];
  traces.forEach((trace, i) => {
    const name = typeof trace?.name === "string" && trace.name !== "" ? trace.name : `trace ${i + 1}`;
    const xs = Array.isArray(trace?.x) ? trace.x : [];
    const ys = Array.isArray(trace?.y) ? trace.y : [];
    const gaps = ys.filter((y) => typeof y !== "number" || !Number.isFinite(y)).length;
    const parts = [`${xs.length} point${xs.length === 1 ? "" : "s"}`, `x ${range(xs)}`, `y ${range(ys)}`];
    if (gaps > 0) parts.push(`${gaps} gap${gaps === 1 ? "" : "s"}`);
    lines.push(`  ${name}: ${parts.join(", ")}`);
  });
  return lines.join("\n");
}

/** "min … max" of the finite numbers of a list, or "none" when it has none. */
function range(values: unknown[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? `${short(lo)} … ${short(hi)}` : "none";
}

/** A number to 4 significant digits, without trailing zeros. */
function short(v: number): string {
  return String(Number(v.toPrecision(4)));
}
