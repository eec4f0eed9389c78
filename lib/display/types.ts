/**
 * A Jupyter MIME bundle: MIME type → content, as in the `data` field of a
 * `display_data` message. Every bundle of this library has a text/plain
 * fallback; richer frontends pick text/html (or text/markdown) instead.
 */
export interface MimeBundle {
  "text/plain": string;
  "text/html"?: string;
  "text/markdown"?: string;
  [mime: string]: string | undefined;
}
