import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import { trackFolder } from "./interrupt";

/** The file that marks a folder as a site written by stepwise, so it may be replaced. */
export const SITE_MARKER = ".stepwise-site";

/** A random suffix for temporary names. */
function suffix(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Checks, before any work, that a site can be written to `out`: it is a folder
 * stepwise wrote (marked), an empty folder, or missing with a creatable parent
 * (the nearest existing ancestor is a writable folder), and it is not, and does
 * not contain, a folder that must survive (the notebooks' folder).
 *
 * @param out the site folder as given (--out)
 * @param keep folders the build reads from, which out must not replace
 * @throws Error naming out and what is wrong with it
 */
export function checkOut(out: string, keep: string[] = []): void {
  const target = path.resolve(out);
  for (const k of keep.map((p) => path.resolve(p))) {
    if (k === target || k.startsWith(target + path.sep))
      throw new Error(`--out ${out} would replace ${k}, which the build reads: choose another --out`);
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory())
      throw new Error(`--out ${out} is a file, not a folder: choose another --out or remove it`);
    if (readdirSync(target).length > 0 && !existsSync(path.join(target, SITE_MARKER))) {
      throw new Error(
        `${out} exists and was not written by stepwise (no ${SITE_MARKER} file): choose another --out or remove it`,
      );
    }
  }
  let parent = path.dirname(target);
  while (!existsSync(parent)) parent = path.dirname(parent);
  if (!statSync(parent).isDirectory())
    throw new Error(`--out ${out} cannot be created: ${parent} is a file, not a folder`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new Error(`--out ${out} cannot be created: ${parent} is not writable`);
  }
}

/**
 * Builds a folder atomically: `fill` writes into a new temporary folder next to
 * `out` (same file system, named ".<name>-build-…"); only when it succeeds is
 * the temporary folder swapped in by two renames (old out → ".<name>-old-…",
 * temporary → out) and the old one deleted. If fill throws, the temporary folder
 * is deleted and out is left exactly as it was. The new folder gets a
 * {@link SITE_MARKER} file; an existing out that is neither empty nor marked is
 * never replaced. The temporary folder is registered with `trackFolder`, so an
 * interrupt removes it.
 *
 * @param out the folder to create or replace
 * @param fill writes the content into the folder it is given
 * @returns fill's result
 * @throws Error from {@link checkOut} (nothing is written);
 *   whatever fill throws (out untouched)
 */
export async function buildAtomically<T>(out: string, fill: (dir: string) => Promise<T>): Promise<T> {
  checkOut(out);
  const target = path.resolve(out);
  const name = path.basename(target);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${name}-build-${suffix()}`);
  mkdirSync(temp);
  const untrack = trackFolder(temp);
  let result: T;
  try {
    result = await fill(temp);
    writeFileSync(path.join(temp, SITE_MARKER), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    untrack();
    throw err;
  }
  untrack();
  const old = path.join(path.dirname(target), `.${name}-old-${suffix()}`);
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (err) {
    if (hadOld) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
  return result;
}
