/**
 * The parts of a Jupyter notebook (nbformat 4) the site renderer reads, and the
 * few operations on whole notebooks: reading one, joining multi-line fields,
 * and removing outputs for the downloadable copy.
 * Field names follow the nbformat 4 schema (nbformat.readthedocs.io, "The Notebook file format").
 */
import { readFileSync } from "node:fs";

/** A multi-line string field: nbformat stores it as one string or as a list of lines. */
export type MultilineString = string | string[];

/** MIME type → content of a display_data / execute_result output. */
export type MimeData = Record<string, MultilineString | unknown>;

/** One output of a code cell. */
export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr" | string; text: MultilineString }
  | {
      output_type: "display_data" | "execute_result";
      data: MimeData;
      metadata?: Record<string, unknown>;
      execution_count?: number | null;
    }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** One cell. Raw cells are kept by nbformat but not rendered by the site. */
export interface Cell {
  cell_type: "markdown" | "code" | "raw";
  id?: string;
  source: MultilineString;
  metadata?: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

/** A notebook. */
export interface Notebook {
  cells: Cell[];
  metadata: {
    kernelspec?: { name?: string; display_name?: string; language?: string };
    language_info?: { name?: string };
    [key: string]: unknown;
  };
  nbformat: number;
  nbformat_minor: number;
}

/**
 * Joins a multi-line field into one string (nbformat lists keep their own "\n").
 *
 * @param value a string, a list of strings, or anything else (then "")
 * @returns the text
 */
export function joinText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : "")).join("");
  return "";
}

/**
 * Reads and checks a notebook file.
 *
 * @param file path of an .ipynb file
 * @returns the parsed notebook
 * @throws Error naming the file when it is not JSON or not an nbformat-4 notebook (no cells array)
 */
export function readNotebook(file: string): Notebook {
  let nb: unknown;
  try {
    nb = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not a JSON notebook: ${(err as Error).message}`);
  }
  const cells = (nb as { cells?: unknown })?.cells;
  const major = (nb as { nbformat?: unknown })?.nbformat;
  if (!Array.isArray(cells) || (major !== undefined && major !== 4)) {
    throw new Error(
      `${file}: not an nbformat 4 notebook (nbformat=${String(major)}, cells ${Array.isArray(cells) ? "present" : "missing"})`,
    );
  }
  const n = nb as Notebook;
  n.metadata ??= {};
  return n;
}

/**
 * A copy of a notebook without outputs, execution counts or per-cell execution
 * timings: what a reader downloads to run it themselves.
 *
 * @param nb the notebook (not modified)
 * @returns a new notebook
 */
export function stripOutputs(nb: Notebook): Notebook {
  const cells = nb.cells.map((cell): Cell => {
    const { outputs: _o, execution_count: _e, ...rest } = cell;
    const metadata = { ...(cell.metadata ?? {}) };
    delete metadata.execution;
    return cell.cell_type === "code"
      ? { ...rest, metadata, execution_count: null, outputs: [] }
      : { ...rest, metadata };
  });
  return { ...nb, cells };
}

/**
 * Serialises a notebook the way Jupyter writes it (one-space indent, trailing newline).
 *
 * @param nb the notebook
 * @returns JSON text
 */
export function notebookJson(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
}
