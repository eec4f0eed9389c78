import * as path from "node:path";
import { notebookDerivations, type ShownDerivation } from "../outputs/notebook-derivations";
import { readNotebook, type Notebook } from "../notebook/nbformat";
import { executeNotebooks } from "./build";

/** A derivation an executed notebook showed: the notebook, the cell and the payload. */
export interface ExecutedDerivation extends ShownDerivation {
  notebook: string;
}

/**
 * Executes notebooks of a folder under their kernels, or takes them from the build's
 * execution cache (`.stepwise-cache/`, see lib/pipeline/cache.ts) when their code cells,
 * kernel, the lib and the lockfile are unchanged: `npm start`, the notebook tests and
 * `npm run mutants` share one run.
 *
 * @param dir the notebooks' folder
 * @param names notebook paths relative to dir, in order
 * @param options jobs: notebooks run at once (default 2)
 * @returns the executed notebooks by name, in the order of names
 * @throws NotebookError of the first notebook that fails (see `executeNotebooks`)
 */
export async function executeCached(
  dir: string,
  names: string[],
  options: { jobs?: number } = {},
): Promise<Map<string, Notebook>> {
  const root = path.resolve(dir);
  const sources = names.map((name) => readNotebook(path.join(root, name)));
  const { executed } = await executeNotebooks(root, names, sources, { jobs: options.jobs ?? 2 });
  return new Map(names.map((name, i) => [name, executed[i]]));
}

/**
 * Every derivation the notebooks of a folder show, taken from the
 * `application/vnd.stepwise.derivation+json` outputs of their executed copies
 * (see {@link executeCached}).
 *
 * @param dir the notebooks' folder
 * @param names the notebooks' file names, in order
 * @returns the derivations in notebook and cell order
 * @throws NotebookError when a notebook fails to run; TypeError / RangeError for a malformed payload
 */
export async function executedDerivations(dir: string, names: string[]): Promise<ExecutedDerivation[]> {
  const executed = await executeCached(dir, names);
  return names.flatMap((name) => notebookDerivations(executed.get(name)!, name).map((d) => ({ notebook: name, ...d })));
}
