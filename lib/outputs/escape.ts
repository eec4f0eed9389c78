/** Escaping for the three text formats the display bundles are written in. */

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and quoted attribute values: & < > " '
 * become character references, so `<script>` in a note is shown, not run
 * (HTML Living Standard, "character references").
 *
 * @param text any string
 * @returns the escaped string
 * @throws TypeError when text is not a string
 */
export function escapeHtml(text: string): string {
  if (typeof text !== "string") {
    throw new TypeError(`escapeHtml: text must be a string, got ${typeof text}`);
  }
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Escapes text for inline Markdown: backslash-escapes the punctuation that
 * marks up inline Markdown — \ ` * _ [ ] | ~ (CommonMark §2.4, backslash
 * escapes; GFM tables and strikethrough) and `$`, which Jupyter reads as math —
 * then writes & < > as character references, because Markdown passes raw HTML
 * through. Line breaks become spaces so the text stays in its paragraph. With
 * `{ blockStart: true }`, for text that begins a paragraph, leading blanks are
 * also dropped (four would start a code block) and a leading # + - = or "1." /
 * "1)" is escaped so it cannot start a heading or a list.
 *
 * @param text any string
 * @param opts blockStart: the text begins a paragraph (default false)
 * @returns the escaped string
 * @throws TypeError when text is not a string
 */
export function escapeMarkdown(text: string, opts: { blockStart?: boolean } = {}): string {
  if (typeof text !== "string") {
    throw new TypeError(`escapeMarkdown: text must be a string, got ${typeof text}`);
  }
  const inline = text
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/\r?\n|\r/g, " ");
  if (!opts.blockStart) return inline;
  return inline
    .replace(/^\s+/, "")
    .replace(/^([#+\-=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element:
 * `<`, `>` and `&` are written as \u escapes, so the text can never contain
 * `</script>` or `<!--`; U+2028 and U+2029 are escaped too. `JSON.parse` of the
 * element's text gives back the value.
 *
 * @param value a JSON-serialisable value
 * @returns JSON text
 * @throws TypeError when value cannot be serialised (e.g. undefined, a cycle, a bigint)
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (typeof json !== "string") {
    throw new TypeError(`jsonForScript: value is not JSON-serialisable, got ${typeof value}`);
  }
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
