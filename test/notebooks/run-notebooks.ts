import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { executeNotebook } from "../../lib/pipeline/execute-notebook";
import { runPool } from "../../lib/pipeline/pool";
import { NOTEBOOKS as NOTEBOOK_DIR, tutorialNames } from "../shared";

/** One output of an executed notebook, as nbformat stores it. */
export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

export interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}

export { NOTEBOOKS as NOTEBOOK_DIR, tutorialNames } from "../shared";

export const join = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : s ?? "");


export function readCells(file: string): Cell[] {
  return JSON.parse(readFileSync(file, "utf8")).cells as Cell[];
}

/** Every output's plain text (streams, text/plain of displays, error values), cell by cell. */
export function plainTexts(cells: Cell[]): string[] {
  return cells.flatMap((c) => (c.outputs ?? []).map((o) => join(o.text) + join(o.data?.["text/plain"]) + join(o.evalue)));
}

/**
 * Executes every tutorial notebook under the real tslab kernel (two at a time) and
 * returns the executed cells by notebook name. Cached: the suites share one run.
 */
let cache: Promise<Map<string, Cell[]>> | undefined;
export function executedTutorials(): Promise<Map<string, Cell[]>> {
  cache ??= (async () => {
    const out = mkdtempSync(path.join(tmpdir(), "stepwise-nb-"));
    const names = tutorialNames();
    const runs = await runPool(names, 2, async (name) => {
      const dst = path.join(out, name);
      await executeNotebook(path.join(NOTEBOOK_DIR, name), dst);
      return readCells(dst);
    });
    const failure = runs.find((r) => r.status === "rejected");
    if (failure?.status === "rejected") throw failure.reason;
    return new Map(names.map((name, i) => [name, (runs[i] as { value: Cell[] }).value]));
  })();
  return cache;
}
