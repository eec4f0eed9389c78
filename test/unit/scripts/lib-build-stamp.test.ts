import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../../temp-folders";

const ROOT = path.resolve(__dirname, "..", "..", "..");
type Stamp = {
  buildIsCurrent(root: string, args: string[], outDir: string): boolean;
  recordBuild(root: string, outDir: string, inputs: string): void;
  inputsDigest(root: string, args: string[]): string;
};
const load = (): Promise<Stamp> => import(path.join(ROOT, "scripts", "lib-build-stamp.mjs"));

const unit = suite("the stamp of a lib build: skipped only when nothing it reads or wrote changed");

/** A kit-shaped folder: a compiler's package.json, the tsconfig files, a lockfile, lib/ and an output folder. */
function fakeKit(): { root: string; out: string; args: string[] } {
  const root = tempFolder("stepwise-stamp-test-");
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write("node_modules/typescript/package.json", '{"version":"5.9.3"}');
  write("tsconfig.json", "{}");
  write("tsconfig.build.json", '{"extends":"./tsconfig.json"}');
  write("package-lock.json", "{}");
  write("lib/a.ts", "export const a = 1;");
  write("lib/site/b.ts", "export const b = 2;");
  write("lib/site/style.css", "p {}");
  write("dist/a.js", "exports.a = 1;");
  write("dist/site/b.js", "exports.b = 2;");
  return { root, out: path.join(root, "dist"), args: ["-p", "tsconfig.build.json"] };
}

unit("should be current right after a recorded build, and not before one", async () => {
  const { buildIsCurrent, recordBuild, inputsDigest } = await load();
  const { root, out, args } = fakeKit();
  assert.is(buildIsCurrent(root, args, out), false, "no stamp yet");
  recordBuild(root, out, inputsDigest(root, args));
  assert.is(buildIsCurrent(root, args, out), true);
});

const changes: [string, (root: string, out: string) => void][] = [
  ["a lib source edited", (root) => writeFileSync(path.join(root, "lib", "a.ts"), "export const a = 2;")],
  ["a lib source added", (root) => writeFileSync(path.join(root, "lib", "site", "c.ts"), "export {};")],
  ["a lib source deleted", (root) => rmSync(path.join(root, "lib", "site", "b.ts"))],
  ["tsconfig.json edited", (root) => writeFileSync(path.join(root, "tsconfig.json"), '{"compilerOptions":{}}')],
  ["the lockfile edited", (root) => writeFileSync(path.join(root, "package-lock.json"), '{"v":2}')],
  [
    "another compiler version",
    (root) => writeFileSync(path.join(root, "node_modules", "typescript", "package.json"), '{"version":"5.9.4"}'),
  ],
  ["an output deleted", (_, out) => rmSync(path.join(out, "site", "b.js"))],
  ["an output edited", (_, out) => writeFileSync(path.join(out, "a.js"), "exports.a = 3;")],
  ["a file added to the output folder", (_, out) => writeFileSync(path.join(out, "extra.js"), "")],
  ["the output folder deleted", (_, out) => rmSync(out, { recursive: true })],
];
for (const [what, change] of changes)
  unit(`should not be current after ${what}`, async () => {
    const { buildIsCurrent, recordBuild, inputsDigest } = await load();
    const { root, out, args } = fakeKit();
    recordBuild(root, out, inputsDigest(root, args));
    change(root, out);
    assert.is(buildIsCurrent(root, args, out), false);
  });

unit("should not be current when a source changed while the build compiled (inputs taken before it)", async () => {
  const { buildIsCurrent, recordBuild, inputsDigest } = await load();
  const { root, out, args } = fakeKit();
  const before = inputsDigest(root, args);
  writeFileSync(path.join(root, "lib", "a.ts"), "export const a = 5;"); // saved during the compile
  recordBuild(root, out, before);
  assert.is(buildIsCurrent(root, args, out), false);
});

unit("should stay current when a file the compile does not read changes (a stylesheet in lib/)", async () => {
  const { buildIsCurrent, recordBuild, inputsDigest } = await load();
  const { root, out, args } = fakeKit();
  recordBuild(root, out, inputsDigest(root, args));
  writeFileSync(path.join(root, "lib", "site", "style.css"), "p { color: red }");
  assert.is(buildIsCurrent(root, args, out), true);
});

unit("should not be current for other arguments, and keep one stamp per output folder", async () => {
  const { buildIsCurrent, recordBuild, inputsDigest } = await load();
  const { root, out, args } = fakeKit();
  recordBuild(root, out, inputsDigest(root, args));
  assert.is(buildIsCurrent(root, [...args, "--sourceMap", "false"], out), false);
  const other = path.join(root, "dist2");
  mkdirSync(other);
  recordBuild(root, other, inputsDigest(root, args));
  assert.is(buildIsCurrent(root, args, out), true, "the first folder's stamp survives a build into another");
  rmSync(other, { recursive: true });
  recordBuild(root, out, inputsDigest(root, args));
  const stamps = readdirSync(path.join(root, "node_modules", ".cache", "stepwise"));
  assert.is(stamps.length, 1, `the stamp of the deleted folder is gone: ${stamps}`);
});

unit.run();

const tsc = suite("scripts/tsc.mjs skips a build of lib/ that would change nothing");

tsc("should compile, then skip the same build, then compile again once an output is deleted", () => {
  const out = path.join(tempFolder("stepwise-stamp-build-"), "dist");
  const build = () =>
    execFileSync(process.execPath, ["scripts/tsc.mjs", "-p", "tsconfig.build.json", "--outDir", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
  assert.not.match(build(), /up to date/, "the first build compiles");
  const index = path.join(out, "index.js");
  const first = statSync(index).mtimeMs;
  assert.match(build(), /is up to date with lib\/ \(not compiled again\)/);
  assert.is(statSync(index).mtimeMs, first, "the skipped build wrote nothing");
  rmSync(index);
  assert.not.match(build(), /up to date/, "a deleted output compiles again");
  assert.ok(existsSync(index) && readFileSync(index, "utf8").length > 100, "index.js was written again");
});

tsc.run();
