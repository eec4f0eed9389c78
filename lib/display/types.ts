/**
 * A Jupyter MIME bundle: MIME type → content, as in the `data` field of a
 * `display_data` message. Every bundle of this library has a text/plain
 * fallback; richer frontends pick text/html (or text/markdown) instead.
 */
export interface MimeBundle {
  "text/plain": string;
  "text/html"?: string;
  "text/markdown"?: string;
  /** JSON MIME types (`application/…+json`) carry a JSON value, the others text. */
  [mime: string]: string | JsonValue | undefined;
}

/** A JSON value, as a JSON MIME type of a bundle carries it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
