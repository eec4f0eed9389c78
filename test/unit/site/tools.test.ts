import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadHighlighter } from "../../../lib/site/render/highlight";
import { loadRenderTools } from "../../../lib/site/render/render-tools";

const hl = suite("loadHighlighter");

hl("should colour TypeScript keywords and escape the code", async () => {
  const highlight = await loadHighlighter();
  const html = highlight("const a = 1 < 2;\n");
  assert.ok(
    html.startsWith('<pre class="shiki shiki-themes github-light-high-contrast github-dark-default"'),
    html.slice(0, 90),
  );
  // both schemes' colours on every token, and distinct colours for a keyword and a number even in the first call
  assert.match(html, /<span style="--shiki-light:#A0111F;--shiki-dark:#FF7B72">const<\/span>/);
  assert.match(html, /<span style="--shiki-light:#023B95;--shiki-dark:#79C0FF"> 1<\/span>/);
  assert.ok(html.includes("&#x3C;") || html.includes("&lt;"), "< is escaped");
  assert.not.ok(html.includes("1 < 2"));
});

hl("should highlight an unknown language as TypeScript", async () => {
  const highlight = await loadHighlighter();
  assert.is(highlight("let x = 1", "klingon"), highlight("let x = 1", "typescript"));
});

const tools = suite("loadRenderTools");

tools("should give the same tools to every caller", async () => {
  assert.is(await loadRenderTools(), await loadRenderTools());
});

tools("should not let an unclosed ANSI colour leak into the next text", async () => {
  const { ansi } = await loadRenderTools();
  assert.is(ansi("\u001b[31mred"), '<span class="ansi-red-fg">red</span>');
  assert.is(ansi("plain"), "plain");
});

tools("should decode named and numeric character references", async () => {
  const { decode } = await loadRenderTools();
  assert.is(decode("a &amp;&lt; b &#39;c&#x27; &nbsp;"), "a &< b 'c' \u00a0");
});

hl.run();
tools.run();
