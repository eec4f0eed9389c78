import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NotebookError, NotebookExecutor, type ExecutedNotebook } from "../../../lib/pipeline/execute-notebook";
import { kitImportEnv } from "../../../lib/pipeline/kit-link";
import type { Notebook } from "../../../lib/notebook/nbformat";
import { code, md, notebook, stdoutOf, tempDir, writeNotebook } from "./helpers";

const dir = tempDir("stepwise-spare-test-");
const at = (name: string) => path.join(dir, name);
const outputsOf = (file: string) =>
  (JSON.parse(readFileSync(file, "utf8")) as Notebook).cells.map((c) => [c.outputs ?? null, c.execution_count ?? null]);

writeNotebook(
  at("leaves.ipynb"),
  notebook([code("(globalThis as any).leak = 'from the first run';\nconst x = 1;\nconsole.log('pid', process.pid)")]),
);
writeNotebook(
  at("reads.ipynb"),
  notebook([md("# r"), code("console.log(typeof (globalThis as any).leak, 'pid', process.pid)")]),
);
// in a folder outside the kit "stepwise" resolves only through the kit's kernel launcher (kitImportEnv)
writeNotebook(
  at("kit.ipynb"),
  notebook([
    code('import { sigmoid, showTable } from "stepwise";\nsigmoid(0)'),
    code("showTable({ columns: ['x', 'σ(x)'], rows: [[0, sigmoid(0)], [2, sigmoid(2)]], digits: 6 })"),
    code("console.log(Object.keys(require.cache).some((k) => k.includes('mathjs')))"),
  ]),
);

const s = suite("spare kernels (stepwise dev's executor)");
let plain: NotebookExecutor;
let kit: NotebookExecutor;
s.before(() => {
  plain = new NotebookExecutor();
  kit = new NotebookExecutor(kitImportEnv(dir));
});
s.after(async () => {
  await Promise.all([plain.close(), kit.close()]);
});

const pidOf = (line: string) => Number(/pid (\d+)/.exec(line)?.[1]);

/** The isolation runs (one executor) and the "stepwise" runs (another), started together: each kernel start is seconds. */
let isolation: Promise<{ first: ExecutedNotebook; second: ExecutedNotebook; stale: ExecutedNotebook }>;
let kitRuns: Promise<{ cold: ExecutedNotebook; spare: ExecutedNotebook }>;
s.before(() => {
  isolation = (async () => {
    plain.warm([at("leaves.ipynb")], "token-1");
    const first = await plain.run(at("leaves.ipynb"), at("out-leaves.ipynb"), { spare: "token-1" });
    const second = await plain.run(at("reads.ipynb"), at("out-reads.ipynb"), { spare: "token-1" });
    const stale = await plain.run(at("reads.ipynb"), at("out-stale.ipynb"), { spare: "token-2" });
    return { first, second, stale };
  })();
  kitRuns = (async () => {
    kit.warm([at("kit.ipynb")], "kit-token");
    const cold = await kit.run(at("kit.ipynb"), at("out-kit-cold.ipynb"));
    const spare = await kit.run(at("kit.ipynb"), at("out-kit-spare.ipynb"), { spare: "kit-token" });
    return { cold, spare };
  })();
});

s("should run a notebook in a fresh spare kernel that sees nothing of the run before it", async () => {
  const { first, second } = await isolation;
  assert.is(first.timings.spare, true, "the warmed spare was used");
  assert.is(second.timings.spare, true, "the first run started the next spare");
  const [firstLine] = stdoutOf(at("out-leaves.ipynb"));
  const [secondLine] = stdoutOf(at("out-reads.ipynb"));
  assert.match(secondLine, /^undefined pid \d+\n$/, "no global of the first run");
  assert.is.not(pidOf(secondLine), pidOf(firstLine), "another kernel process");
  assert.is(second.timings.cells.length, 2, "its one code cell and the drain cell");
});

s(
  "should not use a spare made under another token (a changed lib), and start that notebook's kernel instead",
  async () => {
    const { stale } = await isolation;
    assert.is(stale.timings.spare, false);
    assert.ok((stale.timings.kernel ?? 0) > 0.2, `a kernel started for it (${stale.timings.kernel} s)`);
    assert.equal(outputsOf(at("out-stale.ipynb")).length, 2);
    assert.match(stdoutOf(at("out-stale.ipynb"))[0], /^undefined pid \d+\n$/);
  },
);

s("should give the same outputs from a spare with the lib imported ahead as from a cold kernel", async () => {
  const { cold, spare } = await kitRuns;
  assert.is(cold.timings.spare, false);
  assert.is(spare.timings.spare, true);
  assert.equal(outputsOf(at("out-kit-spare.ipynb")), outputsOf(at("out-kit-cold.ipynb")));
  assert.equal(stdoutOf(at("out-kit-spare.ipynb"))[2], "true\n", "the lib and its packages are loaded");
  const [first] = outputsOf(at("out-kit-cold.ipynb"));
  assert.ok(JSON.stringify(first).includes("0.5"), "sigmoid(0) printed");
});

s(
  "should fall back to a kernel of its own when the spare's import of the lib fails, and report the notebook's error",
  async () => {
    await isolation; // the plain executor is free: no STEPWISE_KIT, so "stepwise" does not resolve outside the kit
    plain.warm([at("kit.ipynb")], "token-3");
    try {
      await plain.run(at("kit.ipynb"), at("out-kit-missing.ipynb"), { spare: "token-3" });
      assert.unreachable("the import cannot resolve");
    } catch (err) {
      assert.instance(err, NotebookError);
      const e = err as NotebookError;
      assert.is(e.cell, 1, "the notebook's own first cell fails, not a prelude");
      assert.match(e.evalue, /stepwise/);
    }
  },
);

s.run();
