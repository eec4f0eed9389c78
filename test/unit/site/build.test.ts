import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { compileLibSync } from "../../../lib/pipeline/compile-lib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, listNotebooks } from "../../../lib/pipeline/build";
import { NotebookError } from "../../../lib/pipeline/execute-notebook";
import { RenderError } from "../../../lib/site/render/render-error";
import { fixture, projectTempDir, ROOT, tempDir } from "./helpers";

/** wrong-step.ipynb imports "stepwise", which resolves to dist/: compile it when it is missing. */
function ensureDist(): void {
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) {
    compileLibSync();
  }
}

const list = suite("listNotebooks");

list("should list visible notebooks sorted by name, numbers by value", () => {
  const dir = tempDir();
  for (const f of ["10-c.ipynb", "2-b.ipynb", "01-a.ipynb", ".hidden.ipynb", "notes.md"])
    writeFileSync(path.join(dir, f), "{}");
  assert.equal(listNotebooks(dir), ["01-a.ipynb", "2-b.ipynb", "10-c.ipynb"]);
});

list("should fail for a missing folder and for a folder without notebooks", () => {
  const dir = tempDir();
  assert.throws(() => listNotebooks(path.join(dir, "missing")), /no such folder: .*missing/);
  assert.throws(() => listNotebooks(dir), /no notebooks \(\*\.ipynb\) in /);
});

const build = suite("buildSite");
const root = projectTempDir("build-test-");
const out = path.join(root, "site");
build.before(ensureDist);
build.after(() => rmSync(root, { recursive: true, force: true }));

build("should build wrong-step.ipynb: its cell 3 prints false and is not an error", async () => {
  const dir = path.join(root, "ok");
  mkdirSync(dir);
  copyFileSync(fixture("wrong-step.ipynb"), path.join(dir, "wrong-step.ipynb"));
  const result = await buildSite({ notebooksDir: dir, out, title: "Fixtures" });
  assert.equal(
    result.pages.map((p) => [p.file, p.page]),
    [["wrong-step.ipynb", "wrong-step.html"]],
  );
  const page = readFileSync(path.join(out, "wrong-step.html"), "utf8");
  assert.match(
    page,
    /<section class="cell cell-code" id="cell-3">[\s\S]*<pre class="output output-stream output-stdout">false\n<\/pre>/,
  );
  assert.not.ok(page.includes("output-error"));
  assert.ok(result.runs[0].seconds > 0);
});

build("should fail naming notebook, cell and message, and leave the previous site untouched", async () => {
  const before = readFileSync(path.join(out, "index.html"), "utf8");
  const dir = path.join(root, "failing");
  mkdirSync(dir);
  copyFileSync(fixture("failing", "boom.ipynb"), path.join(dir, "boom.ipynb"));
  // wrong-step.ipynb with a fourth cell that turns the rejected derivation into an error
  const wrong = JSON.parse(readFileSync(fixture("wrong-step.ipynb"), "utf8"));
  wrong.cells.push({
    cell_type: "code",
    id: "assert",
    metadata: {},
    execution_count: null,
    outputs: [],
    source: 'if (!r.ok) throw new Error("the derivation was rejected");',
  });
  writeFileSync(path.join(dir, "wrong-step.ipynb"), JSON.stringify(wrong));
  try {
    await buildSite({ notebooksDir: dir, out, jobs: 2 });
    assert.unreachable("the build should fail");
  } catch (err) {
    assert.instance(err, NotebookError);
    const e = err as NotebookError;
    assert.is(e.notebook, "boom.ipynb");
    assert.is(e.cell, 3);
    assert.is(e.evalue, "boom");
    assert.match(
      e.message,
      /^boom\.ipynb, cell 3 \(code cell 2\): Error: boom \(also failed: wrong-step\.ipynb, cell 4 \(code cell 3\): Error: the derivation was rejected\)$/,
    );
  }
  assert.is(readFileSync(path.join(out, "index.html"), "utf8"), before);
  assert.ok(existsSync(path.join(out, "wrong-step.html")));
  assert.equal(readdirSync(root).sort(), ["failing", "ok", "site"], "no temporary folder is left");
});

build("should fail naming notebook and cell for a formula KaTeX cannot render", async () => {
  const before = readFileSync(path.join(out, "index.html"), "utf8");
  try {
    await buildSite({ notebooksDir: fixture("bad-tex"), out, execute: false });
    assert.unreachable("the build should fail");
  } catch (err) {
    assert.instance(err, RenderError);
    assert.match(
      (err as Error).message,
      /^bad-tex\.ipynb, cell 3: KaTeX cannot render "\\notamacro\{x\}": .*Undefined control sequence/,
    );
  }
  assert.is(readFileSync(path.join(out, "index.html"), "utf8"), before);
});

list.run();
build.run();
