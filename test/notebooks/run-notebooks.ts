import { readFileSync } from "node:fs";
import { executeCached } from "../../lib/pipeline/executed-derivations";
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

export const join = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : (s ?? ""));

export function readCells(file: string): Cell[] {
  return JSON.parse(readFileSync(file, "utf8")).cells as Cell[];
}

/** Every output's plain text (streams, text/plain of displays, error values), cell by cell. */
export function plainTexts(cells: Cell[]): string[] {
  return cells.flatMap((c) =>
    (c.outputs ?? []).map((o) => join(o.text) + join(o.data?.["text/plain"]) + join(o.evalue)),
  );
}

/**
 * Executes every tutorial notebook under the real tslab kernel (two at a time) and
 * returns the executed cells by notebook name. The executed copies are shared with
 * `npm run mutants` and `npm start` through the build's execution cache (.stepwise-cache/,
 * keyed by the code cells, the kernel, the lib and the lock file: see lib/pipeline/cache.ts); within a process, one run.
 */
let cache: Promise<Map<string, Cell[]>> | undefined;
export function executedTutorials(): Promise<Map<string, Cell[]>> {
  cache ??= (async () => {
    const names = tutorialNames();
    const executed = await executeCached(NOTEBOOK_DIR, names);
    return new Map(names.map((name) => [name, executed.get(name)!.cells as unknown as Cell[]]));
  })();
  return cache;
}
