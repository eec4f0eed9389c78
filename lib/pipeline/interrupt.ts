import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

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
 * Stops every registered helper process and deletes every registered folder:
 * each process gets SIGTERM (the executor then kills its kernel, see
 * scripts/execute-notebook.py) and, if it is still running after `graceMs`,
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
