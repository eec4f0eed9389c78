import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { PROJECT_ROOT } from "./jupyter-env";

/**
 * The command that compiles with the project's one pinned TypeScript (scripts/tsc.mjs, the
 * `typescript` of package.json, never the `node_modules/.bin/tsc` that tslab's
 * @tslab/typescript-for-tslab shadows it with).
 *
 * @param args tsc's arguments, e.g. ["-p", "tsconfig.build.json"]
 * @returns the program (this Node.js) and its arguments, to run with the kit as working directory
 */
export function pinnedTsc(args: string[]): [string, string[]] {
  return [process.execPath, [path.join(PROJECT_ROOT, "scripts", "tsc.mjs"), ...args]];
}

/** The arguments that build lib/ into dist/ (what `npm run build` runs), with an optional other output folder. */
function buildArgs(outDir?: string): string[] {
  return ["-p", "tsconfig.build.json", ...(outDir ? ["--outDir", outDir] : [])];
}

/**
 * Compiles lib/ to dist/ (or `outDir`) with the pinned compiler, as `npm run build` does.
 *
 * @param outDir another output folder (absolute), e.g. for a test; default dist/
 * @returns when done
 * @throws Error "the lib does not compile: …" with the compiler's first five lines of errors
 */
export function compileLib(outDir?: string): Promise<void> {
  const [program, args] = pinnedTsc(buildArgs(outDir));
  return new Promise((resolve, reject) =>
    execFile(program, args, { cwd: PROJECT_ROOT }, (err, stdout, stderr) =>
      err
        ? reject(
            new Error(`the lib does not compile: ${`${stdout}${stderr}`.trim().split("\n").slice(0, 5).join(" | ")}`),
          )
        : resolve(),
    ),
  );
}

/**
 * {@link compileLib}, blocking (for scripts and tests), the compiler's output shown on this process's stdout.
 *
 * @param outDir another output folder (absolute); default dist/
 * @throws Error from execFileSync when the compiler exits non-zero
 */
export function compileLibSync(outDir?: string): void {
  const [program, args] = pinnedTsc(buildArgs(outDir));
  execFileSync(program, args, { cwd: PROJECT_ROOT, stdio: "inherit" });
}
