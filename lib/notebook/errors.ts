/**
 * What the kit counts as a notebook error, declared once for the TypeScript side (the
 * site's renderer, the execution cache) and the Python executor
 * (lib/pipeline/execute-notebook.py), which receives {@link executorModel} as JSON
 * (`--model`): which metadata keys let every cell fail, and what on stderr is an error.
 */
import type { Notebook } from "./nbformat";

/**
 * Metadata section → the keys that, set to true, let every cell of a notebook fail:
 * `execution.allow_errors` (Jupyter Book), `mystnb.execution_allow_errors` (MyST-NB),
 * `stepwise.allow_errors`, each also spelled with hyphens.
 */
export const ALLOW_ERRORS_KEYS: Readonly<Record<string, readonly string[]>> = {
  execution: ["allow_errors", "allow-errors"],
  mystnb: ["execution_allow_errors", "execution-allow-errors"],
  stepwise: ["allow_errors", "allow-errors"],
};

/** The cell tag that lets one cell fail (nbclient's). */
export const RAISES_EXCEPTION_TAG = "raises-exception";

/**
 * A stderr line that names an error, e.g. "ReferenceError: rows is not defined": group 1 the
 * error's name, group 2 its message. Written in the syntax JavaScript and Python regular
 * expressions share; applied to one line at a time.
 */
export const STDERR_ERROR_LINE = String.raw`^\s*((?:[A-Za-z_][\w.]*)?(?:Error|Exception)|UnhandledPromiseRejection)(?::\s*(.*))?$`;

/** A line of a JavaScript stack trace ("    at f (file.ts:3:9)"); an error line followed by one is how tslab reports an exception. */
export const STDERR_STACK_LINE = String.raw`^\s+at \S`;

/**
 * A compiler error as tslab writes it to stderr, one line per error: "[FILE ]LINE:COLUMN - MESSAGE"
 * (FILE only for a module cell's file, e.g. "mod.ts"): groups 1–4 the file, line, column and
 * message. The cell did not run; every such line is one error of it.
 */
export const STDERR_COMPILER_ERROR_LINE = String.raw`^(?:(\S+\.[cm]?[jt]sx?) )?(\d+):(\d+) - (.*)$`;

/**
 * Whether a notebook's metadata lets every cell fail ({@link ALLOW_ERRORS_KEYS}, value true;
 * within a section the first key present decides).
 *
 * @param metadata a notebook's metadata
 * @returns true when errors are allowed notebook-wide
 */
export function notebookAllowsErrors(metadata: Notebook["metadata"]): boolean {
  return Object.entries(ALLOW_ERRORS_KEYS).some(([section, keys]) => {
    const o = metadata[section];
    return o && typeof o === "object"
      ? keys.map((k) => (o as Record<string, unknown>)[k]).find((v) => v !== undefined) === true
      : false;
  });
}

/**
 * Whether stderr text holds an error as tslab reports one: a line matching
 * {@link STDERR_ERROR_LINE} followed by a line matching {@link STDERR_STACK_LINE} (an exception),
 * or a line matching {@link STDERR_COMPILER_ERROR_LINE} (a compiler error).
 *
 * @param text the cell's stderr
 * @returns true when it holds an error with its stack trace
 */
export function stderrShowsError(text: string): boolean {
  const error = new RegExp(STDERR_ERROR_LINE);
  const stack = new RegExp(STDERR_STACK_LINE);
  const compiler = new RegExp(STDERR_COMPILER_ERROR_LINE);
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some(
    (line, i) => compiler.test(line) || (error.test(line) && i + 1 < lines.length && stack.test(lines[i + 1])),
  );
}

/** The model as the Python executor reads it (JSON of `--model`). */
export interface ExecutorModel {
  allowErrorsKeys: Readonly<Record<string, readonly string[]>>;
  raisesExceptionTag: string;
  stderrErrorLine: string;
  stderrStackLine: string;
  stderrCompilerErrorLine: string;
}

/**
 * The error model handed to the Python executor, so both languages read one source.
 *
 * @returns plain JSON data
 */
export function executorModel(): ExecutorModel {
  return {
    allowErrorsKeys: ALLOW_ERRORS_KEYS,
    raisesExceptionTag: RAISES_EXCEPTION_TAG,
    stderrErrorLine: STDERR_ERROR_LINE,
    stderrStackLine: STDERR_STACK_LINE,
    stderrCompilerErrorLine: STDERR_COMPILER_ERROR_LINE,
  };
}
