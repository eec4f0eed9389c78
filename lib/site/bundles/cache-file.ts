import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/**
 * The SHA-256 of some text or bytes, as hex.
 *
 * @param data text (hashed as UTF-8) or bytes
 * @returns 64 hex digits
 */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Writes a file so that a reader never sees it half written: into a temporary file beside
 * it (named after this process and a random suffix, ending in ".tmp"), then renamed over it.
 * Builds running at once may write the same cache entry; the last rename wins, whole.
 *
 * @param file the file to write; its folder is created if missing
 * @param data its contents
 * @throws Error on a file-system error (the temporary file may then remain)
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  writeFileSync(temp, data);
  renameSync(temp, file);
}
