import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NotebookExecutor } from "../../../lib/pipeline/execute-notebook";
import type { Notebook } from "../../../lib/notebook/nbformat";
import { code, notebook, writeNotebook } from "./helpers";

/** Every stream output of each code cell, joined per stream name: [{ stdout, stderr }, …]. */
function streams(file: string): { stdout: string; stderr: string }[] {
  const nb = JSON.parse(readFileSync(file, "utf8")) as Notebook;
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => {
      const got = { stdout: "", stderr: "" };
      for (const o of c.outputs ?? [])
        if (o.output_type === "stream")
          got[o.name as "stdout" | "stderr"] += ([] as string[]).concat(o.text as string[]).join("");
      return got;
    });
}

/** "0\n1\n…\n(n-1)\n": what `for (i < n) console.log(i)` prints. */
const numbers = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `${from + i}\n`).join("");

test("a cell's whole output arrives, in order, however many lines it prints (tslab dropped lines past about 500), under tslab and jslab", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stepwise-long-output-test-"));
  const executor = new NotebookExecutor();
  try {
    const cells = [
      code("for (let i = 0; i < 600; i++) console.log(i);"),
      code("for (let i = 0; i < 100000; i++) console.log(i);"),
      // stdout and stderr interleaved, then output written by a timer after the cell finished
      code(
        "console.log('a'); console.error('b'); console.log('c'); setTimeout(() => { for (let i = 0; i < 3000; i++) console.log(i); }, 5); 1",
      ),
      code("await new Promise((r) => setTimeout(r, 500)); console.log('end')"),
    ];
    const kernels = {
      tslab: { name: "tslab", language: "typescript" },
      jslab: { name: "jslab", language: "javascript" },
    };
    const runs = Object.entries(kernels).map(async ([name, kernel]) => {
      writeNotebook(path.join(dir, `${name}.ipynb`), notebook(cells, kernel));
      await executor.run(path.join(dir, `${name}.ipynb`), path.join(dir, `${name}-out.ipynb`), { timeout: 120 });
      return [name, streams(path.join(dir, `${name}-out.ipynb`))] as const;
    });
    for (const [name, got] of await Promise.all(runs)) {
      assert.is(got[0].stdout, numbers(600), `${name}: 600 lines`);
      assert.is(got[1].stdout.split("\n").length - 1, 100000, `${name}: 100000 lines`);
      assert.is(got[1].stdout, numbers(100000), `${name}: 100000 lines in order`);
      // The timer fires after its cell has finished: its lines belong to whichever cell the
      // kernel is running then (the one that set it, or the next one if that has already
      // started, as in JupyterLab). What must hold: every line arrives, once and in order.
      assert.ok(got[2].stdout.startsWith("a\nc\n1\n"), `${name}: the cell's own lines first`);
      const timerLines = got[2].stdout.slice("a\nc\n1\n".length) + got[3].stdout.replace(/(^|\n)end\n/, "$1");
      assert.is(timerLines, numbers(3000), `${name}: the timer's 3000 lines, whole and in order`);
      assert.is(got[2].stderr, "b\n");
      assert.ok(got[3].stdout.endsWith("end\n"), `${name}: the last cell's own line`);
    }
  } finally {
    await executor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
