import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createMarkdown, type Heading, type MarkdownEnv } from "../../../lib/site/render/render-markdown";

const md = createMarkdown({ html: true });
const plain = createMarkdown({ html: false });
const render = (src: string, env: Partial<MarkdownEnv> = {}, m = md) => m.render(src, { macros: {}, ...env });
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

const s = suite("createMarkdown");

s("should render all four delimiters with KaTeX and leave none on the page", () => {
  const html = render("Inline $a$ and \\(b\\).\n\n$$\nc\n$$\n\n\\[ d \\]\n\nand $$e$$ inside text.");
  assert.is(count(html, /<span class="katex">/g), 5);
  assert.is(count(html, /<span class="katex-display">/g), 3);
  const visible = html.replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, "");
  assert.not.match(visible, /\$|\\\[|\\\(/);
});

s("should read TeX untouched by markdown (underscores, stars, backslashes)", () => {
  const html = render("$a_1 * b_2 * c$");
  assert.ok(html.includes('<annotation encoding="application/x-tex">a_1 * b_2 * c</annotation>'));
  assert.not.ok(html.includes("<em>"));
});

s("should keep a multi-line display formula with a blank line as one block", () => {
  const html = render("Text\n$$\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n$$\nafter");
  assert.is(count(html, /<span class="katex-display">/g), 1);
  assert.ok(html.includes("<p>Text</p>"));
  assert.ok(html.includes("<p>after</p>"));
});

s("should leave prices, escaped dollars and code spans as text", () => {
  const html = render("It costs $5 and $6, \\$7, and `$x$`.");
  assert.is(count(html, /class="katex"/g), 0);
  assert.ok(html.includes("It costs $5 and $6, $7, and <code>$x$</code>."));
});

s("should give headings unique ids and collect them", () => {
  const headings: Heading[] = [];
  const ids = new Set<string>();
  const html = render("# Title $\\sigma$\n\n## Same\n\n## Same", { headings, ids });
  assert.equal(
    headings.map((h) => [h.level, h.id, h.text]),
    [
      [1, "title-sigma", "Title \\sigma"],
      [2, "same", "Same"],
      [2, "same-2", "Same"],
    ],
  );
  assert.ok(html.includes('<h2 id="same-2">'));
  assert.ok(headings[0].html.includes('class="katex"'));
});

s("should point links to sibling notebooks at their pages, keeping the fragment", () => {
  const html = render("[next](02-b.ipynb#part) and [away](https://example.org/x.ipynb)", {
    links: { "02-b.ipynb": "02-b.html" },
  });
  assert.ok(html.includes('href="02-b.html#part"'));
  assert.ok(html.includes('href="https://example.org/x.ipynb"'));
});

s("should show raw HTML and <script> as text when html is false", () => {
  const html = render("<script>alert(1)</script> and <b>bold</b>", {}, plain);
  assert.not.ok(html.includes("<script"));
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(html.includes("&lt;b&gt;bold&lt;/b&gt;"));
});

s("should pass HTML blocks of cells through rewriteHtml and drop inline script tags", () => {
  const html = render("<div>$x$</div>\n\ntext <script>1</script>", { rewriteHtml: (h) => `[${h.trim()}]` });
  assert.ok(html.includes("[<div>$x$</div>]"));
  assert.not.ok(html.includes("<script"));
});

s("should turn attachment images into data URLs", () => {
  const html = render("![dot](attachment:dot.png)", { attachments: { "dot.png": { "image/png": "iVBOR\nw0=" } } });
  assert.ok(html.includes('src="data:image/png;base64,iVBORw0="'));
});

s(
  "should record relative image paths (normalised; the site drops those leaving the notebooks' folder), not URLs or absolute paths",
  () => {
    const localFiles = new Set<string>();
    render(
      "![a](img/a%20b.png) ![b](./img/c.svg?x=1) ![c](https://x.org/d.png) ![d](/abs.png) ![e](../up.png) ![f](data:image/png;base64,AA==)",
      { localFiles },
    );
    assert.equal([...localFiles], ["img/a b.png", "img/c.svg", "../up.png"]);
  },
);

s("should point links to notebooks in other folders at their pages", () => {
  const links = { "../intro.ipynb": "../intro.html", "more/02-b.ipynb": "more/02-b.html", "03 c.ipynb": "03-c.html" };
  const html = render(
    "[a](../intro.ipynb#top) [b](./more/02-b.ipynb) [c](03%20c.ipynb) [d](https://x.org/e.ipynb) [e](missing.ipynb)",
    { links },
  );
  assert.ok(html.includes('href="../intro.html#top"'), html);
  assert.ok(html.includes('href="more/02-b.html"'), html);
  assert.ok(html.includes('href="03-c.html"'), html);
  assert.ok(html.includes('href="https://x.org/e.ipynb"'), html);
  assert.ok(html.includes('href="missing.ipynb"'), html);
});

s(
  "should fail, quoting the formula as written, for an unclosed brace as for an unknown macro, whatever the delimiters",
  () => {
    for (const src of [
      "a $\\frac{1}{$ b",
      "$$\\frac{1}{$$",
      "a \\(\\frac{1}{\\) b",
      "a \\[\\sqrt{x\\] b",
      "x $\\left( {a$ y",
    ]) {
      assert.throws(() => render(src), /KaTeX cannot render "\\(frac|sqrt|left)[^"]*": KaTeX parse error/, src);
    }
    assert.throws(
      () => render("a $\\foo$ b"),
      (e: Error) => e.message.startsWith('KaTeX cannot render "\\foo": '),
    );
    // what is not a formula stays text: prices, an opener never closed, a dollar in a code span
    assert.is(render("cost $5 and $6"), "<p>cost $5 and $6</p>\n");
    assert.is(render("a $\\frac{1}{2 b"), "<p>a $\\frac{1}{2 b</p>\n");
    assert.ok(render("`${x` and y$").startsWith("<p><code>"));
  },
);

s("should fail with the KaTeX error on an undefined macro", () => {
  assert.throws(() => render("bad $\\notamacro$"), /KaTeX cannot render "\\notamacro"/);
});

s.run();
