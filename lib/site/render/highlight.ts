import { importEsm } from "./import-esm";

/**
 * Colours of highlighted code in the light and the dark scheme: shiki's bundled GitHub
 * themes (Primer's colours; every token colour at AA contrast, at least 4.5:1, on the
 * page's code background #f6f8fa / #151b23: github-light's #d73a49 and #e36209 and
 * github-light-default's comments #6e7781 are not). Every token
 * carries both as `--shiki-light` / `--shiki-dark`; the site's stylesheet picks one.
 */
export const CODE_THEMES = { light: "github-light-high-contrast", dark: "github-dark-default" } as const;

/** Languages loaded; any other language is highlighted as TypeScript. */
export const CODE_LANGUAGES = ["typescript", "javascript", "json", "python", "shellscript"] as const;

/** Highlights one code cell: source text and language name → HTML `<pre class="shiki">`. */
export type Highlight = (code: string, language?: string) => string;

/**
 * Loads shiki 3 (ESM-only, hence the dynamic import) with one theme and a few
 * grammars, and returns a synchronous highlighter. Loading takes a few hundred
 * milliseconds; call it once per build.
 *
 * @returns `highlight(code, language)`: `<pre class="shiki shiki-themes …" …><code>…</code></pre>`
 *   with both themes' colours as inline custom properties; language is a notebook `language_info.name`
 *   ("typescript" for tslab), unknown names fall back to TypeScript
 * @throws Error (rejection) when shiki is not installed
 */
export async function loadHighlighter(): Promise<Highlight> {
  const shiki = await importEsm<typeof import("shiki")>("shiki");
  const highlighter = await shiki.createHighlighter({
    themes: [CODE_THEMES.light, CODE_THEMES.dark],
    langs: [...CODE_LANGUAGES],
  });
  const loaded = new Set<string>(highlighter.getLoadedLanguages());
  const highlight: Highlight = (code, language = "typescript") => {
    const lang = loaded.has(language.toLowerCase()) ? language.toLowerCase() : "typescript";
    return highlighter.codeToHtml(code.replace(/\n$/, ""), {
      lang: lang as (typeof CODE_LANGUAGES)[number],
      themes: CODE_THEMES,
      defaultColor: false,
    });
  };
  // shiki 3.9's first two-theme call of a highlighter gives every light token after the first
  // the same colour; one call made and dropped here keeps it from the first code cell
  highlight("const warm = 1;");
  return highlight;
}
