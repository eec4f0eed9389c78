import { suite } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml, escapeMarkdown, jsonForScript } from "../../../lib/outputs";
import { throwsError } from "../charts/helpers";

const html = suite("escapeHtml");
html("should replace the five HTML-significant characters", () => {
  assert.is(
    escapeHtml(`<script>alert("x" & 'y')</script>`),
    "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
  );
});
html("should leave other text, including TeX and Unicode, alone", () => {
  assert.is(escapeHtml("\\frac{1}{1+e^{-x}} σ′ ✓"), "\\frac{1}{1+e^{-x}} σ′ ✓");
});
html("should escape an existing entity again", () => {
  assert.is(escapeHtml("&lt;"), "&amp;lt;");
});
html("should throw TypeError for a non-string", () => {
  throwsError(() => escapeHtml(3 as never), TypeError, /text must be a string, got number/);
});
html.run();

const md = suite("escapeMarkdown");
md("should backslash-escape inline markup and $, and write < > & as references", () => {
  assert.is(
    escapeMarkdown("*a* _b_ `c` [d] $e$ ~f~ |g| \\h"),
    "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\$e\\$ \\~f\\~ \\|g\\| \\\\h",
  );
  assert.is(escapeMarkdown("<script>x && y</script>"), "&lt;script&gt;x &amp;&amp; y&lt;/script&gt;");
});
md("should keep text at the start of a paragraph from becoming a heading, list or code block", () => {
  const start = { blockStart: true };
  assert.is(escapeMarkdown("# not a heading", start), "\\# not a heading");
  assert.is(escapeMarkdown("- not a list", start), "\\- not a list");
  assert.is(escapeMarkdown("12. not a list", start), "12\\. not a list");
  assert.is(escapeMarkdown("    not code", start), "not code");
  assert.is(escapeMarkdown("a - b # c 1. d", start), "a - b # c 1. d");
  assert.is(escapeMarkdown("0.5"), "0.5", "inline text keeps a leading number as it is");
});
md("should turn line breaks into spaces", () => {
  assert.is(escapeMarkdown("one\ntwo\r\nthree"), "one two three");
});
md("should throw TypeError for a non-string", () => {
  throwsError(() => escapeMarkdown(null as never), TypeError, /got object/);
});
md.run();

const json = suite("jsonForScript");
json("should never contain <, > or & and parse back to the value", () => {
  const value = { s: "</script><!-- & -->", u: "\u2028\u2029", n: [1, 2.5, null] };
  const text = jsonForScript(value);
  assert.not.match(text, /[<>&\u2028\u2029]/);
  assert.equal(JSON.parse(text), value);
});
json("should throw TypeError for a value JSON cannot hold", () => {
  throwsError(() => jsonForScript(undefined), TypeError, /not JSON-serialisable, got undefined/);
});
json.run();
