import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Cell, Notebook } from "../../../lib/notebook/nbformat";
import { tempFolder } from "../../temp-folders";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** A fresh temporary folder outside the project, removed when the test process exits. */
export function tempDir(prefix = "stepwise-pipeline-test-"): string {
  return tempFolder(prefix);
}

export const md = (source: string, extra: Partial<Cell> = {}): Cell => ({
  cell_type: "markdown",
  metadata: {},
  source,
  ...extra,
});
export const code = (source: string, extra: Partial<Cell> = {}): Cell => ({
  cell_type: "code",
  metadata: {},
  source,
  outputs: [],
  execution_count: null,
  ...extra,
});

/** A notebook of the given cells on the tslab kernel (or another kernelspec). */
export function notebook(
  cells: Cell[],
  kernel: { name: string; language: string } = { name: "tslab", language: "typescript" },
): Notebook {
  return { cells, metadata: { kernelspec: { ...kernel, display_name: kernel.name } }, nbformat: 4, nbformat_minor: 5 };
}

/** Writes a notebook file (folders created). */
export function writeNotebook(file: string, nb: Notebook): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(nb, null, 1));
}

/** The joined stdout of every code cell of an executed notebook file. */
export function stdoutOf(file: string): string[] {
  const nb = JSON.parse(readFileSync(file, "utf8")) as Notebook;
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) =>
      (c.outputs ?? [])
        .map((o) =>
          o.output_type === "stream" && o.name === "stdout" ? ([] as string[]).concat(o.text as string[]).join("") : "",
        )
        .join(""),
    );
}
