import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { joinText, notebookJson, readNotebook, stripOutputs } from "../../../lib/notebook/nbformat";
import { code, md, notebook, tempDir } from "../site/helpers";

const j = suite("joinText");
j("should join line lists and pass strings through", () => {
  assert.is(joinText(["a\n", "b"]), "a\nb");
  assert.is(joinText("x"), "x");
  assert.is(joinText(undefined), "");
});

const r = suite("readNotebook");
r("should name the file when it is not JSON or not nbformat 4", () => {
  const dir = tempDir();
  const bad = path.join(dir, "bad.ipynb");
  writeFileSync(bad, "{ nope");
  assert.throws(
    () => readNotebook(bad),
    (e: Error) => e.message.startsWith(`${bad}: not a JSON notebook`),
  );
  writeFileSync(bad, JSON.stringify({ nbformat: 3, worksheets: [] }));
  assert.throws(() => readNotebook(bad), /not an nbformat 4 notebook \(nbformat=3, cells missing\)/);
});

const st = suite("stripOutputs");
st("should clear outputs, counts and execution timings but keep sources and other metadata", () => {
  const nb = notebook([
    md("# T"),
    code("1", [{ output_type: "stream", name: "stdout", text: "1\n" }], {
      execution_count: 4,
      metadata: { tags: ["x"], execution: { "iopub.status.busy": "t" } },
    }),
  ]);
  const s = stripOutputs(nb);
  assert.equal(s.cells[1], {
    cell_type: "code",
    metadata: { tags: ["x"] },
    source: "1",
    outputs: [],
    execution_count: null,
  });
  assert.equal(s.cells[0], nb.cells[0]);
  assert.is(nb.cells[1].outputs?.length, 1, "the input is not modified");
  assert.ok(notebookJson(s).endsWith("}\n"));
  assert.equal(JSON.parse(notebookJson(s)), s);
});

j.run();
r.run();
st.run();
