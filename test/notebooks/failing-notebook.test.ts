import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../temp-folders";
import * as path from "node:path";
import { executeNotebook, NotebookError } from "../../lib/pipeline/execute-notebook";
import { joinText, readNotebook } from "../../lib/notebook/nbformat";
import { DERIVATION_MIME } from "../../lib/outputs/mime-types";

const failing = suite("executeNotebook on a notebook with a wrong step");

failing("should stop at the failing cell and name the step and its expression", async () => {
  const fixture = path.resolve(__dirname, "..", "fixtures", "failing-derivation.ipynb");
  const out = path.join(tempFolder("stepwise-fail-"), "out.ipynb");
  try {
    await executeNotebook(fixture, out);
    assert.unreachable("the notebook should have failed");
  } catch (err) {
    assert.instance(err, NotebookError);
    const e = err as NotebookError;
    assert.is(e.notebook, "failing-derivation.ipynb");
    assert.is(e.cell, 3);
    assert.is(e.codeCell, 2);
    assert.is(e.ename, "DerivationFailedError");
    assert.match(e.message, /^failing-derivation\.ipynb, cell 3 \(code cell 2\): DerivationFailedError: /);
    assert.match(e.message, /step 2 \(algebra\) failed: "e\^\(x\) \/ \(1 \+ e\^\(-x\)\)\^2"/);
    // the line it had to equal, as the notebook wrote it; no mathjs text ("e ^ (-x)", "-1 * …")
    assert.match(e.message, /the previous expression "e\^\(-x\) \/ \(1 \+ e\^\(-x\)\)\^2"/);
    assert.not.match(e.message, / \^ |-1 \*/);
    assert.match(e.message, /at x = -?\d/);
  }
  // what JupyterLab shows under the derivation: tslab's report on stderr, short, naming the step
  const nb = readNotebook(out);
  const outputs = nb.cells[2].outputs ?? [];
  assert.ok(
    outputs.some((o) => o.output_type === "display_data" && DERIVATION_MIME in o.data),
    "the verdict is shown first",
  );
  const traceback = outputs
    .filter((o) => o.output_type === "stream" && o.name === "stderr")
    .map((o) => joinText((o as { text: unknown }).text))
    .join("")
    .trimEnd();
  const lines = traceback.split("\n");
  assert.ok(lines.length <= 3, `the error is at most 3 lines, got ${lines.length}:\n${traceback}`);
  assert.match(lines[0], /^DerivationFailedError: derivation "a wrong step": step 2 \(algebra\) failed: /);
  assert.ok(
    lines.some((l) => l.includes('at step 2 (algebra) of derivation "a wrong step"')),
    `a line names step 2, its rule and the derivation:\n${traceback}`,
  );
});

failing("should name the slip of a diagnosed step, and write the kit's expressions readably", async () => {
  const fixture = path.resolve(__dirname, "..", "fixtures", "slip-derivation.ipynb");
  const out = path.join(tempFolder("stepwise-slip-"), "out.ipynb");
  try {
    await executeNotebook(fixture, out);
    assert.unreachable("the notebook should have failed");
  } catch (err) {
    assert.instance(err, NotebookError);
    const e = err as NotebookError;
    assert.is(e.ename, "DerivationFailedError");
    assert.match(e.message, 'step 1 (quotient rule) failed: "e^(-x) / (1 + e^(-x))^2 * -1"');
    assert.match(
      e.message,
      'the derivative of the previous expression "1 / (1 + e^(-x))" (that is "e^(-x) / (1 + e^(-x))^2")',
    );
    assert.match(
      e.message,
      /the slip \(chain-inner-missing\): the derivative −1 of the inner function −x of e\^\(−x\) is missing/,
    );
    assert.match(e.message, /the step should be "[^"]+"/);
    assert.not.match(e.message, / \^ |-1 \*/);
  }
});

failing("should name the cell that ran past the timeout", async () => {
  const fixture = path.resolve(__dirname, "..", "fixtures", "endless-loop.ipynb");
  const out = path.join(tempFolder("stepwise-loop-"), "out.ipynb");
  try {
    await executeNotebook(fixture, out, { timeout: 3 });
    assert.unreachable("the notebook should have timed out");
  } catch (err) {
    assert.instance(err, NotebookError);
    const e = err as NotebookError;
    assert.is(e.cell, 3);
    assert.is(e.codeCell, 2);
    assert.is(e.ename, "CellTimeoutError");
    assert.match(e.message, "the cell was still running after 3 s");
  }
});

failing.run();
