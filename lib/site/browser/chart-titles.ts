/**
 * Chart titles that fit their chart (part of assets/stepwise.js). plotly.js draws a title
 * on one line and never wraps it, so on a phone a long title ran past both edges of the
 * chart and was cut off. Here a title wider than its chart is broken into lines at spaces
 * (plotly's `<br>`), and the top margin grows by a line for each line added; when the chart
 * is wider again (a rotated phone, a resized window) the title goes back to fewer lines.
 * Runs in the reader's browser.
 */

/** Space kept free on each side of a title, in CSS pixels. */
const SIDE = 4;

/** What `fitChartTitle` needs of plotly.js. */
export interface RelayoutApi {
  relayout(div: HTMLElement, update: object): Promise<unknown>;
}

/** A chart's title as its figure gave it, and its top margin, kept for refitting at another width. */
interface Original {
  text: string;
  top: number;
}

const originals = new WeakMap<HTMLElement, Original>();
let canvas: CanvasRenderingContext2D | null = null;

/** The width of a text in a CSS font, in CSS pixels (a canvas's measureText). */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement("canvas").getContext("2d");
  if (!canvas) return 0;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/**
 * The words of a title in lines no wider than `max` pixels: as many words on a line as fit
 * (a word wider than `max` alone stays on its own line); a lone sign (=, −, +, ·) goes to the
 * line of the word after it.
 *
 * @param text the title (plain text, no `<br>`)
 * @param max the widest a line may be, in CSS pixels
 * @param measure the width of a piece of text, in CSS pixels
 * @returns the lines, at least one
 */
export function titleLines(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  // a lone sign ("=", "−", "+", "·", …) stays with the word after it, so no line ends on one
  const words: string[] = [];
  let sign = "";
  for (const w of text.split(/\s+/).filter((x) => x !== "")) {
    if (/^[^\p{L}\p{N}]{1,2}$/u.test(w)) sign = sign ? `${sign} ${w}` : w;
    else {
      words.push(sign ? `${sign} ${w}` : w);
      sign = "";
    }
  }
  if (sign) words.push(sign);
  for (const word of words) {
    const longer = line === "" ? word : `${line} ${word}`;
    if (line !== "" && measure(longer) > max) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines;
}

/** The title text of a plotly layout (`title` as a string or `{ text }`), or "" when it has none. */
function titleOf(layout: Record<string, unknown>): string {
  const t = layout.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string")
    return (t as { text: string }).text;
  return "";
}

/**
 * Breaks a drawn chart's title into lines when it is wider than the chart, or joins it back
 * when the chart has room again; the top margin grows by one line height per added line. A
 * title that already holds `<br>` (its author's own breaks) is left as it is.
 *
 * @param plotly plotly.js (its relayout)
 * @param div the chart's element, drawn (`_fullLayout` set by plotly)
 * @returns a promise settled when the chart is relaid out (at once when nothing changes)
 */
export function fitChartTitle(plotly: RelayoutApi, div: HTMLElement): Promise<unknown> {
  const full = (div as unknown as { _fullLayout?: Record<string, unknown> })._fullLayout;
  if (!full) return Promise.resolve();
  if (!originals.has(div)) {
    const margin = full.margin as { t?: number } | undefined;
    originals.set(div, { text: titleOf(full), top: margin?.t ?? 80 });
  }
  const original = originals.get(div) as Original;
  if (original.text === "" || /<br\s*\/?>/i.test(original.text)) return Promise.resolve();
  const font = ((full.title as { font?: { size?: number; family?: string; weight?: string | number } }).font ?? {}) as {
    size?: number;
    family?: string;
    weight?: string | number;
  };
  const size = font.size ?? 17;
  const css = `${font.weight ?? "normal"} ${size}px ${font.family ?? "sans-serif"}`;
  const lines = titleLines(original.text, div.clientWidth - 2 * SIDE, (s) => textWidth(s, css));
  const text = lines.join("<br>");
  if (text === titleOf(full)) return Promise.resolve();
  // plotly's line height for a title: 1.3 of its font size
  const top = Math.round(original.top + (lines.length - 1) * size * 1.3);
  return plotly.relayout(div, { "title.text": text, "margin.t": top });
}
