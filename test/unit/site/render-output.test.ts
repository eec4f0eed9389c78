import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Output } from "../../../lib/notebook/nbformat";
import { createMarkdown } from "../../../lib/site/render/render-markdown";
import {
  MIME_PRIORITY,
  pickMime,
  renderOutput,
  renderOutputs,
  type OutputContext,
} from "../../../lib/site/render/render-output";
import { loadRenderTools } from "../../../lib/site/render/render-tools";
import { DERIVATION_MIME, readDerivationPayload } from "../../../lib/outputs";
import { derivationData } from "./helpers";

let ctx: OutputContext;
const before = async () => {
  ctx = {
    tools: await loadRenderTools(),
    macros: {},
    markdown: createMarkdown({ html: false }),
    ids: new Set(),
    cell: 7,
  };
};
const display = (data: Record<string, unknown>): Output => ({ output_type: "display_data", data, metadata: {} });

const pick = suite("pickMime");

pick("should follow derivation, plotly, html, svg, png, markdown, latex, plain", () => {
  const all: Record<string, unknown> = {
    "application/vnd.stepwise.derivation+json": { version: 1 },
    "application/vnd.plotly.v1+json": { data: [] },
    "text/plain": "p",
    "text/latex": "$l$",
    "text/markdown": "m",
    "image/png": "AA==",
    "image/svg+xml": "<svg/>",
    "text/html": "<b>h</b>",
  };
  const expected = [
    "application/vnd.stepwise.derivation+json",
    "application/vnd.plotly.v1+json",
    "text/html",
    "image/svg+xml",
    "image/png",
    "text/markdown",
    "text/latex",
    "text/plain",
  ];
  const data: Record<string, unknown> = { ...all };
  for (const mime of expected) {
    assert.is(pickMime(data), mime);
    delete data[mime];
  }
  assert.is(pickMime(data), null);
});

pick("should rank every listed type before text/plain and ignore unknown types", () => {
  for (const mime of MIME_PRIORITY.slice(0, -1)) assert.is(pickMime({ "text/plain": "x", [mime]: "y" }), mime);
  assert.is(pickMime({ "application/vnd.jupyter.widget-view+json": {}, "text/plain": "x" }), "text/plain");
});

const out = suite("renderOutput");
out.before(before);

out("should escape <script> in text/plain so it is shown, not run", () => {
  const html = renderOutput(display({ "text/plain": "<script>alert(1)</script> & co" }), ctx);
  assert.is(html, '<pre class="output output-text">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</pre>');
});

out("should render text/markdown without raw HTML, so <script> is inert", () => {
  const html = renderOutput(display({ "text/markdown": "**bold** <script>alert(1)</script>" }), ctx);
  assert.not.ok(html.includes("<script"));
  assert.ok(html.includes("<strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;"));
});

out("should prefer the html of a bundle and drop its plain text", () => {
  const html = renderOutput(display({ "text/html": "<b>rich</b>", "text/plain": "poor" }), ctx);
  assert.is(html, '<div class="output output-html"><b>rich</b></div>');
});

out("should drop an html output that only loads a library", () => {
  assert.is(renderOutput(display({ "text/html": "<script>window.Plotly = {}</script>\n", "text/plain": "" }), ctx), "");
});

out("should draw a derivation from its JSON payload, never from the text/html beside it", () => {
  const good = derivationData();
  const garbage = {
    ...good,
    "text/html": "<div>GARBAGE \\[ \\notamacro \\]</div><script>window.x = 1</script>",
    "text/markdown": "GARBAGE",
    "text/plain": "GARBAGE",
  };
  const html = renderOutput(display(garbage), ctx);
  assert.is(html, renderOutput(display(good), ctx), "the same page whatever the text forms say");
  assert.not.match(html, "GARBAGE");
  assert.match(
    html,
    /^<div class="output output-derivation"><div class="stepwise-derivation" data-stepwise-derivation data-ok="true">/,
  );
  assert.match(html, "v′(x) for v = 1 + e^(−x)");
  assert.match(
    html,
    '<summary class="stepwise-rule" style="cursor:pointer;opacity:.8">sum rule, exponential rule</summary>',
  );
  assert.match(html, '<div class="stepwise-tier">step 1 · differentiate · decided: ');
  assert.match(html, "the 1 drops out");
  assert.is(html.split('<span class="katex-display">').length - 1, 0, "no display block: one aligned chain");
  assert.is(
    html.split('<span class="stepwise-math"').length - 1,
    2,
    "given and step 1, each an inline formula typeset by KaTeX",
  );
  const payload = readDerivationPayload(good[DERIVATION_MIME]);
  const certified = [...payload.verdicts, payload.final].map((v) =>
    v?.certificate ? 2 + v.certificate.conditions.length : 0,
  );
  assert.is(
    html.split('<span class="katex">').length - 1,
    4 + 1 + certified.reduce((a, b) => a + b, 0),
    "v(x), = 1 + e^(−x), v′(x), = −e^(−x), the final check's comparison, each certificate's normal forms and conditions",
  );
  assert.ok(
    certified.some((n) => n > 0),
    "a proved step carries a certificate",
  );
  assert.not.match(html, "\\[", "no TeX delimiters left for a browser script");
  assert.match(html, "all 1 step verified");
});

out("should typeset a derivation's chain as KaTeX's HTML and the formulas of its disclosures as MathML alone", () => {
  const html = renderOutput(display(derivationData()), ctx);
  const details: string[] = html.match(/<details class="stepwise-why"[\s\S]*?<\/details>/g) ?? [];
  assert.ok(details.length >= 2, `${details.length} disclosures`);
  const inDetails = details.join("");
  const outside = details.reduce((rest, d) => rest.replace(d, ""), html);
  // the chain: KaTeX's HTML with its hidden MathML copy, one per formula
  assert.is(outside.split('<span class="katex-html"').length - 1, 4, "v(x), = 1 + e^(−x), v′(x), = −e^(−x)");
  assert.is(outside.split('<span class="katex-mathml">').length - 1, 4);
  // the disclosures: every formula a <math> the browser draws, none of KaTeX's HTML
  const formulas = inDetails.split('<span class="katex">').length - 1;
  assert.ok(formulas >= 3, `${formulas} formulas in the disclosures`);
  assert.is(inDetails.split("<math").length - 1, formulas, "each a MathML formula");
  assert.not.match(inDetails, "katex-html");
  assert.not.match(inDetails, "katex-mathml", "MathML in view, not hidden for screen readers only");
  assert.match(inDetails, '<annotation encoding="application/x-tex">');
});

out("should keep KaTeX's HTML in the detail of a failed step, which is open and in view", () => {
  const { derive } = require("../../../lib/derive") as typeof import("../../../lib/derive");
  const { derivationBundle } = require("../../../lib/display") as typeof import("../../../lib/display");
  const d = derive("a forgotten −1", { name: "v", f: "e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
    "e^(-x)",
    "chain rule",
  );
  const html = renderOutput(display({ ...derivationBundle(d.verify(), { spec: d.spec }) }), ctx);
  const open = html.match(/<details class="stepwise-why" open[\s\S]*?<\/details>/g) ?? [];
  assert.ok(open.length >= 1, "the failed step's detail is open");
  for (const detail of open) {
    const formulas = detail.split('<span class="katex">').length - 1;
    assert.ok(formulas >= 3, `compared with, the point and both values: ${formulas} formulas`);
    assert.is(detail.split('<span class="katex-html"').length - 1, formulas, "each drawn by KaTeX");
  }
});

out("should draw a derivation whose payload is JSON text, and name the cell of a malformed one", () => {
  const good = derivationData();
  const asText = renderOutput(display({ ...good, [DERIVATION_MIME]: JSON.stringify(good[DERIVATION_MIME]) }), ctx);
  assert.is(asText, renderOutput(display(good), ctx));
  assert.throws(
    () => renderOutput(display({ [DERIVATION_MIME]: { version: 99 } }), ctx),
    /cell 7: derivation payload version 99 is not supported/,
  );
});

out(
  "should sanitise a user's own html: no scripts, handlers or javascript: links; text, tables and images kept",
  () => {
    const html = renderOutput(
      display({
        "text/html":
          '<table class="t"><tr><td onclick="x()">1</td></tr></table><img src="data:image/png;base64,AA==" onerror="alert(1)"><a href="javascript:alert(1)">a</a><iframe src="x"></iframe><script>alert(1)</script>',
      }),
      ctx,
    );
    assert.is(
      html,
      '<div class="output output-html"><table class="t"><tr><td>1</td></tr></table><img src="data:image/png;base64,AA=="><a>a</a></div>',
    );
  },
);

out("should typeset TeX in a user's html with KaTeX, decoding entities, but not inside code", () => {
  const html = renderOutput(
    display({
      "text/html": "<p>\\[ \\begin{aligned} a &amp;= b \\\\ x &lt; 1 \\end{aligned} \\] and <code>\\(raw\\)</code></p>",
    }),
    ctx,
  );
  assert.is(html.split('<span class="katex-display">').length - 1, 1);
  assert.match(html, "<code>\\(raw\\)</code>");
  assert.not.match(html, "\\[");
  assert.throws(() => renderOutput(display({ "text/html": "<p>$\\notamacro$</p>" }), ctx), /KaTeX cannot render/);
});

out("should show SVG through an <img> data URL, so its scripts cannot run", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  const html = renderOutput(display({ "image/svg+xml": svg }), ctx);
  assert.is(
    html,
    `<div class="output output-image"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" alt="Image output of cell 7"></div>`,
  );
});

out("should show PNG base64 as a data URL without line breaks", () => {
  const html = renderOutput(display({ "image/png": ["iVBOR\n", "w0KGgo=\n"] }), ctx);
  assert.ok(html.includes('src="data:image/png;base64,iVBORw0KGgo="'));
});

out("should typeset text/latex, with or without its own delimiters", () => {
  assert.ok(renderOutput(display({ "text/latex": "$$x^2$$" }), ctx).includes('<span class="katex-display">'));
  assert.ok(renderOutput(display({ "text/latex": "\\frac{1}{2}" }), ctx).includes('<span class="katex-display">'));
  assert.ok(
    renderOutput(display({ "text/latex": "a <b> $x$" }), ctx).startsWith(
      '<div class="output output-latex">a &lt;b&gt; <span class="katex">',
    ),
  );
});

out("should escape streams and keep ANSI colours as classes the page colours", () => {
  const html = renderOutput({ output_type: "stream", name: "stdout", text: ["\u001b[31mred\u001b[0m <i>\n"] }, ctx);
  assert.is(
    html,
    '<pre class="output output-stream output-stdout"><span class="ansi-red-fg">red</span> &lt;i&gt;\n</pre>',
  );
  assert.ok(renderOutput({ output_type: "stream", name: "stderr", text: "w" }, ctx).includes("output-stderr"));
});

out("should show an error's traceback with colours and escaping", () => {
  const html = renderOutput(
    {
      output_type: "error",
      ename: "Error",
      evalue: "boom",
      traceback: ["\u001b[31mError\u001b[0m: boom <x>", "    at cell"],
    },
    ctx,
  );
  assert.is(
    html,
    '<pre class="output output-error"><span class="ansi-red-fg">Error</span>: boom &lt;x&gt;\n    at cell</pre>',
  );
});

out("should turn a plotly figure into a chart container with script-safe JSON", () => {
  const fig = { data: [{ type: "scatter", x: [1], y: [2], name: "</script><b>" }], layout: {} };
  const html = renderOutput(
    display({ "application/vnd.plotly.v1+json": fig, "text/html": "<script src='https://cdn.plot.ly/x.js'></script>" }),
    ctx,
  );
  const m =
    /^<div class="output output-html"><div class="stepwise-plot" id="plotly-cell-7" data-stepwise-figure><script type="application\/json">([^<]*)<\/script><\/div><\/div>$/.exec(
      html,
    );
  assert.ok(m, html);
  assert.equal(JSON.parse(m![1]), fig);
  assert.ok(
    renderOutput(display({ "application/vnd.plotly.v1+json": fig }), ctx).includes('id="plotly-cell-7-2"'),
    "ids stay unique",
  );
});

out("should name the types of an output it cannot show", () => {
  const html = renderOutput(display({ "application/vnd.jupyter.widget-view+json": { model_id: "x" } }), ctx);
  assert.match(html, /output of type application\/vnd\.jupyter\.widget-view\+json not shown/);
});

const outs = suite("renderOutputs");
outs.before(before);

outs("should merge consecutive chunks of one stream and keep the order of others", () => {
  const html = renderOutputs(
    [
      { output_type: "stream", name: "stdout", text: "a\n" },
      { output_type: "stream", name: "stdout", text: "b\n" },
      { output_type: "stream", name: "stderr", text: "c\n" },
      { output_type: "stream", name: "stdout", text: "d\n" },
    ],
    ctx,
  );
  assert.is(
    html,
    [
      '<pre class="output output-stream output-stdout">a\nb\n</pre>',
      '<pre class="output output-stream output-stderr">c\n</pre>',
      '<pre class="output output-stream output-stdout">d\n</pre>',
    ].join("\n"),
  );
});

pick.run();
out.run();
outs.run();
