import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../temp-folders";
import * as path from "node:path";
import { executeNotebook, NotebookError } from "../../lib/pipeline/execute-notebook";

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
    assert.match(e.message, /step 2 failed: "e\^\(x\) \/ \(1 \+ e\^\(-x\)\)\^2"/);
    assert.match(e.message, /at x = -?\d/);
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
