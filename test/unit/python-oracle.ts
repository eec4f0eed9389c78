/**
 * The independent oracle of the unit tests: a SymPy or mpmath script run by the project's
 * Python (scripts/python.ts), reading its cases as JSON on stdin and printing its answer as JSON.
 */
import { spawnSync } from "node:child_process";
import { python } from "../../scripts/python";

/**
 * Runs a Python script on JSON input and reads its JSON output.
 *
 * @param script the script's source (run with `python -c`); it reads `json.load(sys.stdin)` and prints one JSON value
 * @param input  any JSON-serialisable value, sent on stdin
 * @returns the printed value, parsed (typed by the caller: the script decides its shape)
 * @throws Error naming the exit status and the script's stderr when it does not exit 0
 */
export function pythonJson<T = unknown>(script: string, input: unknown): T {
  const run = spawnSync(python(), ["-c", script], {
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0)
    throw new Error(
      `the Python oracle exited with status ${run.status} (${run.error?.message ?? "no spawn error"}): ${run.stderr}`,
    );
  return JSON.parse(run.stdout) as T;
}
