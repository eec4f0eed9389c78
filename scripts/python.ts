/**
 * The Python of the project's own checks that run outside the notebooks (the fuzz oracle,
 * the SymPy and mpmath references of the benches, corpora and tests).
 */
import { existsSync } from "node:fs";
import { VENV_PYTHON } from "../lib/pipeline/jupyter-env";

/**
 * The interpreter to run: the project's `.venv/bin/python` when it exists (set-up installs
 * SymPy and mpmath there), else $STEPWISE_PYTHON, else `python3`.
 *
 * @returns the interpreter's path or command name (whether it has SymPy or mpmath is the caller's to check)
 */
export function python(): string {
  return existsSync(VENV_PYTHON) ? VENV_PYTHON : process.env.STEPWISE_PYTHON || "python3";
}
