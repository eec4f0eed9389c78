import { readFileSync } from "node:fs";
import { notebookDerivations, type ShownDerivation } from "../outputs/notebook-derivations";
import { executeCached } from "./executed-cache";

/** A derivation an executed notebook showed: the notebook, the cell and the payload. */
export interface ExecutedDerivation extends ShownDerivation {
  notebook: string;
}

/**
 * Every derivation the notebooks of a folder show, taken from the
 * `application/vnd.stepwise.derivation+json` outputs of their executed copies
 * (executed under tslab, or reused from the cache: see `executeCached`).
 *
 * @param dir the notebooks' folder
 * @param names the notebooks' file names, in order
 * @returns the derivations in notebook and cell order
 * @throws NotebookError when a notebook fails to run; TypeError / RangeError for a malformed payload
 */
export async function executedDerivations(dir: string, names: string[]): Promise<ExecutedDerivation[]> {
  const executed = await executeCached(dir, names);
  return names.flatMap((name) => {
    const nb = JSON.parse(readFileSync(executed.get(name)!, "utf8"));
    return notebookDerivations(nb, name).map((d) => ({ notebook: name, ...d }));
  });
}
