/**
 * The attributes that the site's HTML (written in Node) and its browser scripts
 * (lib/site/browser/page.ts, lib/site/try/widget.ts) agree on. Browser-safe: this
 * file imports nothing, so a browser bundle can take it.
 */

/** The attribute that marks the site's chart containers; its script (assets/stepwise.js) draws each one. */
export const SITE_FIGURE_ATTR = "data-stepwise-figure";

/** The attribute that marks what the widget script (assets/try.js) makes tryable. */
export const TRY_ATTR = "data-stepwise-try";
