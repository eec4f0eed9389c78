import render from "dom-serializer";
import { Element, Text, type ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import { renderTex, type TexMacros } from "../tex/katex";
import { splitMath } from "../tex/math-split";

/** Tags an output or a markdown cell may use beyond sanitize-html's defaults (which already cover text, lists, tables, code). */
const EXTRA_TAGS = [
  "img",
  "details",
  "summary",
  "figure",
  "figcaption",
  "sub",
  "sup",
  "span",
  "div",
  "kbd",
  "samp",
  "mark",
  "del",
  "ins",
  "h1",
  "h2",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, ...EXTRA_TAGS],
  allowedAttributes: {
    "*": ["class", "id", "title", "lang", "dir", "style", "align"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "alt", "width", "height", "loading"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
    ol: ["start", "type"],
    details: ["open"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["data", "http", "https"] },
  allowProtocolRelative: false,
};

/** Elements whose text is never read as TeX (as MathJax skips them in Jupyter). */
const NO_MATH = new Set(["pre", "code", "kbd", "samp", "textarea", "script", "style"]);

/** Private-use characters that mark where a rendered formula goes; removed from the input first. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * Typesets the TeX in the text nodes of a parsed fragment: each formula's text is
 * replaced by a placeholder and its KaTeX HTML collected, to be put in after serialising.
 */
function typeset(nodes: ChildNode[], macros: TexMacros, formulas: string[]): void {
  for (const node of nodes) {
    if (node instanceof Element) {
      if (!NO_MATH.has(node.name)) typeset(node.children, macros, formulas);
    } else if (node instanceof Text) {
      const parts = splitMath(node.data);
      if (!parts.some((p) => p.kind === "math")) continue;
      node.data = parts
        .map((p) => {
          if (p.kind === "text") return p.text;
          formulas.push(renderTex(p.tex, p.display, macros));
          return `${OPEN}${formulas.length - 1}${CLOSE}`;
        })
        .join("");
    }
  }
}

/**
 * HTML a notebook brought (a user's own text/html output, or raw HTML in a markdown
 * cell), made fit for the site: sanitised with sanitize-html (scripts, event handlers,
 * forms, iframes and javascript: URLs removed; text, tables, images, lists and classes
 * kept), then parsed with htmlparser2 and the TeX of its text (`\[ … \]`, `$ … $`, …,
 * outside pre and code) typeset with KaTeX, as MathJax would in a notebook. The kit's
 * own derivations and charts never come through here: the site draws them from their
 * JSON types.
 *
 * @param html the fragment
 * @param macros the page's KaTeX macros
 * @returns the prepared fragment ("" when nothing visible is left, e.g. an output that only loads a script)
 * @throws TexError when a formula cannot be rendered
 */
export function prepareUserHtml(html: string, macros: TexMacros): string {
  const clean = sanitizeHtml(html.replace(/[\uE000\uE001]/g, ""), OPTIONS);
  if (clean.trim() === "") return "";
  const doc = parseDocument(clean);
  const formulas: string[] = [];
  typeset(doc.children, macros, formulas);
  const out = render(doc, { encodeEntities: "utf8" });
  return formulas.length === 0
    ? out
    : out.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"), (_m, i: string) => formulas[Number(i)]);
}
