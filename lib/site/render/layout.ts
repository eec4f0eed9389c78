import { escapeHtml } from "../../outputs/escape";
import { TRY_ATTR } from "../try/try-html";

/**
 * The Content-Security-Policy of every page: only the site's own files run
 * (no inline or remote scripts, so a notebook script that slipped through
 * could not run), styles may be inline (KaTeX, shiki and plotly set style
 * attributes), images may be data URLs (notebook images), nothing is fetched
 * from elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Site-relative URLs of the static assets (see `copyAssets`). */
export const ASSET_URLS = {
  katexCss: "assets/katex/katex.min.css",
  siteCss: "assets/site.css",
  siteJs: "assets/stepwise.js",
  themeJs: "assets/theme.js",
  searchJs: "assets/search.js",
  searchIndex: "assets/search-index.json",
  plotly: "assets/plotly.min.js",
  tryJs: "assets/try.js",
  verifier: "assets/verifier.js",
  playgroundJs: "assets/playground.js",
  playgroundWorker: "assets/playground-worker.js",
} as const;

/** What {@link pageShell} lays out. */
export interface ShellOptions {
  /** The page's own title (plain text); the document title is "title · siteTitle". */
  title: string;
  siteTitle: string;
  /** A sentence for the description meta tag (plain text), optional. */
  description?: string;
  /** Extra HTML for the header bar, after the site title (plain links, already escaped). */
  headerExtra?: string;
  /** The page content between header and footer. */
  body: string;
  /** True when the page has charts: the site script loads plotly.js when the first chart nears the viewport. */
  charts: boolean;
  /** The page's own deferred scripts (site-relative URLs), after the site's, e.g. the playground's. */
  scripts?: readonly string[];
}

/**
 * The HTML document around a page: head with the CSP, the colour-scheme script (not
 * deferred: the reader's chosen scheme applies before the first paint), the KaTeX and site
 * stylesheets and the deferred scripts (the widget of assets/try.js only on pages with
 * something to try; plotly.js is not among them: the site script loads it on demand),
 * a header with the site title, the body, and a footer.
 *
 * @param o see {@link ShellOptions}
 * @returns a complete HTML5 document
 */
export function pageShell(o: ShellOptions): string {
  const docTitle = o.title === o.siteTitle ? o.siteTitle : `${o.title} · ${o.siteTitle}`;
  // the widget of "try a step" and the answer boxes, only where the body has something to try
  const sources: string[] = o.body.includes(TRY_ATTR) ? [ASSET_URLS.siteJs, ASSET_URLS.tryJs] : [ASSET_URLS.siteJs];
  sources.push(...(o.scripts ?? []));
  const scripts = sources.map((src) => `<script defer src="${src}"></script>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<link rel="icon" href="data:,">
<title>${escapeHtml(docTitle)}</title>
<script src="${ASSET_URLS.themeJs}"></script>
${o.description ? `<meta name="description" content="${escapeHtml(o.description)}">\n` : ""}<link rel="stylesheet" href="${ASSET_URLS.katexCss}">
<link rel="stylesheet" href="${ASSET_URLS.siteCss}">
${scripts.join("\n")}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header"><a class="site-title" href="index.html">${escapeHtml(o.siteTitle)}</a>${o.headerExtra ?? ""}</header>
${o.body}
<footer class="site-footer"><p>Built from Jupyter notebooks with stepwise: math by KaTeX, charts by plotly.js, code colours by shiki.</p></footer>
</body>
</html>
`;
}
