import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../../lib/pipeline/build";
import {
  defaultCacheInputs,
  ExecutionCache,
  executionKey,
  fingerprint,
  withCachedOutputs,
} from "../../../lib/pipeline/cache";
import { NotebookError } from "../../../lib/pipeline/execute-notebook";
import { code, md, notebook, ROOT, tempDir, writeNotebook } from "./helpers";

const keys = suite("executionKey");
const base = notebook([
  md("# Title"),
  code("console.log(1)"),
  md("text"),
  code("console.log(2)", { metadata: { tags: ["x"] } }),
]);
const key = (nb = base, dir = "/nb", inputs = "lib-1") => executionKey(nb, dir, inputs);
const edit = (f: (nb: typeof base) => void) => {
  const nb = structuredClone(base);
  f(nb);
  return key(nb);
};

keys("should not change when only markdown cells change (text, count or position)", () => {
  assert.is(
    edit((nb) => (nb.cells[0].source = "# Another title")),
    key(),
  );
  assert.is(
    edit((nb) => nb.cells.splice(2, 1)),
    key(),
  );
  assert.is(
    edit((nb) => nb.cells.push(md("more"))),
    key(),
  );
});

keys(
  "should change with a code cell's source, a code cell's tags, the kernel, the execution settings, the folder and the inputs",
  () => {
    const k = key();
    assert.is.not(
      edit((nb) => (nb.cells[1].source = "console.log(10)")),
      k,
    );
    assert.is.not(
      edit((nb) => nb.cells.push(code(""))),
      k,
    );
    assert.is.not(
      edit((nb) => (nb.cells[3].metadata = { tags: ["raises-exception"] })),
      k,
    );
    assert.is.not(
      edit((nb) => (nb.metadata.kernelspec = { name: "jslab", language: "javascript" })),
      k,
    );
    assert.is.not(
      edit((nb) => (nb.metadata.execution = { allow_errors: true })),
      k,
    );
    assert.is.not(key(base, "/other"), k);
    assert.is.not(key(base, "/nb", "lib-2"), k);
  },
);

const prints = suite("fingerprint and defaultCacheInputs");

prints("should change when any file below a folder changes, appears or goes", () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, "lib", "sub"), { recursive: true });
  writeFileSync(path.join(dir, "lib", "sub", "a.js"), "exports.a = 1;");
  const f0 = fingerprint([path.join(dir, "lib"), path.join(dir, "lock.json")]);
  assert.is(fingerprint([path.join(dir, "lib"), path.join(dir, "lock.json")]), f0);
  writeFileSync(path.join(dir, "lib", "sub", "a.js"), "exports.a = 2;");
  const f1 = fingerprint([path.join(dir, "lib"), path.join(dir, "lock.json")]);
  assert.is.not(f1, f0);
  writeFileSync(path.join(dir, "lock.json"), "{}");
  assert.is.not(fingerprint([path.join(dir, "lib"), path.join(dir, "lock.json")]), f1);
});

prints("should cover the built lib, the kit's lockfile, the executor, and a notebook project's own lockfile", () => {
  const inputs = defaultCacheInputs(path.join(ROOT, "notebooks"));
  assert.ok(inputs.includes(path.join(ROOT, "dist")));
  assert.ok(inputs.includes(path.join(ROOT, "lib")), "a lib edit counts before npm run build");
  assert.ok(inputs.includes(path.join(ROOT, "package-lock.json")));
  assert.ok(inputs.includes(path.join(ROOT, "lib", "pipeline", "execute-notebook.py")));
  assert.ok(inputs.includes(path.join(ROOT, "jupyter", "kernels")), "a kernelspec edit counts");
  assert.ok(inputs.includes(path.join(ROOT, "jupyter", "tslab-kernel.js")), "the kernels' launcher counts");
  const project = tempDir();
  writeFileSync(path.join(project, "package-lock.json"), "{}");
  mkdirSync(path.join(project, "nb"));
  assert.ok(defaultCacheInputs(path.join(project, "nb")).includes(path.join(project, "package-lock.json")));
});

const merge = suite("withCachedOutputs");

merge("should take outputs from the cached run and markdown from the source", () => {
  const cached = structuredClone(base);
  cached.cells[1].outputs = [{ output_type: "stream", name: "stdout", text: "1\n" }];
  cached.cells[1].execution_count = 1;
  cached.metadata.language_info = { name: "typescript" };
  const source = structuredClone(base);
  source.cells[0].source = "# New title";
  const nb = withCachedOutputs(source, cached);
  assert.is(nb.cells[0].source, "# New title");
  assert.equal(nb.cells[1].outputs, [{ output_type: "stream", name: "stdout", text: "1\n" }]);
  assert.is(nb.cells[1].execution_count, 1);
  assert.equal(nb.metadata.language_info, { name: "typescript" });
  assert.equal(source.cells[1].outputs, [], "the source is not modified");
  assert.throws(
    () => withCachedOutputs(notebook([code("a")]), base),
    /cached execution has 2 code cells, the notebook 1/,
  );
});

const store = suite("ExecutionCache");

store("should store atomically, keep one entry per notebook, ignore itself in git and treat garbage as a miss", () => {
  const dir = path.join(tempDir(), "cache");
  const cache = new ExecutionCache(dir);
  assert.is(cache.get("/nb/a.ipynb", "k1"), undefined);
  cache.put("/nb/a.ipynb", "k1", base);
  assert.equal(cache.get("/nb/a.ipynb", "k1"), base);
  cache.put("/nb/a.ipynb", "k2", base);
  assert.is(cache.get("/nb/a.ipynb", "k1"), undefined, "older entries of the notebook are removed");
  assert.equal(cache.get("/nb/a.ipynb", "k2"), base);
  assert.is(readFileSync(path.join(dir, ".gitignore"), "utf8").trim().split("\n").pop(), "*");
  const folder = readdirSync(dir).find((f) => f !== ".gitignore")!;
  assert.equal(readdirSync(path.join(dir, folder)), ["k2.ipynb"], "no temporary file is left");
  writeFileSync(path.join(dir, folder, "k2.ipynb"), '{"cells": [');
  assert.is(cache.get("/nb/a.ipynb", "k2"), undefined);
});

// Executions under the real tslab kernel: a notebook prints a random number, so a re-execution is visible.
const run = suite("buildSite with the execution cache");
const work = tempDir("stepwise-cache-test-");
const nbDir = path.join(work, "notebooks");
const lib = path.join(work, "fake-lib");
const lock = path.join(work, "package-lock.json");
const cacheDir = path.join(work, "cache");
const file = path.join(nbDir, "random.ipynb");
// biome-ignore lint/suspicious/noTemplateCurlyInString: the cell's own TypeScript template literal, run by the kernel
const cells = () => [md("# Random\n\nfirst version"), code("const r = Math.random();\nconsole.log(`random ${r}`)")];
const build = (extra: Partial<Parameters<typeof buildSite>[0]> = {}) =>
  buildSite({
    notebooksDir: nbDir,
    out: path.join(work, "site"),
    cacheDir,
    cacheInputs: [lib, lock],
    jobs: 2,
    ...extra,
  });
const printed = (): string =>
  /random 0\.\d+/.exec(readFileSync(path.join(work, "site", "random.html"), "utf8"))?.[0] ?? "none";

run.before(() => {
  mkdirSync(lib, { recursive: true });
  writeFileSync(path.join(lib, "index.js"), "exports.f = () => 1;");
  writeFileSync(lock, '{"lockfileVersion": 3}');
  writeNotebook(file, notebook(cells()));
});

let first = "";
run("should execute on the first build and reuse the execution on the next", async () => {
  const a = await build();
  assert.equal(
    a.runs.map((r) => r.cached),
    [false],
  );
  first = printed();
  assert.match(first, /^random 0\.\d+$/);
  const b = await build();
  assert.equal(
    b.runs.map((r) => r.cached),
    [true],
  );
  assert.is(b.runs[0].seconds, 0);
  assert.is(printed(), first);
});

run("should re-render a markdown edit from the cached outputs, without executing", async () => {
  const nb = notebook(cells());
  nb.cells[0].source = "# Random\n\nsecond version";
  writeNotebook(file, nb);
  const r = await build();
  assert.equal(
    r.runs.map((x) => x.cached),
    [true],
  );
  const page = readFileSync(path.join(work, "site", "random.html"), "utf8");
  assert.ok(page.includes("second version"));
  assert.is(printed(), first);
});

run("should re-execute after a code cell edit", async () => {
  const nb = notebook(cells());
  nb.cells[1].source += "\nconsole.log('edited')";
  writeNotebook(file, nb);
  const r = await build();
  assert.equal(
    r.runs.map((x) => x.cached),
    [false],
  );
  assert.is.not(printed(), first);
  first = printed();
});

run("should re-execute after a change in the lib, then after a change in the lockfile", async () => {
  writeFileSync(path.join(lib, "index.js"), "exports.f = () => 2;");
  assert.equal(
    (await build()).runs.map((x) => x.cached),
    [false],
  );
  const afterLib = printed();
  assert.is.not(afterLib, first);
  assert.equal(
    (await build()).runs.map((x) => x.cached),
    [true],
  );
  writeFileSync(lock, '{"lockfileVersion": 3, "packages": {}}');
  assert.equal(
    (await build()).runs.map((x) => x.cached),
    [false],
  );
  assert.is.not(printed(), afterLib);
});

run("should execute everything with cache: false (--no-cache)", async () => {
  const before = printed();
  assert.equal(
    (await build({ cache: false })).runs.map((x) => x.cached),
    [false],
  );
  assert.is.not(printed(), before);
});

run("should keep the executions of a failed build, and run two builds at once on one cache", async () => {
  const other = path.join(nbDir, "zz-failing.ipynb");
  writeNotebook(other, notebook([code("throw new Error('not yet')")]));
  const before = printed();
  writeFileSync(path.join(lib, "index.js"), "exports.f = () => 3;"); // invalidate random.ipynb
  try {
    await build();
    assert.unreachable("the build should fail");
  } catch (err) {
    assert.instance(err, NotebookError);
    assert.match((err as Error).message, /zz-failing\.ipynb, cell 1 \(code cell 1\): Error: not yet/);
  }
  assert.is(printed(), before, "the failed build left the site as it was");
  writeNotebook(other, notebook([code("console.log('fixed')")]));
  const [a, b] = await Promise.all([
    build({ out: path.join(work, "site-a") }),
    build({ out: path.join(work, "site-b") }),
  ]);
  assert.equal(
    a.runs.map((x) => x.cached),
    [true, false],
    "random.ipynb ran in the failed build and was cached",
  );
  assert.equal(
    b.runs.map((x) => x.cached),
    [true, false],
  );
  assert.equal(
    (await build()).runs.map((x) => x.cached),
    [true, true],
  );
  assert.ok(
    existsSync(path.join(work, "site-a", "zz-failing.html")) &&
      existsSync(path.join(work, "site-b", "zz-failing.html")),
  );
});

keys.run();
prints.run();
merge.run();
store.run();
run.run();
