import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../temp-folders";
import * as path from "node:path";
import { executeNotebook, NotebookError } from "../../lib/pipeline/execute-notebook";
import { joinText, readNotebook } from "../../lib/notebook/nbformat";
import { DERIVATION_MIME } from "../../lib/outputs/mime-types";

const failing = suite("executeNotebook on a notebook with a wrong step");

/**
 * Executes the fixture notebook `name` (test/fixtures) into a temporary folder and returns the
 * NotebookError it fails with and the path of the executed copy; fails the test when the
 * notebook runs through or throws anything else.
 */
async function failureOf(name: string, options: { timeout?: number } = {}): Promise<{ e: NotebookError; out: string }> {
  const fixture = path.resolve(__dirname, "..", "fixtures", name);
  const out = path.join(tempFolder("stepwise-fail-"), "out.ipynb");
  try {
    await executeNotebook(fixture, out, options);
  } catch (err) {
    assert.instance(err, NotebookError);
    return { e: err as NotebookError, out };
  }
  assert.unreachable(`${name} should have failed`);
  throw new Error("unreachable"); // assert.unreachable throws; this tells the compiler
}

failing("should stop at the failing cell and name the step and its expression", async () => {
  const { e, out } = await failureOf("failing-derivation.ipynb");
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
  const { e } = await failureOf("slip-derivation.ipynb");
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
});

failing("should name the cell that ran past the timeout", async () => {
  const { e } = await failureOf("endless-loop.ipynb", { timeout: 3 });
  assert.is(e.cell, 3);
  assert.is(e.codeCell, 2);
  assert.is(e.ename, "CellTimeoutError");
  assert.match(e.message, "the cell was still running after 3 s");
});

failing.run();
