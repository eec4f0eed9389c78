import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** The file that marks a folder as a site written by stepwise, so it may be replaced. */
export const SITE_MARKER = ".stepwise-site";

/** A random suffix for temporary names. */
function suffix(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Builds a folder atomically: `fill` writes into a new temporary folder next to
 * `out` (same file system, named ".<name>-build-…"); only when it succeeds is
 * the temporary folder swapped in by two renames (old out → ".<name>-old-…",
 * temporary → out) and the old one deleted. If fill throws, the temporary folder
 * is deleted and out is left exactly as it was. The new folder gets a
 * {@link SITE_MARKER} file; an existing out that is neither empty nor marked is
 * never replaced.
 *
 * @param out the folder to create or replace
 * @param fill writes the content into the folder it is given
 * @returns fill's result
 * @throws Error when out exists, is not empty and has no marker (nothing is written);
 *   whatever fill throws (out untouched)
 */
export async function buildAtomically<T>(out: string, fill: (dir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(out);
  const name = path.basename(target);
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(path.join(target, SITE_MARKER))) {
    throw new Error(`${out} exists and was not written by stepwise (no ${SITE_MARKER} file): choose another --out or remove it`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${name}-build-${suffix()}`);
  mkdirSync(temp);
  let result: T;
  try {
    result = await fill(temp);
    writeFileSync(path.join(temp, SITE_MARKER), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
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
