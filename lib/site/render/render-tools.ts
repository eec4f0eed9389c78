import type { AnsiUp } from "ansi_up";
import { importEsm } from "./import-esm";
import { loadHighlighter, type Highlight } from "./highlight";

/** The ESM-only libraries the renderer needs, loaded once and used synchronously. */
export interface RenderTools {
  /** Code cell source → highlighted HTML (shiki). */
  highlight: Highlight;
  /** Terminal text → HTML with ANSI colours as styled spans; the text is HTML-escaped (ansi_up). */
  ansi: (text: string) => string;
  /** Decodes HTML character references such as `&amp;` and `&#39;` (entities, as markdown-it uses). */
  decode: (html: string) => string;
}

let tools: Promise<RenderTools> | null = null;

/**
 * Loads shiki, ansi_up and entities once per process (they are ES modules).
 *
 * @returns the tools
 * @throws Error (rejection) when one of the packages is missing
 */
export function loadRenderTools(): Promise<RenderTools> {
  tools ??= (async () => {
    const [highlight, ansiUp, entities] = await Promise.all([
      loadHighlighter(),
      importEsm<typeof import("ansi_up")>("ansi_up"),
      importEsm<typeof import("entities")>("entities"),
    ]);
    const converter: AnsiUp = new ansiUp.AnsiUp();
    converter.escape_html = true;
    // classes, not ansi_up's inline colours (#00bb00 on white is 2.6:1): page.css gives each
    // of the 16 colours an AA-contrast value in the light and the dark scheme
    converter.use_classes = true;
    return {
      highlight,
      // A fresh state per text: colours must not leak from one output into the next.
      ansi: (text) => {
        const html = converter.ansi_to_html(text);
        converter.ansi_to_html("\u001b[0m");
        return html;
      },
      decode: (html) => entities.decodeHTML(html),
    };
  })();
  return tools;
}
