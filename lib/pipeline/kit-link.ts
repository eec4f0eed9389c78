import { existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./jupyter-env";

/**
 * Whether code in a folder can import "stepwise" by name: some ancestor (the folder
 * itself included) holds node_modules/stepwise — inside this kit (which links to
 * itself) or in a project that installed it.
 *
 * @param dir an absolute folder path
 */
export function resolvesKit(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "node_modules", "stepwise", "package.json"))) return true;
    if (path.dirname(d) === d) return false;
  }
}

/**
 * What a kernel's environment needs so that notebooks of a folder can import "stepwise": nothing
 * inside a project that resolves it (see {@link resolvesKit}: this kit, or a project that
 * installed it, whose own copy then wins); elsewhere `STEPWISE_KIT`, the kit's folder, which the
 * kit's kernel launcher (jupyter/tslab-kernel.js) reads to resolve "stepwise" and "stepwise/…"
 * from the kit when the folder does not. The notebooks still run in their own folder, and
 * nothing is written into it.
 *
 * @param root the notebooks' folder (absolute)
 * @returns environment variables to add for the kernels ({} when none are needed)
 */
export function kitImportEnv(root: string): Record<string, string> {
  return resolvesKit(root) ? {} : { STEPWISE_KIT: PROJECT_ROOT };
}

/**
 * Lets notebooks in a folder outside the kit import "stepwise" in place (for
 * `npm run lab -- --dir FOLDER`, where Jupyter starts the kernels and the build's
 * {@link kitImportEnv} does not reach them): when the folder does not resolve the kit
 * already (see {@link resolvesKit}), it writes one symlink,
 * `FOLDER/node_modules/stepwise` → this kit, as `npm link stepwise` would.
 *
 * @param dir an existing folder (absolute or relative)
 * @returns the link's path when one was made, or null when the folder already resolves the kit
 * @throws Error naming the path when `node_modules/stepwise` exists there but is not the kit
 *   (a file or a broken link), or when the link cannot be written (a read-only folder)
 */
export function linkKitInto(dir: string): string | null {
  const folder = path.resolve(dir);
  if (resolvesKit(folder)) return null;
  const link = path.join(folder, "node_modules", "stepwise");
  let present = false;
  try {
    lstatSync(link);
    present = true;
  } catch {
    // absent: made below
  }
  if (present)
    throw new Error(
      `linkKitInto: ${link} exists but is not a stepwise package (no package.json there); remove it or point it at the kit (${PROJECT_ROOT})`,
    );
  try {
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(PROJECT_ROOT, link, "dir");
  } catch (err) {
    throw new Error(`linkKitInto: cannot write the link ${link} -> ${PROJECT_ROOT}: ${(err as Error).message}`);
  }
  return link;
}
