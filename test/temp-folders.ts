/**
 * Temporary folders for tests that remove themselves: every folder made here is deleted when
 * the test process exits, whether its tests passed, failed or threw, or it was stopped by
 * SIGINT or SIGTERM (not after SIGKILL). Tests
 * use this instead of mkdtempSync, so that a test run leaves the system's temporary folder as
 * it found it (scripts/test.mjs checks that, and test/unit/temp-folders.test.ts checks this).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const made = new Set<string>();
let hooked = false;

/** Removes every folder made so far (at exit; also callable by a test that wants it earlier). */
export function removeTempFolders(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
}

/**
 * A fresh empty folder, removed with everything in it when the process exits.
 *
 * @param prefix the folder name's start, e.g. "stepwise-site-test-" (a random suffix follows)
 * @param parent where to make it; default the system's temporary folder (`os.tmpdir()`, which honours TMPDIR)
 * @returns its absolute path
 */
export function tempFolder(prefix: string, parent: string = os.tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, prefix));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeTempFolders);
    // a run stopped by Ctrl-C or a timeout's SIGTERM cleans up too, then ends as the signal would
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      process.once(signal, () => {
        removeTempFolders();
        process.exit(code);
      });
    }
  }
  return dir;
}
