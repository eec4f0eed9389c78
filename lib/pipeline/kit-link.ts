import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { markOwner, trackFolder } from "./interrupt";
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

/** Where notebooks of a folder run: the folder itself, or a mirror of it that can import the kit. */
export interface RunFolder {
  /** The kernel's working directory for a notebook folder (absolute, a folder below the notebooks' root). */
  cwdFor(notebookFolder: string): string;
  /** Removes the mirror, if one was made. */
  dispose(): void;
}

/** Folder names never mirrored: dependencies, VCS data, Jupyter's checkpoints. */
const SKIP = new Set(["node_modules", ".git", ".ipynb_checkpoints"]);

/** Recreates the folder tree of `from` under `to`: folders as real folders, files as symlinks. */
function mirror(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (SKIP.has(name)) continue;
    const source = path.join(from, name);
    const st = lstatSync(source);
    if (st.isDirectory()) mirror(source, path.join(to, name));
    else symlinkSync(source, path.join(to, name));
  }
}

/**
 * Makes the kit importable for the notebooks of a folder. Inside a project that
 * resolves "stepwise" (see {@link resolvesKit}) nothing is needed and notebooks run
 * in their own folders. Elsewhere (e.g. ~/my-notebooks) the folder's tree is
 * mirrored into a temporary folder — folders recreated, files symlinked, so
 * relative reads see the real files — next to a `node_modules/stepwise` link to
 * this kit; tslab then resolves the import (its compiler and Node's require both
 * search node_modules upwards from the working directory). The temporary folder
 * is registered with `trackFolder`, so an interrupt removes it too.
 *
 * @param root the notebooks' folder (absolute)
 * @returns where each notebook folder runs, and how to clean up
 */
export function runFolderFor(root: string): RunFolder {
  if (resolvesKit(root)) return { cwdFor: (d) => d, dispose: () => undefined };
  const base = mkdtempSync(path.join(os.tmpdir(), "stepwise-exec-"));
  const untrack = trackFolder(base);
  markOwner(base);
  const work = path.join(base, "work");
  try {
    mkdirSync(path.join(base, "node_modules"));
    symlinkSync(PROJECT_ROOT, path.join(base, "node_modules", "stepwise"), "dir");
    mirror(root, work);
  } catch (err) {
    rmSync(base, { recursive: true, force: true });
    untrack();
    throw err;
  }
  return {
    cwdFor: (d) => path.join(work, path.relative(root, d)),
    dispose: () => {
      rmSync(base, { recursive: true, force: true });
      untrack();
    },
  };
}

/**
 * Lets notebooks in a folder outside the kit import "stepwise" in place (for
 * `npm run lab -- --dir FOLDER`, where a frontend edits the real files, so a mirror
 * as in {@link runFolderFor} will not do): when the folder does not resolve the kit
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
  if (present) throw new Error(`linkKitInto: ${link} exists but is not a stepwise package (no package.json there); remove it or point it at the kit (${PROJECT_ROOT})`);
  try {
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(PROJECT_ROOT, link, "dir");
  } catch (err) {
    throw new Error(`linkKitInto: cannot write the link ${link} -> ${PROJECT_ROOT}: ${(err as Error).message}`);
  }
  return link;
}
