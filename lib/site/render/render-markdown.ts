import MarkdownIt from "markdown-it";
import * as path from "node:path";
import type { TexMacros } from "../tex/katex";
import { markdownMath } from "../tex/markdown-math";
import { slugify, uniqueSlug } from "./slug";

/** A heading of a markdown cell, for the table of contents. */
export interface Heading {
  /** 1 to 6. */
  level: number;
  /** Its id attribute, unique in the page. */
  id: string;
  /** Its content rendered inline (may hold KaTeX). */
  html: string;
  /** Its content as plain text (TeX left as source). */
  text: string;
}

/** What one render call reads and collects (markdown-it's env). */
export interface MarkdownEnv extends MarkdownIt.Env {
  /** KaTeX macros shared by the page. */
  macros: TexMacros;
  /** Heading ids already used in the page (filled in). */
  ids?: Set<string>;
  /** Headings found, in order (filled in when present). */
  headings?: Heading[];
  /** Notebook path as written relative to this notebook's folder (normalised, e.g. "02-b.ipynb", "../intro.ipynb") → page URL relative to this page. */
  links?: Record<string, string>;
  /** The cell's nbformat attachments: name → MIME type → base64 data. */
  attachments?: Record<string, Record<string, unknown>>;
  /** Collects the relative paths of images as written (normalised, e.g. "img/plot.png", "../shared/a.svg"), to copy them into the site; the caller drops paths that leave the notebooks' folder. */
  localFiles?: Set<string>;
  /** Rewrites raw HTML blocks of markdown cells (the site sanitises them and typesets their TeX: `prepareUserHtml`). */
  rewriteHtml?: (html: string) => string;
}

/** decodeURIComponent that leaves malformed escapes ("%zz") as they are. */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Core rule: gives every heading an id and records it in env.headings. */
function headingIds(state: MarkdownIt.StateCore): void {
  const env = state.env as MarkdownEnv;
  env.ids ??= new Set();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== "heading_open") continue;
    const inline = tokens[i + 1];
    const children = inline.children ?? [];
    const text = children
      .map((t) => (t.type === "softbreak" || t.type === "hardbreak" ? " " : t.content))
      .join("")
      .trim();
    const id = uniqueSlug(slugify(text), env.ids);
    tokens[i].attrSet("id", id);
    env.headings?.push({
      level: Number(tokens[i].tag.slice(1)),
      id,
      text,
      html: state.md.renderer.renderInline(children, state.md.options, env),
    });
  }
}

/**
 * A markdown-it instance for the site: CommonMark plus GFM tables and
 * strikethrough (markdown-it defaults), TeX rendered with KaTeX (`markdownMath`),
 * heading ids, links to sibling .ipynb files pointed at their pages,
 * `attachment:` images of a cell as data URLs, and relative image paths recorded
 * in env.localFiles.
 *
 * @param options html: true to pass raw HTML through (markdown cells, written by
 *   the notebook's author; blocks go through env.rewriteHtml, inline <script> tags
 *   are dropped), false to show it as text (text/markdown outputs, written by code)
 * @returns the configured instance; render with `md.render(source, env)` where env is a {@link MarkdownEnv}
 */
export function createMarkdown(options: { html: boolean }): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: options.html, linkify: false, typographer: false });
  md.use(markdownMath);
  md.core.ruler.after("inline", "heading_ids", headingIds);
  const rules = md.renderer.rules;
  const envOf = (env: MarkdownIt.Env | undefined): MarkdownEnv => (env ?? { macros: {} }) as MarkdownEnv;
  rules.html_block = (tokens, idx, _o, env) => envOf(env).rewriteHtml?.(tokens[idx].content) ?? tokens[idx].content;
  rules.html_inline = (tokens, idx) => (/^<\/?script\b/i.test(tokens[idx].content) ? "" : tokens[idx].content);
  const linkOpen = rules.link_open ?? ((tokens, idx, o, _env, self) => self.renderToken(tokens, idx, o));
  rules.link_open = (tokens, idx, o, env, self) => {
    const href = String(tokens[idx].attrGet("href") ?? "");
    const m = /^(?![a-z][a-z0-9+.-]*:|\/)([^?#]+\.ipynb)(#.*)?$/i.exec(href);
    const page = m ? envOf(env).links?.[path.posix.normalize(decodePath(m[1]))] : undefined;
    if (page) tokens[idx].attrSet("href", page + (m?.[2] ?? ""));
    return linkOpen(tokens, idx, o, env, self);
  };
  const image = rules.image!;
  rules.image = (tokens, idx, o, env, self) => {
    const src = String(tokens[idx].attrGet("src") ?? "");
    if (src.startsWith("attachment:")) {
      const bundle = envOf(env).attachments?.[decodePath(src.slice("attachment:".length))] ?? {};
      const mime = Object.keys(bundle).find((k) => k.startsWith("image/"));
      const data = mime ? bundle[mime] : undefined;
      if (mime && typeof data === "string")
        tokens[idx].attrSet("src", `data:${mime};base64,${data.replace(/\s+/g, "")}`);
    } else if (!/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) {
      const file = path.posix.normalize(decodePath(src.split(/[?#]/)[0]));
      if (file && file !== ".") envOf(env).localFiles?.add(file);
    }
    return image(tokens, idx, o, env, self);
  };
  return md;
}
