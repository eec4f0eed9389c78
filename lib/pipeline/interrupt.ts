import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The file in a build's scratch folder that names the process that made it (`markOwner`). */
export const OWNER_FILE = ".stepwise-owner";

const children = new Set<ChildProcess>();
const folders = new Set<string>();

/**
 * Registers a helper process (an executor that owns a kernel) so that an
 * interrupt stops it. The registration ends by itself when the process exits.
 *
 * @param child a spawned process
 * @returns the same process
 */
export function trackChild(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  child.once("error", () => children.delete(child));
  return child;
}

/**
 * Registers a temporary folder that an interrupt must delete.
 *
 * @param dir an absolute path
 * @returns a function that ends the registration (call it once the folder is gone or kept on purpose)
 */
export function trackFolder(dir: string): () => void {
  folders.add(dir);
  return () => void folders.delete(dir);
}

/**
 * Writes the owner file (this process's pid) into a scratch folder of the build, so that
 * `sweepStaleFolders` of a later build deletes it should this process die without cleaning
 * up (SIGKILL). Only for folders that never become output (not the site being written).
 *
 * @param dir a stepwise-run-… or stepwise-exec-… folder
 */
export function markOwner(dir: string): void {
  try {
    writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  } catch {
    // a folder that cannot take the file is only not swept later
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Deletes the temporary folders that builds killed without a chance to clean up (SIGKILL,
 * a crash) left behind: folders of `parent` named stepwise-run-… or stepwise-exec-… whose
 * owner file (written by `markOwner`) names a process that no longer runs. Folders of a
 * running build, and folders without an owner file, are left alone.
 *
 * @param parent where builds make their temporary folders, default the system's
 * @returns the folders deleted
 */
export function sweepStaleFolders(parent: string = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!/^stepwise-(run|exec)-/.test(name)) continue;
    const dir = path.join(parent, name);
    const owner = path.join(dir, OWNER_FILE);
    try {
      if (!existsSync(owner)) continue;
      const pid = Number(readFileSync(owner, "utf8").trim());
      if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // another build swept it first, or it cannot be read: left alone
    }
  }
  return removed;
}

/**
 * Stops every registered helper process and deletes every registered folder:
 * each process gets SIGTERM (the executor then kills its kernel, see
 * lib/pipeline/execute-notebook.py) and, if it is still running after `graceMs`,
 * SIGKILL. Resolves when all have exited (or after the grace period).
 *
 * @param graceMs milliseconds to wait before SIGKILL, default 3000
 */
export async function stopEverything(graceMs = 3000): Promise<void> {
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise<void>((resolve) => c.once("exit", () => resolve())));
  for (const c of running) c.kill("SIGTERM");
  const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.all(exited), timer]);
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

let installed = false;
let stopping: NodeJS.Signals | null = null;

/**
 * The signal being handled by {@link exitCleanlyOnSignals}, once one arrived; null before.
 * Work that fails because its processes were stopped reports "stopped" rather than "failed".
 */
export function interruptedBy(): NodeJS.Signals | null {
  return stopping;
}

/**
 * Makes SIGINT (Ctrl-C) and SIGTERM stop the helper processes and delete the
 * temporary folders before the process exits with 130 (SIGINT) or 143 (SIGTERM).
 * For the command line; calling it again does nothing.
 *
 * @param onSignal optional extra cleanup, run first (e.g. closing a server)
 */
export function exitCleanlyOnSignals(onSignal?: () => Promise<void> | void): void {
  if (installed) return;
  installed = true;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = signal;
    console.error(`\nstepwise: ${signal}: stopping kernels and removing temporary folders…`);
    void Promise.resolve()
      .then(() => onSignal?.())
      .catch(() => undefined)
      .then(() => stopEverything())
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
