import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderCells, type CellsContext } from "../../../lib/site/render/render-cells";
import { RenderError } from "../../../lib/site/render/render-error";
import { createMarkdown } from "../../../lib/site/render/render-markdown";
import { loadRenderTools } from "../../../lib/site/render/render-tools";
import { code, derivationData, md, notebook, plotlyOutput } from "./helpers";
import { DERIVATION_MIME } from "../../../lib/outputs";

let ctx: CellsContext;
const s = suite("renderCells");
s.before(async () => {
  ctx = {
    tools: await loadRenderTools(),
    cellMarkdown: createMarkdown({ html: true }),
    outputMarkdown: createMarkdown({ html: false }),
    links: {},
  };
});

/** The error renderCells throws for a notebook, or fails the test. */
function renderError(cells: Parameters<typeof notebook>[0]): RenderError {
  try {
    renderCells(notebook(cells), "tex.ipynb", ctx);
  } catch (err) {
    assert.instance(err, RenderError);
    return err as RenderError;
  }
  throw new Error("renderCells should have thrown");
}

s("should name the notebook and the 1-based cell when a markdown formula fails", () => {
  const err = renderError([md("# T"), code("1", []), md("fine $x$"), md("bad $\\notamacro$")]);
  assert.is(err.notebook, "tex.ipynb");
  assert.is(err.cell, 4);
  assert.match(err.message, /^tex\.ipynb, cell 4: KaTeX cannot render "\\notamacro": .*Undefined control sequence/);
});

s("should name the notebook and cell once when a cell's exercise metadata is wrong", () => {
  const bad = {
    ...md("## Exercise"),
    metadata: {
      stepwise: { exercises: [{ number: 1, ask: "derivative", f: "x^2", wrt: "x", domain: { x: "(0, 1)" } }] },
    },
  };
  const err = renderError([md("# T"), bad]);
  assert.is(err.cell, 2);
  assert.match(
    err.message,
    /^tex\.ipynb, cell 2: its metadata, exercise entry 1: prompt must be a non-empty string, got undefined$/,
  );
  assert.is(err.message.split("tex.ipynb").length, 2, err.message);
});

s(
  "should fail on exercise metadata a reader would meet as an error: a domain, a function or a slip the verifier cannot take",
  () => {
    const ex = { number: 1, prompt: "p", ask: "derivative", f: "x^2", wrt: "x", domain: { x: "(0, 1)" } };
    const cases: [object, RegExp][] = [
      [
        { ...ex, domain: { x: "(0; 1)" } },
        /exercise entry 1: the exercise itself does not check: .*domain of x must look like "\(0, 1\)"/,
      ],
      [{ ...ex, f: "x^2 +" }, /exercise entry 1: the exercise itself does not check: .*cannot parse "x\^2 \+"/],
      [{ ...ex, f: "x * y" }, /the variable y has no declared domain \(declared: x\)/],
      [
        { ...ex, slips: [{ expr: "2 x * q", hint: "h" }] },
        /exercise entry 1, slip 1: its expression \("2 x \* q"\): the variable q has no declared domain \(declared: x\)/,
      ],
      [
        { ...ex, slips: [{ expr: "2 x +", hint: "h" }] },
        /exercise entry 1, slip 1: .*cannot parse "2 x \+": Unexpected end of expression/,
      ],
      [{ ...ex, wrt: "z" }, /the variable z \(wrt\) has no declared domain/],
    ];
    for (const [bad, message] of cases) {
      const err = renderError([md("# T"), { ...md("## Exercise"), metadata: { stepwise: { exercises: [bad] } } }]);
      assert.is(err.cell, 2);
      assert.match(err.message, message);
    }
    const misspelt = renderError([md("# T"), { ...md("## Exercise"), metadata: { stepwise: { exercise: [ex] } } }]);
    assert.match(
      misspelt.message,
      /cell 2: its metadata: metadata\.stepwise\.exercise is not something the site reads \(it reads metadata\.stepwise\.exercises\)/,
    );
    // in a code cell's metadata: checked the same way, and its boxes follow the outputs
    const inCode = renderError([
      md("# T"),
      { ...code("1", []), metadata: { stepwise: { exercises: [{ ...ex, f: "x^2 +" }] } } },
    ]);
    assert.is(inCode.cell, 2);
    const html = renderCells(
      notebook([
        md("# T"),
        {
          ...code("1", [{ output_type: "stream", name: "stdout", text: "out\n" }]),
          metadata: { stepwise: { exercises: [ex] } },
        },
      ]),
      "ok.ipynb",
      ctx,
    ).html;
    assert.match(
      html,
      /<div class="cell-outputs">[\s\S]*out[\s\S]*<\/div><div class="stepwise-answers"[^>]*><form class="stepwise-answer" id="answer-2-1" hidden>/,
    );
  },
);

s("should name the code cell when a formula in its output fails", () => {
  const data = derivationData();
  const payload = data[DERIVATION_MIME] as { verdicts: { tex: string }[] };
  payload.verdicts[1].tex = "\\oops";
  const bad = { output_type: "display_data" as const, data };
  const err = renderError([md("# T"), code("show()", [bad])]);
  assert.is(err.cell, 2);
  assert.match(err.message, /^tex\.ipynb, cell 2: KaTeX cannot render/);
});

s("should number sections by cell, highlight code and show the execution count", () => {
  const r = renderCells(notebook([md("# Title"), code("const x = 1;", [], { execution_count: 3 })]), "n.ipynb", ctx);
  assert.ok(r.html.includes('<section class="cell cell-markdown" id="cell-1">'));
  assert.ok(r.html.includes('<section class="cell cell-code" id="cell-2">'));
  assert.ok(
    r.html.includes(
      '<div class="cell-prompt" aria-hidden="true">[3]</div><pre class="shiki shiki-themes github-light-high-contrast github-dark-default"',
    ),
  );
});

s("should count chart containers and formulas, and keep macros across cells", () => {
  const r = renderCells(
    notebook([
      md("$\\newcommand{\\sig}{\\sigma}$"),
      code("a", [plotlyOutput("one"), plotlyOutput("two")]),
      md("$\\sig$"),
    ]),
    "n.ipynb",
    ctx,
  );
  assert.is(r.figures, 2);
  assert.is(r.formulas, 2);
});

s("should honour the remove-cell, remove-input and remove-output tags and skip raw cells", () => {
  const out = [{ output_type: "stream" as const, name: "stdout", text: "OUT\n" }];
  const r = renderCells(
    notebook([
      code("GONE", out, { metadata: { tags: ["remove-cell"] } }),
      code("NOINPUT", out, { metadata: { tags: ["remove-input"] } }),
      code("NOOUTPUT", [{ output_type: "stream", name: "stdout", text: "HIDDEN\n" }], {
        metadata: { tags: ["remove-output"] },
      }),
      { cell_type: "raw", metadata: {}, source: "RAW" },
    ]),
    "n.ipynb",
    ctx,
  );
  for (const gone of ["GONE", "NOINPUT", "HIDDEN", "RAW"]) assert.not.ok(r.html.includes(gone), gone);
  assert.ok(r.html.includes("OUT"));
  assert.ok(r.html.includes("NOOUTPUT"));
});

s("should fold the code of a hide-input cell behind a show code toggle and keep its outputs in view", () => {
  const r = renderCells(
    notebook([
      code("showVerified(derive(HIDDEN))", [{ output_type: "display_data", data: derivationData() }], {
        metadata: { tags: ["hide-input"] },
      }),
      code("OPEN_CODE", [{ output_type: "stream", name: "stdout", text: "x\n" }]),
    ]),
    "n.ipynb",
    ctx,
  );
  const [first, second] = r.html.split('<section class="cell cell-code" id="cell-2">');
  assert.match(
    first,
    /<details class="cell-input-toggle"><summary><span class="toggle-closed">show code<\/span><span class="toggle-open">hide code<\/span><\/summary><div class="cell-input">[\s\S]*HIDDEN[\s\S]*<\/details><div class="cell-outputs">/,
  );
  assert.match(first, /data-stepwise-derivation/, "the steps stay outside the toggle");
  assert.ok(first.indexOf("</details>") < first.indexOf("data-stepwise-derivation"));
  assert.not.match(second, "<details", "other code cells stay open");
  assert.match(second, "OPEN_CODE");
});

s("should collect headings with ids that never clash with cell anchors", () => {
  const r = renderCells(notebook([md("# Cell 1\n\n## Next")]), "n.ipynb", ctx);
  assert.equal(
    r.headings.map((h) => h.id),
    ["cell-1-2", "next"],
  );
});

s.run();
