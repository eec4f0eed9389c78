import { suite } from "uvu";
import * as assert from "uvu/assert";
import { publicTrace } from "../../../lib/site/render/public-trace";

const s = suite("publicTrace");

const tslabTrace = [
  "Error: expected",
  "    at <cell>:3:9",
  "    at Object.execute (/tmp/kit/node_modules/tslab/dist/executor.js:160:38)",
  "    at JupyterHandlerImpl.handleExecuteImpl (/tmp/kit/node_modules/tslab/dist/jupyter.js:250:38)",
  "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
  "",
].join("\n");

s("should drop frames in node_modules and Node's internals, keep the message and the notebook's frames", () => {
  assert.is(
    publicTrace(tslabTrace),
    ["Error: expected", "    at <cell>:3:9", "    at … (3 frames of the kernel and Node.js left out)", ""].join("\n"),
  );
});

s("should classify coloured lines by their text, not their escape codes", () => {
  const coloured =
    "\u001b[31mTypeError: x is not a function\u001b[0m\n\u001b[90m    at run (C:\\kit\\node_modules\\tslab\\dist\\executor.js:1:1)\u001b[0m";
  assert.is(
    publicTrace(coloured),
    "\u001b[31mTypeError: x is not a function\u001b[0m\n    at … (1 frame of the kernel and Node.js left out)",
  );
});

s("should leave a text without internal frames exactly as it was", () => {
  for (const text of ["Error: boom", "warning: at most 3 points\n  at the edge", "    at myFunction (notebook.ts:2:1)"])
    assert.is(publicTrace(text), text);
});

s("should keep no install path of the build machine in a tslab error", () => {
  assert.not.match(publicTrace(tslabTrace), "/tmp/kit");
});

s.run();
