import { suite } from "uvu";
import * as assert from "uvu/assert";
import { describeNotebook } from "../../../lib/site/render/describe";
import { createMarkdown } from "../../../lib/site/render/render-markdown";
import { code, md, notebook } from "./helpers";

const mdi = createMarkdown({ html: true });
const s = suite("describeNotebook");

s("should take the first heading of any markdown cell and the paragraph after it", () => {
  const d = describeNotebook(
    notebook([
      code("1"),
      md("Intro without heading."),
      md("## The *sigmoid* $\\sigma$\n\nIt squashes **scores**.\n\nMore."),
    ]),
    "f",
    mdi,
  );
  assert.is(d.title, "The sigmoid \\sigma");
  assert.ok(d.titleHtml.startsWith('The <em>sigmoid</em> <span class="katex">'));
  assert.is(d.summaryHtml, "It squashes <strong>scores</strong>.");
});

s("should leave inline HTML tags out of the plain title, and keep them in its HTML", () => {
  const d = describeNotebook(notebook([md("# Odd <b>name</b>  here")]), "f", mdi);
  assert.is(d.title, "Odd name here");
  assert.ok(d.titleHtml.includes("<b>name</b>"), d.titleHtml);
});

s("should keep a displayed formula that directly follows the summary paragraph", () => {
  const d = describeNotebook(notebook([md("# T\n\nInto the famous form\n$$\ng' = g(1 - g)\n$$\n\nLater.")]), "f", mdi);
  assert.ok(d.summaryHtml.startsWith('Into the famous form<span class="katex-display">'), d.summaryHtml.slice(0, 60));
  assert.not.ok(d.summaryHtml.includes("Later"));
});

s("should fall back to the given name, escaped, when no cell has a heading", () => {
  const d = describeNotebook(notebook([md("just text")]), "a<b", mdi);
  assert.equal(d, { title: "a<b", titleHtml: "a&lt;b", summaryHtml: "" });
});

s("should give no summary when the heading is not followed by a paragraph", () => {
  assert.is(describeNotebook(notebook([md("# T\n\n- a list")]), "f", mdi).summaryHtml, "");
});

s.run();
