import { spawnSync } from "node:child_process";
import * as path from "node:path";

/** The project root: the folder holding package.json, jupyter/ and scripts/. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** The folder named on JUPYTER_PATH so that Jupyter finds the project's tslab kernelspec. */
export const JUPYTER_DIR = path.join(PROJECT_ROOT, "jupyter");

/**
 * The environment for Jupyter processes: the current one with the project's
 * jupyter/ folder first on JUPYTER_PATH (the kernelspec "tslab" in
 * jupyter/kernels/tslab runs this project's own node_modules/tslab), and without
 * FORCE_COLOR (which test runners set), so that the kernel's printed values carry
 * no ANSI colour codes and outputs are the same from every caller.
 */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _colour, ...env } = base;
  const rest = base.JUPYTER_PATH ? [base.JUPYTER_PATH] : [];
  return {
    ...env,
    JUPYTER_PATH: [JUPYTER_DIR, ...rest].join(path.delimiter),
    PYTHONWARNINGS: base.PYTHONWARNINGS ?? "ignore",
  };
}

/** The project-local Python environment that `scripts/setup.mjs` creates from jupyter/requirements.txt. */
export const VENV_DIR = path.join(PROJECT_ROOT, ".venv");

/** The project venv's Python (`.venv/bin/python`). */
export const VENV_PYTHON = path.join(VENV_DIR, "bin", "python");

let cached: string | undefined;

/**
 * Finds a Python 3 that can import nbclient and nbformat: $STEPWISE_PYTHON if set (and
 * then only that one), else the project's venv (`.venv/bin/python`, made by the
 * set-up with pinned versions), else /usr/bin/python3 (Debian's, where apt
 * installs python3-nbclient), else python3.
 *
 * @returns the interpreter's path or command name
 * @throws Error saying how to install Jupyter's executor when none is found, or that
 *         $STEPWISE_PYTHON lacks it
 */
export function findPython(): string {
  if (cached) return cached;
  const chosen = process.env.STEPWISE_PYTHON;
  if (chosen) {
    // A Python named on purpose is used or refused, never silently replaced.
    if (spawnSync(chosen, ["-c", "import nbclient, nbformat"], { stdio: "ignore" }).status === 0)
      return (cached = chosen);
    throw new Error(
      `STEPWISE_PYTHON=${chosen} cannot import nbclient and nbformat: install them there (pip install nbclient nbformat), or unset STEPWISE_PYTHON`,
    );
  }
  const candidates = [VENV_PYTHON, "/usr/bin/python3", "python3"];
  for (const py of candidates) {
    const r = spawnSync(py, ["-c", "import nbclient, nbformat"], { stdio: "ignore" });
    if (r.status === 0) return (cached = py);
  }
  throw new Error(
    `no Python with nbclient found (tried ${candidates.join(", ")}). Install Jupyter's executor: ` +
      "on Debian/Ubuntu `apt-get install -y jupyter-nbconvert python3-nbclient`, elsewhere `pip install nbclient nbformat`, " +
      "or point STEPWISE_PYTHON at a Python that has it.",
  );
}
