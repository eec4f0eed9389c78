import { importEsm } from "./esm";

/** Colours of highlighted code: shiki's bundled GitHub light theme. */
export const CODE_THEME = "github-light";

/** Languages loaded; any other language is highlighted as TypeScript. */
export const CODE_LANGUAGES = ["typescript", "javascript", "json", "python", "shellscript"] as const;

/** Highlights one code cell: source text and language name → HTML `<pre class="shiki">`. */
export type Highlight = (code: string, language?: string) => string;

/**
 * Loads shiki 3 (ESM-only, hence the dynamic import) with one theme and a few
 * grammars, and returns a synchronous highlighter. Loading takes a few hundred
 * milliseconds; call it once per build.
 *
 * @returns `highlight(code, language)`: `<pre class="shiki github-light" …><code>…</code></pre>`
 *   with inline colour styles; language is a notebook `language_info.name`
 *   ("typescript" for tslab), unknown names fall back to TypeScript
 * @throws Error (rejection) when shiki is not installed
 */
export async function loadHighlighter(): Promise<Highlight> {
  const shiki = await importEsm<typeof import("shiki")>("shiki");
  const highlighter = await shiki.createHighlighter({
    themes: [CODE_THEME],
    langs: [...CODE_LANGUAGES],
  });
  const loaded = new Set<string>(highlighter.getLoadedLanguages());
  return (code, language = "typescript") => {
    const lang = loaded.has(language.toLowerCase()) ? language.toLowerCase() : "typescript";
    return highlighter.codeToHtml(code.replace(/\n$/, ""), { lang: lang as (typeof CODE_LANGUAGES)[number], theme: CODE_THEME });
  };
}
