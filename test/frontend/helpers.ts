import { readFileSync } from "node:fs";
import * as path from "node:path";
export { buildLibOnce, launchChromium, NOTEBOOKS, ROOT, tutorialNames } from "../shared";
import { ROOT } from "../shared";

export const ARTIFACTS = path.join(ROOT, "test-artifacts", "frontend");

/** What a notebook's source promises each code cell will show, keyed by the cell's 1-based index over all cells. */
export interface Promised {
  /** Cells that call showFigure(…): each must show exactly one chart. */
  charts: Set<number>;
  /** Cells that call showVerified(…) or showDerivation(…): each must show at least one derivation. */
  derivations: Set<number>;
}

/** Reads the notebook file (not the page) and lists the cells that call the chart and derivation displays. */
export function promisedBy(file: string): Promised {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  const charts = new Set<number>();
  const derivations = new Set<number>();
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const code = (Array.isArray(c.source) ? c.source.join("") : c.source)
      .split("\n")
      .filter((line) => !line.trim().startsWith("//"))
      .join("\n");
    if (/\bshowFigure\(/.test(code)) charts.add(i + 1);
    if (/\bshow(Verified|Derivation)\(/.test(code)) derivations.add(i + 1);
  });
  return { charts, derivations };
}
