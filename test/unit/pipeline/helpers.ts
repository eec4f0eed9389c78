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

/**
 * Waits for an event a test cannot be told of directly (a file appearing, a process starting) by
 * checking `happened` every 100 ms, so that a slow, loaded machine only makes the test slower,
 * never wrong.
 *
 * @param what the event, for the error, e.g. "the kernel entered the endless cell"
 * @param happened returns true once the event happened
 * @param timeoutMs the longest wait in milliseconds; default 120 000 (a kernel's start under heavy load takes tens of seconds)
 * @returns the milliseconds waited
 * @throws Error "timed out after N s waiting until WHAT" when it never happened
 */
export async function waitFor(what: string, happened: () => boolean, timeoutMs = 120_000): Promise<number> {
  const start = Date.now();
  while (!happened()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - start;
}

/**
 * The source of a code cell that writes the file `marker` (its path) and then never ends: a test
 * waits for the file ({@link waitFor}) to know the kernel is inside the cell, rather than for a fixed time.
 *
 * @param marker absolute path of the file written on entering the cell
 * @param wait "busy" (a loop that holds the kernel's thread) or "await" (a promise that never resolves)
 */
export function endlessCell(marker: string, wait: "busy" | "await"): string {
  const enter = `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "inside");`;
  return wait === "busy" ? `${enter}\nwhile (Date.now() > 0) {}` : `${enter}\nawait new Promise(() => undefined);`;
}
