// Whether a build of lib/ would change nothing, so that scripts/tsc.mjs can skip it: `npm start`
// (set-up builds the lib) and `npm test` otherwise spend a whole compile (about 14 s of CPU) on a
// lib that did not change since the last build.
//
// A successful build records a stamp: a hash of what the compile reads (every .ts file under lib/,
// the tsconfig files, the lockfile, the compiler's version and the arguments) and a hash of what it
// wrote (every file of the output folder, names and contents). The next build is skipped only when
// both hashes match again: a changed source, option or compiler compiles again, and so does an
// output folder that was deleted, edited or added to since. The stamps live in
// node_modules/.cache/stepwise/ (npm ci clears them), one per output folder.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/**
 * SHA-256 over the files below `dir` whose name passes `keep`, in sorted order, each with its path
 * relative to `dir` and its content; a missing folder hashes as "missing".
 * @param {string} dir absolute folder
 * @param {(name: string) => boolean} keep which file names count
 * @returns {string} hex digest
 */
function hashTree(dir, keep) {
  const hash = createHash("sha256");
  if (!existsSync(dir)) return hash.update("missing").digest("hex");
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(abs, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && keep(entry.name)) {
        hash.update(`${relative(dir, p)}\0${statSync(p).size}\0`);
        hash.update(readFileSync(p));
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/**
 * The stamp a build of lib/ with these arguments would record now.
 * @param {string} root the kit's folder
 * @param {string[]} args tsc's arguments (e.g. ["-p", "tsconfig.build.json", "--outDir", "/tmp/x"])
 * @param {string} outDir the build's output folder (absolute)
 * @returns {{ inputs: string, outputs: string }} hex digests of the inputs and of the output folder
 */
export function currentStamp(root, args, outDir) {
  return { inputs: inputsDigest(root, args), outputs: hashTree(outDir, () => true) };
}

/**
 * The hash of what a build of lib/ reads: take it before compiling, so that a source saved during the
 * compile counts as a change for the next build.
 * @param {string} root the kit's folder
 * @param {string[]} args tsc's arguments
 * @returns {string} hex digest
 */
export function inputsDigest(root, args) {
  const inputs = createHash("sha256");
  inputs.update(`${JSON.stringify(args)}\0`);
  inputs.update(`${readFileSync(join(root, "node_modules", "typescript", "package.json"), "utf8")}\0`);
  for (const file of ["tsconfig.json", "tsconfig.build.json", "package-lock.json"]) {
    const p = join(root, file);
    inputs.update(`${file}\0${existsSync(p) ? readFileSync(p, "utf8") : "missing"}\0`);
  }
  inputs.update(hashTree(join(root, "lib"), (name) => name.endsWith(".ts")));
  return inputs.digest("hex");
}

/** Where the stamp of builds into `outDir` is kept. */
function stampFile(root, outDir) {
  const id = createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 16);
  return join(root, "node_modules", ".cache", "stepwise", `lib-build-${id}.json`);
}

/**
 * Whether the last successful build into `outDir` had the same inputs and left the folder as it is now.
 * @param {string} root the kit's folder
 * @param {string[]} args tsc's arguments
 * @param {string} outDir the output folder (absolute)
 * @returns {boolean} true when compiling again would change nothing; false when in doubt (no stamp, unreadable stamp)
 */
export function buildIsCurrent(root, args, outDir) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(root, outDir), "utf8"));
    const now = currentStamp(root, args, outDir);
    return stamp.inputs === now.inputs && stamp.outputs === now.outputs;
  } catch {
    return false;
  }
}

/**
 * Records the stamp of a build that just succeeded (call it after the output folder is final).
 * @param {string} root the kit's folder
 * @param {string} outDir the output folder (absolute)
 * @param {string} inputs {@link inputsDigest} as it was before the compile started
 * @throws Error from the file system when node_modules/.cache/stepwise cannot be written
 */
export function recordBuild(root, outDir, inputs) {
  const file = stampFile(root, outDir);
  const folder = join(file, "..");
  mkdirSync(folder, { recursive: true });
  // the stamps of output folders deleted since (a test's temporary build) go
  for (const name of readdirSync(folder)) {
    try {
      const { outDir: other } = JSON.parse(readFileSync(join(folder, name), "utf8"));
      if (typeof other === "string" && !existsSync(other)) rmSync(join(folder, name), { force: true });
    } catch {
      rmSync(join(folder, name), { force: true });
    }
  }
  const outputs = hashTree(outDir, () => true);
  writeFileSync(file, `${JSON.stringify({ outDir: resolve(outDir), inputs, outputs })}\n`);
}
