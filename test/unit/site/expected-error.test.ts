import { suite } from "uvu";
import * as assert from "uvu/assert";
import { notebookAllowsErrors } from "../../../lib/notebook/errors";
import { renderCells, type CellsContext } from "../../../lib/site/render/render-cells";
import { createMarkdown } from "../../../lib/site/render/render-markdown";
import { loadRenderTools } from "../../../lib/site/render/render-tools";
import { code, md, notebook } from "./helpers";

let ctx: CellsContext;
const s = suite("renderCells: errors shown on purpose");
s.before(async () => {
  ctx = {
    tools: await loadRenderTools(),
    cellMarkdown: createMarkdown({ html: true }),
    outputMarkdown: createMarkdown({ html: false }),
    links: {},
  };
});

// how tslab reports a thrown error: a stack trace on stderr
const trace = {
  output_type: "stream" as const,
  name: "stderr",
  text: "Error: expected\n    at evalmachine.<anonymous>:2:7\n",
};
const errorOutput = {
  output_type: "error" as const,
  ename: "ValueError",
  evalue: "bad",
  traceback: ["ValueError: bad"],
};
const cellHtml = (html: string, n: number) =>
  new RegExp(`<section class="cell cell-code" id="cell-${n}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";

s("should label the error of a cell tagged raises-exception, for a stderr trace and for an error output", () => {
  const tagged = { metadata: { tags: ["raises-exception"] } };
  const { html } = renderCells(
    notebook([md("# T"), code("throw new Error('expected')", [trace], tagged), code("raise", [errorOutput], tagged)]),
    "e.ipynb",
    ctx,
  );
  for (const n of [2, 3]) {
    const cell = cellHtml(html, n);
    assert.match(
      cell,
      /<div class="cell-outputs expected-error">\n<p class="expected-error-label"[^>]*>⚠ Expected error: this cell fails on purpose<\/p>/,
    );
  }
  assert.ok(cellHtml(html, 2).includes("Error: expected"));
  assert.ok(cellHtml(html, 3).includes("ValueError: bad"));
});

s("should label every failing cell of a notebook with execution.allow_errors, and nothing else", () => {
  const nb = notebook([
    code("ok", [{ output_type: "stream", name: "stdout", text: "fine\n" }]),
    code("bad", [trace]),
    code("warn", [{ output_type: "stream", name: "stderr", text: "a warning\n" }]),
  ]);
  nb.metadata.execution = { allow_errors: true };
  const { html } = renderCells(nb, "e.ipynb", ctx);
  assert.not.ok(cellHtml(html, 1).includes("expected-error"));
  assert.ok(cellHtml(html, 2).includes("expected-error-label"));
  assert.not.ok(cellHtml(html, 3).includes("expected-error"), "stderr without a stack trace is not an error");
});

s(
  "should label compiler errors (tslab's LINE:COLUMN - MESSAGE on stderr) like a thrown error, tagged or notebook-wide",
  () => {
    const diagnostics = {
      output_type: "stream" as const,
      name: "stderr",
      text: "1:7 - Type 'string' is not assignable to type 'number'.\n2:3 - Cannot find name 'y'.\n",
    };
    const inModule = {
      output_type: "stream" as const,
      name: "stderr",
      text: "mod.ts 4:1 - Declaration or statement expected.\n",
    };
    const tagged = renderCells(
      notebook([code("const x: number = 'a';\ny", [diagnostics], { metadata: { tags: ["raises-exception"] } })]),
      "e.ipynb",
      ctx,
    ).html;
    assert.ok(cellHtml(tagged, 1).includes("expected-error-label"));
    assert.ok(cellHtml(tagged, 1).includes("Cannot find name"));
    const nb = notebook([
      code("a", [diagnostics]),
      code("b", [inModule]),
      code("c", [{ output_type: "stream", name: "stderr", text: "took 1:30 - fine\n" }]),
    ]);
    nb.metadata.execution = { allow_errors: true };
    const all = renderCells(nb, "e.ipynb", ctx).html;
    assert.ok(cellHtml(all, 1).includes("expected-error-label"));
    assert.ok(cellHtml(all, 2).includes("expected-error-label"));
    assert.not.ok(cellHtml(all, 3).includes("expected-error"), "a line that only contains N:M - is not a diagnostic");
    const untagged = renderCells(notebook([code("a", [diagnostics])]), "e.ipynb", ctx).html;
    assert.not.ok(untagged.includes("expected-error"));
  },
);

s("should not label an error in a cell that is not allowed to fail, nor a tagged cell that did not fail", () => {
  const { html } = renderCells(
    notebook([
      code("a", [trace]),
      code("b", [{ output_type: "stream", name: "stdout", text: "1\n" }], { metadata: { tags: ["raises-exception"] } }),
    ]),
    "e.ipynb",
    ctx,
  );
  assert.not.ok(html.includes("expected-error"));
});

s("should read notebook-wide permission from Jupyter Book's, MyST-NB's and stepwise's keys, with _ or -", () => {
  for (const metadata of [
    { execution: { allow_errors: true } },
    { execution: { "allow-errors": true } },
    { mystnb: { execution_allow_errors: true } },
    { stepwise: { "allow-errors": true } },
    { stepwise: { allow_errors: true } },
  ]) {
    assert.ok(notebookAllowsErrors(metadata), JSON.stringify(metadata));
  }
  for (const metadata of [
    {},
    { execution: { allow_errors: false } },
    { execution: { allow_errors: "yes" } },
    { allow_errors: true },
    { stepwise: null },
  ]) {
    assert.not.ok(notebookAllowsErrors(metadata as never), JSON.stringify(metadata));
  }
});

s.run();
