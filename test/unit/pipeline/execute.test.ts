import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { executeNotebook, NotebookError, NotebookExecutor } from "../../../lib/pipeline/execute-notebook";
import type { Notebook } from "../../../lib/notebook/nbformat";
import { code, endlessCell, md, notebook, stdoutOf, tempDir, waitFor, writeNotebook } from "./helpers";

const dir = tempDir("stepwise-execute-test-");
const JS = { name: "jslab", language: "javascript" };
const tagged = (source: string) => code(source, { metadata: { tags: ["raises-exception"] } });

/** The notebooks of this suite, run two at a time up front (each run starts a kernel). */
const cases: Record<string, Notebook> = {
  raises: notebook([
    md("# t"),
    code("console.log('before')"),
    tagged("throw new Error('on purpose')"),
    code("console.log('after')"),
  ]),
  allowed: {
    ...notebook([code("throw new Error('one')"), code("null.x"), code("console.log('end')")]),
    metadata: { kernelspec: { name: "tslab", language: "typescript" }, execution: { allow_errors: true } },
  },
  allowedStepwise: {
    ...notebook([code("throw new Error('one')"), code("console.log('end')")]),
    metadata: { kernelspec: { name: "tslab", language: "typescript" }, stepwise: { "allow-errors": true } },
  },
  untagged: notebook([
    code("console.log('a')"),
    code("throw new RangeError('not allowed')"),
    code("console.log('never')"),
  ]),
  timer: notebook([
    code("setTimeout(() => { throw new Error('late') }, 10); 1"),
    code("await new Promise((r) => setTimeout(r, 200)); console.log('b')"),
  ]),
  timerAfter: notebook([
    code("setTimeout(() => { throw new Error('after') }, 300); 1"),
    code("const t0 = Date.now();\nwhile (Date.now() - t0 < 600) {}"),
    code("console.log('c')"),
  ]),
  timerLast: notebook([md("# t"), code("setTimeout(() => { throw new TypeError('last') }, 10); 1")]),
  timerTagged: notebook([
    tagged("setTimeout(() => { throw new Error('late') }, 10); await new Promise((r) => setTimeout(r, 200))"),
    code("console.log('next')"),
  ]),
  rejected: notebook([code('Promise.reject(new Error("nobody catches")); 1'), code("console.log('never')")]),
  rejectedLater: notebook([
    code('setTimeout(() => { Promise.reject(new RangeError("later")) }, 10); 1'),
    code("await new Promise((r) => setTimeout(r, 200)); console.log('b')"),
  ]),
  rejectedTagged: notebook([
    tagged('Promise.reject(new Error("on purpose")); await new Promise((r) => setTimeout(r, 100))'),
    code("console.log('next')"),
  ]),
  rejectedHandled: notebook([
    code(
      'Promise.reject(new Error("handled")).catch(() => undefined); await new Promise((r) => setTimeout(r, 100)); console.log("ok")',
    ),
  ]),
  stderrOnly: notebook([code("console.error('just a warning: Error handling is on'); console.log('ok')")]),
  js: notebook(
    [
      code("const xs = [1, 2, 3];\nconsole.log(xs.map((x) => x * 2).join(','))"),
      code("console.log(typeof require('node:path').join)"),
    ],
    JS,
  ),
  noKernel: notebook([code("1")], { name: "no-such-kernel", language: "typescript" }),
  // a notebook that names only its kernel: the kernel says which language it runs
  python: notebook([code("print(1 + 1)"), code("x = 3\nprint(x * 2)")], { name: "python3" } as never),
};
const results: Record<string, Promise<unknown>> = {};

const s = suite(
  "NotebookExecutor: errors on purpose, async errors, kernels (one executor process, two notebooks at a time)",
);
const shared = new NotebookExecutor();
s.before(() => {
  const chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  Object.entries(cases).forEach(([name, nb], i) => {
    writeNotebook(path.join(dir, `${name}.ipynb`), nb);
    const lane = i % 2;
    const run = chain[lane].then(() =>
      shared.run(path.join(dir, `${name}.ipynb`), path.join(dir, `${name}.out.ipynb`), { timeout: 60 }),
    );
    chain[lane] = run.catch(() => undefined);
    results[name] = run.then(
      () => "ok",
      (e) => e,
    );
  });
});
const failure = async (name: string): Promise<NotebookError> => {
  const r = await results[name];
  assert.instance(r, NotebookError, `${name} should fail, got ${String(r)}`);
  return r as NotebookError;
};

s("should let a cell tagged raises-exception fail and run the next cells", async () => {
  assert.is(await results.raises, "ok");
  const out = stdoutOf(path.join(dir, "raises.out.ipynb"));
  assert.equal(out, ["before\n", "", "after\n"], "the cell after the error runs (not aborted by tslab)");
  assert.ok(readFileSync(path.join(dir, "raises.out.ipynb"), "utf8").includes("on purpose"));
});

s("should let every cell fail in a notebook whose metadata has execution.allow_errors", async () => {
  assert.is(await results.allowed, "ok");
  assert.equal(stdoutOf(path.join(dir, "allowed.out.ipynb")), ["", "", "end\n"]);
  assert.is(await results.allowedStepwise, "ok", 'metadata.stepwise["allow-errors"] works too');
});

s("should still fail on an untagged error, naming the cell", async () => {
  const e = await failure("untagged");
  assert.is(e.cell, 2);
  assert.is(e.ename, "RangeError");
  assert.is(e.evalue, "not allowed");
});

s(
  "should fail on an exception thrown in a timer (a stack trace on stderr only), in the middle and at the end",
  async () => {
    const mid = await failure("timer");
    // tslab sends it with the next cell's output, or with its own cell's after that cell finished (which nbclient drops; the executor keeps it)
    assert.ok(mid.cell === 1 || mid.cell === 2, `cell ${mid.cell}`);
    assert.is(mid.ename, "Error");
    assert.match(mid.evalue, /^late \(uncaught, thrown asynchronously/);
    // the timer cannot fire during cell 2's busy loop: it fires once cell 2 has finished, and its output (which
    // nbclient would drop as belonging to a finished cell) is given back to cell 2
    const after = await failure("timerAfter");
    assert.is(after.cell, 2);
    assert.match(after.evalue, /^after \(uncaught/);
    const afterNb = JSON.parse(readFileSync(path.join(dir, "timerAfter.out.ipynb"), "utf8")) as Notebook;
    assert.match(JSON.stringify(afterNb.cells[1].outputs), /UncaughtException: Error: after/);
    const last = await failure("timerLast");
    assert.is(last.cell, 2);
    assert.is(last.ename, "TypeError");
    assert.match(last.evalue, /^last /);
  },
);

s("should fail on a promise rejected with no handler, at once or later, unless tagged or handled", async () => {
  const now = await failure("rejected");
  assert.is(now.cell, 1);
  assert.is(now.ename, "Error");
  assert.match(now.evalue, /^nobody catches \(a promise rejected with no handler/);
  const later = await failure("rejectedLater");
  assert.ok(later.cell === 1 || later.cell === 2, `cell ${later.cell}`);
  assert.is(later.ename, "RangeError");
  assert.match(later.evalue, /^later \(a promise rejected with no handler/);
  assert.is(await results.rejectedTagged, "ok");
  assert.equal(stdoutOf(path.join(dir, "rejectedTagged.out.ipynb")), ["", "next\n"]);
  assert.is(await results.rejectedHandled, "ok");
});

s("should accept a timer's exception in a cell tagged raises-exception, and plain stderr text", async () => {
  assert.is(await results.timerTagged, "ok");
  assert.equal(stdoutOf(path.join(dir, "timerTagged.out.ipynb")), ["", "next\n"]);
  assert.is(await results.stderrOnly, "ok");
});

s("should run a JavaScript notebook on the jslab kernel its metadata names", async () => {
  assert.is(await results.js, "ok");
  assert.equal(stdoutOf(path.join(dir, "js.out.ipynb")), ["2,4,6\n", "function\n"]);
  const nb = JSON.parse(readFileSync(path.join(dir, "js.out.ipynb"), "utf8")) as Notebook;
  assert.is(nb.metadata.language_info?.name, "javascript");
});

s("should run a notebook that names only a Python kernel as Python, to its last cell", async () => {
  assert.is(await results.python, "ok");
  assert.equal(stdoutOf(path.join(dir, "python.out.ipynb")), ["2\n", "6\n"]);
  const nb = JSON.parse(readFileSync(path.join(dir, "python.out.ipynb"), "utf8")) as Notebook;
  assert.is(nb.metadata.language_info?.name, "python");
});

s("should name a kernel that is not installed and list the ones found", async () => {
  const e = await failure("noKernel");
  assert.is(e.cell, null);
  assert.match(
    e.message,
    /asks for the kernel 'no-such-kernel' \(metadata\.kernelspec\.name\), which is not installed; kernels found: .*jslab.*tslab/,
  );
});

s.after(() => shared.close());
s.run();

const one = suite("one executor process for many notebooks, each with a kernel of its own");
const pidsOf = (file: string): { kernel: number; parent: number; leaked: string } =>
  JSON.parse(stdoutOf(file).join("").trim().split("\n").pop()!);
const probe = (mark: string) =>
  notebook([
    code(`(globalThis as any).leak ??= "${mark}";\nawait new Promise((r) => setTimeout(r, 300));`),
    code(
      `console.log(JSON.stringify({ kernel: process.pid, parent: process.ppid, leaked: (globalThis as any).leak }))`,
    ),
  ]);

one("should run two notebooks at once in one process, in separate kernels that share no state", async () => {
  const executor = new NotebookExecutor();
  try {
    writeNotebook(path.join(dir, "a.ipynb"), probe("a"));
    writeNotebook(path.join(dir, "b.ipynb"), probe("b"));
    writeNotebook(path.join(dir, "c.ipynb"), probe("c"));
    const [ra, rb] = await Promise.all([
      executor.run(path.join(dir, "a.ipynb"), path.join(dir, "a.out.ipynb")),
      executor.run(path.join(dir, "b.ipynb"), path.join(dir, "b.out.ipynb")),
    ]);
    assert.ok(ra.seconds > 0.3 && rb.seconds > 0.3, `each run's own wall time: ${ra.seconds}, ${rb.seconds}`);
    await executor.run(path.join(dir, "c.ipynb"), path.join(dir, "c.out.ipynb"));
    const [a, b, c] = ["a", "b", "c"].map((n) => pidsOf(path.join(dir, `${n}.out.ipynb`)));
    assert.equal(
      [a.leaked, b.leaked, c.leaked],
      ["a", "b", "c"],
      "a global set by one notebook is not seen by another, at the same time or later",
    );
    assert.is(new Set([a.kernel, b.kernel, c.kernel]).size, 3, "three kernels");
    assert.is(new Set([a.parent, b.parent, c.parent]).size, 1, "started by one executor process");
  } finally {
    await executor.close();
  }
});

one("should fail the notebooks still running, saying how the executor ended, when its process is stopped", async () => {
  const executor = new NotebookExecutor();
  const inside = path.join(dir, "slow-inside.txt");
  writeNotebook(path.join(dir, "slow.ipynb"), notebook([code(endlessCell(inside, "await"))]));
  const run = executor.run(path.join(dir, "slow.ipynb"), path.join(dir, "slow.out.ipynb")).then(
    () => "ok",
    (e) => e,
  );
  await waitFor("the kernel entered the notebook's endless cell", () => existsSync(inside));
  const child = (executor as unknown as { child: import("node:child_process").ChildProcess }).child;
  child.kill("SIGTERM"); // the executor kills its kernels and exits with 128 + 15
  const e = await run;
  assert.instance(e, NotebookError);
  assert.is((e as NotebookError).ename, "ExecutionFailed");
  assert.match((e as NotebookError).evalue, /^the executor exited with code 143/);
  await executor.close(); // already exited: returns at once
  assert.is(child.exitCode, 143);
});

one(
  "should report the CPU seconds the kernel spent on the cells, a busy cell's counted and a waiting cell's not",
  async () => {
    writeNotebook(
      path.join(dir, "cpu.ipynb"),
      notebook([
        code("const t0 = process.cpuUsage();\nwhile (process.cpuUsage(t0).user < 800_000) {}"),
        code("await new Promise((r) => setTimeout(r, 1500));"),
      ]),
    );
    const r = await executeNotebook(path.join(dir, "cpu.ipynb"), path.join(dir, "cpu.out.ipynb"));
    const wall = r.timings.cells.reduce((a, b) => a + b, 0);
    assert.ok(
      r.timings.cellsCpu !== null && r.timings.cellsCpu >= 0.8,
      `the busy cell's 0.8 s counted: ${r.timings.cellsCpu}`,
    );
    assert.ok(r.timings.cellsCpu! < wall, `the 1.5 s wait not counted: ${r.timings.cellsCpu} s of CPU in ${wall} s`);
  },
);

one("should run a single notebook in a process of its own with executeNotebook", async () => {
  writeNotebook(path.join(dir, "single.ipynb"), notebook([code("console.log(6 * 7)")]));
  const r = await executeNotebook(path.join(dir, "single.ipynb"), path.join(dir, "single.out.ipynb"));
  assert.equal(stdoutOf(r.out), ["42\n"]);
});

one.run();
