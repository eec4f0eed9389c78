import { readFileSync } from "node:fs";
import { executeCached } from "../../lib/pipeline/executed-cache";
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
 * returns the executed cells by notebook name. The executed copies are shared with
 * `npm run mutants` through .cache/executed (keyed by the notebook, the built lib and
 * the lock file: see lib/pipeline/executed-cache.ts); within a process, one run.
 */
let cache: Promise<Map<string, Cell[]>> | undefined;
export function executedTutorials(): Promise<Map<string, Cell[]>> {
  cache ??= (async () => {
    const names = tutorialNames();
    const files = await executeCached(NOTEBOOK_DIR, names);
    return new Map(names.map((name) => [name, readCells(files.get(name)!)]));
  })();
  return cache;
}
