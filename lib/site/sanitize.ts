import sanitizeHtml from "sanitize-html";

/** Tags an output or a markdown cell may use beyond sanitize-html's defaults (which already cover text, lists, tables, code). */
const EXTRA_TAGS = ["img", "details", "summary", "figure", "figcaption", "sub", "sup", "span", "div", "kbd", "samp", "mark", "del", "ins", "h1", "h2"];

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

/**
 * HTML a notebook brought (a user's own text/html output, or raw HTML in a markdown
 * cell), made safe for the site with sanitize-html: scripts, event handlers, forms,
 * iframes and javascript: URLs removed; text, tables, images, lists and classes kept.
 * The kit's own derivations and charts never come through here: the site draws them
 * from their JSON types.
 *
 * @param html the fragment
 * @returns the sanitised fragment ("" when nothing visible is left)
 */
export function sanitizeOutputHtml(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS);
  return clean.trim() === "" ? "" : clean;
}
