import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
export { launchChromium } from "../browser";

export const ROOT = path.resolve(__dirname, "..", "..");
export const NOTEBOOKS = path.join(ROOT, "notebooks");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "frontend");


/** The newest modification time (ms) of the files under a folder, 0 when it is missing. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Compiles lib/ to dist/ when dist/index.js is missing or older than lib/: the notebooks import "stepwise", which is dist/index.js. */
export function buildLibIfStale(): void {
  if (existsSync(path.join(ROOT, "dist", "index.js")) && newest(path.join(ROOT, "dist")) >= newest(path.join(ROOT, "lib"))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}

/** The tutorial notebooks, in order. */
export function tutorialNames(): string[] {
  return readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
}

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
