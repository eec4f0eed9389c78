import { suite } from "uvu";
import * as assert from "uvu/assert";
import { prepareHtml } from "../../../lib/site/html-fragment";
import { loadRenderTools, type RenderTools } from "../../../lib/site/tools";

let tools: RenderTools;
const s = suite("prepareHtml");
s.before(async () => {
  tools = await loadRenderTools();
});
const prep = (html: string) => prepareHtml(html, {}, tools.decode);

s("should remove executable scripts of every spelling and keep JSON data blocks", () => {
  const html =
    '<script>a()</script><SCRIPT type="text/javascript">b()</SCRIPT><script type="module">c()</script>' +
    '<script data-stepwise-plotly-loader="4.1.1">d("</div>")</script>' +
    '<div class="stepwise-plot" id="p1" data-stepwise-figure><script type="application/json" class="stepwise-figure-json">{"data":[]}</script></div>';
  const out = prep(html);
  assert.is(out.html, '<div class="stepwise-plot" id="p1" data-stepwise-figure><script type="application/json" class="stepwise-figure-json">{"data":[]}</script></div>');
  assert.ok(out.visible);
});

s("should report an output that held only scripts as invisible", () => {
  const out = prep('<script data-stepwise-plotly-loader="4.1.1">var Plotly = {};</script>\n  <!-- loader -->\n');
  assert.not.ok(out.visible);
});

s("should render \\[ … \\] in text after decoding character references", () => {
  const out = prep('<div class="stepwise-math">\\[ \\begin{aligned} f&#39;(x) &amp;= 1 \\\\ &amp;&lt; 2 \\end{aligned} \\]</div>');
  assert.ok(out.html.startsWith('<div class="stepwise-math"><span class="katex-display">'));
  assert.ok(out.html.includes('<annotation encoding="application/x-tex"> \\begin{aligned} f&#x27;(x) &amp;= 1 \\\\ &amp;&lt; 2 \\end{aligned} </annotation>'));
  assert.not.ok(out.html.includes("\\["));
});

s("should leave TeX inside code, pre and attributes alone", () => {
  const html = '<p title="$x$">a</p><pre>$y$ <b>$z$</b></pre><code>\\[w\\]</code><p>$v$</p>';
  const out = prep(html);
  assert.ok(out.html.startsWith('<p title="$x$">a</p><pre>$y$ <b>$z$</b></pre><code>\\[w\\]</code><p><span class="katex">'));
});

s("should treat a > inside a quoted attribute as part of the tag", () => {
  const out = prep('<span data-x="a > $b$">$c$</span>');
  assert.ok(out.html.startsWith('<span data-x="a > $b$"><span class="katex">'));
});

s("should throw the KaTeX error for a formula it cannot render", () => {
  assert.throws(() => prep("<p>\\[ \\notamacro \\]</p>"), /Undefined control sequence: \\notamacro/);
});

s.run();
