import { renderTex, type TexMacros } from "./katex";
import { splitMath } from "./math-split";

/**
 * One lexical piece of HTML: a comment, an element whose content is raw text
 * (script, style, textarea, title: matched whole), a start or end tag (quoted
 * attribute values may contain ">"), or a declaration. Text is what lies between.
 */
const HTML_TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<\/?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>/gi;

/** Elements whose text is never scanned for TeX. */
const NO_MATH = new Set(["pre", "code", "kbd", "samp", "svg", "math", "textarea", "script", "style", "title"]);

/** Start tags that never get an end tag (HTML void elements), so they do not open a no-math region. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** True for a <script> that holds data (a JSON type), which browsers never run. */
function isDataScript(tag: string): boolean {
  const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "").trim().toLowerCase();
  return /^application\/([\w.+-]+\+)?json$/.test(value);
}

/** The result of {@link prepareHtml}. */
export interface PreparedHtml {
  html: string;
  /** False when nothing is left once the scripts are gone (e.g. an output that only loads a library). */
  visible: boolean;
}

/**
 * Makes notebook-provided HTML (a text/html output, or HTML in a markdown cell)
 * fit for the static site. The HTML is trusted project content and kept as it
 * is, except:
 * - every executable `<script>` is removed (the site runs only its own scripts;
 *   charts are redrawn from their JSON by the site's script), while
 *   `<script type="application/json">` data blocks are kept;
 * - TeX in text (`\[ … \]`, `$$ … $$`, `\( … \)`, `$ … $`, math environments)
 *   is rendered with KaTeX, after decoding character references (`&amp;` → `&`);
 *   text inside pre, code, kbd, samp, svg, math, textarea and raw-text elements is left alone.
 *
 * @param html the HTML fragment
 * @param macros the page's KaTeX macros
 * @param decode decodes HTML character references (entities' decodeHTML)
 * @returns the prepared HTML and whether anything visible is left
 * @throws TexError when a formula cannot be rendered
 */
export function prepareHtml(html: string, macros: TexMacros, decode: (text: string) => string): PreparedHtml {
  const out: string[] = [];
  const skip: string[] = [];
  let last = 0;
  const text = (t: string): void => {
    if (!t) return;
    if (skip.length > 0) {
      out.push(t);
      return;
    }
    for (const seg of splitMath(t)) {
      out.push(seg.kind === "text" ? seg.text : renderTex(decode(seg.tex), seg.display, macros));
    }
  };
  for (const m of html.matchAll(HTML_TOKEN)) {
    const at = m.index ?? 0;
    text(html.slice(last, at));
    last = at + m[0].length;
    const token = m[0];
    if (m[1]?.toLowerCase() === "script") {
      if (isDataScript(token)) out.push(token);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][^\s/>]*)/.exec(token);
    if (tag && !m[1]) {
      const name = tag[2].toLowerCase();
      const selfClosing = /\/>$/.test(token);
      if (NO_MATH.has(name) && !VOID.has(name)) {
        if (tag[1] === "/") {
          const at = skip.lastIndexOf(name);
          if (at >= 0) skip.length = at;
        } else if (!selfClosing) {
          skip.push(name);
        }
      }
    }
    out.push(token);
  }
  text(html.slice(last));
  const result = out.join("");
  return { html: result, visible: result.replace(/<!--[\s\S]*?-->/g, "").trim() !== "" };
}
