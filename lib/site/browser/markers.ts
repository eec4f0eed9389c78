/**
 * The attributes that the site's HTML (written in Node) and its browser scripts
 * (lib/site/browser/page.ts, lib/site/try/widget.ts) agree on. Browser-safe: this
 * file imports nothing, so a browser bundle can take it.
 */

/** The attribute that marks the site's chart containers; its script (assets/stepwise.js) draws each one. */
export const SITE_FIGURE_ATTR = "data-stepwise-figure";

/** The attribute that marks what the widget script (assets/try.js) makes tryable. */
export const TRY_ATTR = "data-stepwise-try";

/** The localStorage key of the reader's colour scheme ("light" or "dark"), set by the header's toggle. */
export const THEME_STORAGE_KEY = "stepwise-theme";

/** The attribute of <html> that holds the scheme the reader chose (absent: the system's, prefers-color-scheme). */
export const THEME_ATTR = "data-theme";

/** The event a script dispatches on `document` after it changed the page's content (the widget's preview), so the site script marks scrolling boxes again. */
export const CONTENT_CHANGED_EVENT = "stepwise:content-changed";
