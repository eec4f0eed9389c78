import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NotebookError, NotebookExecutor } from "../../../lib/pipeline/execute-notebook";
import type { Notebook, Output } from "../../../lib/notebook/nbformat";
import { stderrShowsError } from "../../../lib/notebook/errors";
import { code, notebook, writeNotebook } from "./helpers";

/** Whether a cell's outputs show an error as the page's "Expected error" label decides it (an error output, or stderr that shows one). */
const showsError = (outputs: Output[]): boolean =>
  outputs.some(
    (o) =>
      o.output_type === "error" ||
      (o.output_type === "stream" &&
        o.name === "stderr" &&
        stderrShowsError(([] as string[]).concat(o.text as string[]).join(""))),
  );

const THREE_ERRORS = "const a: number = 'x';\nconst b: string = 3;\n\nlet c = undefinedName;";

test("compiler errors under the real tslab: every error of a cell with its line in the build's message; a type error in a raises-exception cell or an allow_errors notebook is an expected error like a throw", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stepwise-compile-errors-test-"));
  const executor = new NotebookExecutor();
  const run = (name: string, nb: Notebook) => {
    writeNotebook(path.join(dir, `${name}.ipynb`), nb);
    return executor.run(path.join(dir, `${name}.ipynb`), path.join(dir, `${name}-out.ipynb`), {
      name: `${name}.ipynb`,
    });
  };
  const executed = (name: string) => JSON.parse(readFileSync(path.join(dir, `${name}-out.ipynb`), "utf8")) as Notebook;
  try {
    const allowed = notebook([
      code(THREE_ERRORS),
      code("throw new RangeError('at run time')"),
      code("console.log('after')"),
    ]);
    allowed.metadata.execution = { allow_errors: true };
    const [failing, tagged, wholeNotebook] = await Promise.allSettled([
      run("failing", notebook([code("console.log(1)"), code(THREE_ERRORS), code("console.log('never')")])),
      run(
        "tagged",
        notebook([code(THREE_ERRORS, { metadata: { tags: ["raises-exception"] } }), code("console.log('next')")]),
      ),
      run("allowed", allowed),
    ]);

    assert.is(failing.status, "rejected");
    const e = (failing as PromiseRejectedResult).reason as NotebookError;
    assert.instance(e, NotebookError);
    assert.is(e.cell, 2);
    assert.is(e.ename, "CompileError");
    assert.is(
      e.evalue,
      [
        "3 errors from the TypeScript compiler:",
        "  line 1, column 7: Type 'string' is not assignable to type 'number'.",
        "  line 2, column 7: Type 'number' is not assignable to type 'string'.",
        "  line 4, column 9: Cannot find name 'undefinedName'. Did you mean 'undefined'?",
      ].join("\n"),
    );

    assert.is(tagged.status, "fulfilled", String((tagged as PromiseRejectedResult).reason));
    const t = executed("tagged").cells;
    assert.ok(showsError(t[0].outputs ?? []), "the tagged cell's type errors count as its error");
    assert.match(JSON.stringify(t[1].outputs), /next/);

    assert.is(wholeNotebook.status, "fulfilled", String((wholeNotebook as PromiseRejectedResult).reason));
    const w = executed("allowed").cells;
    assert.ok(showsError(w[0].outputs ?? []), "type errors");
    assert.ok(showsError(w[1].outputs ?? []), "a throw");
    assert.not.ok(showsError(w[2].outputs ?? []));
  } finally {
    await executor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
