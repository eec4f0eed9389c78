/**
 * Escapes text for HTML element content and quoted attribute values:
 * & < > " ' become numeric character references (HTML Living Standard,
 * "character references"), so markup in the text is shown, never run.
 *
 * @param text any string
 * @returns the escaped string
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
