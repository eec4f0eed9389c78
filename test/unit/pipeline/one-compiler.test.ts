import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileLib, compileLibSync, pinnedTsc } from "../../../lib/pipeline/compile-lib";
import { ROOT } from "./helpers";

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

test("the pinned compiler is typescript's own, at the version package.json pins (not tslab's 5.0.4 that shadows node_modules/.bin/tsc)", () => {
  const [program, args] = pinnedTsc(["--version"]);
  const version = execFileSync(program, args, { cwd: ROOT, encoding: "utf8" }).trim();
  assert.is(version, `Version ${pkg.devDependencies.typescript}`);
});

test("every npm script and the test runner compile through scripts/tsc.mjs, never a bare tsc", () => {
  const runner = readFileSync(path.join(ROOT, "scripts", "test.mjs"), "utf8");
  const bare = /(^|[\s"'[&;])(npx\s+)?tsc(\s|"|'|$)/;
  for (const [name, command] of Object.entries(pkg.scripts))
    assert.not.ok(bare.test(command), `npm script ${name} runs a bare tsc: ${command}`);
  assert.not.ok(/["']tsc["']/.test(runner), "scripts/test.mjs names a bare tsc");
  assert.ok(pkg.scripts.build.includes("scripts/tsc.mjs"), pkg.scripts.build);
  assert.ok(pkg.scripts.typecheck.includes("scripts/tsc.mjs"), pkg.scripts.typecheck);
});

test("npm run build, and compileLib (stepwise dev) and compileLibSync (mutants, tests), produce the same dist/", async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "stepwise-compiler-test-"));
  try {
    const [npmOut, devOut, syncOut] = ["npm", "dev", "sync"].map((n) => path.join(base, n));
    execFileSync("npm", ["run", "--silent", "build", "--", "--outDir", npmOut], { cwd: ROOT, stdio: "pipe" });
    await compileLib(devOut);
    compileLibSync(syncOut);
    // every file of the tree, by its path relative to the tree's root, with its content
    const rel = (dir: string): string =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => statSync(path.join(dir, f)).isFile())
        .sort()
        .map((f) => `${f}\n${readFileSync(path.join(dir, f), "utf8")}`)
        .join("\n\0\n");
    const a = rel(npmOut);
    assert.is(rel(devOut), a, "stepwise dev's compile differs from npm run build's");
    assert.is(rel(syncOut), a, "the tests' and mutants' compile differs from npm run build's");
    assert.ok(readFileSync(path.join(npmOut, "index.js"), "utf8").length > 100, "npm run build wrote no index.js");
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test("a build removes the outputs of a source that moved or was deleted, and keeps every other file", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "stepwise-compiler-test-"));
  try {
    // outputs of a lib/site/esm.ts that has since moved, in a folder that is now empty
    mkdirSync(path.join(out, "site", "gone"), { recursive: true });
    for (const f of ["esm.js", "esm.d.ts", "esm.js.map", "esm.d.ts.map"])
      writeFileSync(path.join(out, "site", f), "//");
    writeFileSync(path.join(out, "site", "gone", "old.js"), "//");
    writeFileSync(path.join(out, "site", "notes.txt"), "not a compiled file");
    await compileLib(out);
    for (const f of ["esm.js", "esm.d.ts", "esm.js.map", "esm.d.ts.map"])
      assert.not.ok(existsSync(path.join(out, "site", f)), `stale ${f} survived the build`);
    assert.not.ok(existsSync(path.join(out, "site", "gone")), "the emptied folder survived the build");
    assert.ok(existsSync(path.join(out, "site", "notes.txt")), "a file that is not compiled output was removed");
    assert.ok(existsSync(path.join(out, "site", "render", "render-site.js")), "the build wrote no render-site.js");
    assert.ok(existsSync(path.join(out, "site", "render", "render-site.js.map")), "the build wrote no source map");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
