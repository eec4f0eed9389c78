/**
 * The site's stylesheet (assets/site.css). One readable column (max 46rem) with
 * the table of contents beside it on wide screens and above it on narrow ones;
 * wide formulas, code and outputs scroll sideways inside their box instead of
 * widening the page; print hides navigation and keeps cells whole where possible.
 */
export const SITE_CSS = `:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0550ae;
  --ok: #1a7f37; --fail: #cf222e; --column: 46rem;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: #fff;
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; }
.skip-link:focus { left: 1rem; background: #fff; padding: .25rem .5rem; z-index: 10; }

.site-header {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1.25rem;
  padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft);
}
.site-title { font-weight: 700; text-decoration: none; color: var(--text); }
.site-position { color: var(--muted); font-size: .9rem; }
.site-header .download { margin-left: auto; font-size: .9rem; }
.site-footer { max-width: var(--column); margin: 3rem auto 2rem; padding: 0 1rem; color: var(--muted); font-size: .85rem; }

.page { max-width: calc(var(--column) + 2rem); margin: 0 auto; padding: 0 1rem; }
main { min-width: 0; }
.index { max-width: calc(var(--column) + 2rem); margin: 0 auto; padding: 0 1rem; }

.toc { margin: 1.25rem 0 0; font-size: .92rem; }
.toc summary { cursor: pointer; font-weight: 600; color: var(--muted); }
.toc ol { list-style: none; margin: .5rem 0 0; padding: 0 0 0 .25rem; border-left: 2px solid var(--line); }
.toc li { margin: .2rem 0; padding-left: .75rem; }
.toc li.toc-h3 { padding-left: 1.75rem; font-size: .88rem; }
.toc a { text-decoration: none; color: var(--text); }
.toc a:hover { color: var(--accent); text-decoration: underline; }

@media (min-width: 76rem) {
  .page.with-toc { max-width: calc(var(--column) + 18rem + 4rem); display: grid; grid-template-columns: 16rem minmax(0, var(--column)); gap: 2.5rem; }
  .toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto; }
}

h1, h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 .6em; }
h1 { font-size: 2rem; margin-top: 1.2em; }
h2 { font-size: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25em; }
h3 { font-size: 1.2rem; }
p, ul, ol, blockquote, table { margin: .8em 0; }
blockquote { margin-left: 0; padding: 0 1rem; border-left: .25rem solid var(--line); color: var(--muted); }
img, svg, video { max-width: 100%; height: auto; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; }
code, kbd, samp, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .875em; }
:not(pre) > code { background: var(--soft); padding: .1em .3em; border-radius: 4px; }

.katex { font-size: 1.1em; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: .25rem 0; margin: .8em 0; }
.katex-display > .katex { white-space: nowrap; }
/* Long identifiers in inline code may break anywhere rather than widen the page. */
:not(pre) > code { overflow-wrap: anywhere; }

.cell { margin: 1rem 0; }
.cell-input { position: relative; }
.cell-input-toggle > summary { cursor: pointer; color: var(--muted); font-size: .85rem; margin: .2rem 0; }
.cell-input-toggle[open] > summary { margin-bottom: .4rem; }
.cell-input-toggle > summary > .toggle-open, .cell-input-toggle[open] > summary > .toggle-closed { display: none; }
.cell-input-toggle[open] > summary > .toggle-open { display: inline; }
.cell-prompt { position: absolute; right: .5rem; top: .35rem; color: var(--muted); font: .75rem ui-monospace, monospace; }
.cell-input pre { margin: 0; padding: .8rem 1rem; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; line-height: 1.45; background: var(--soft) !important; }
.cell-outputs { margin-top: .4rem; padding-left: .75rem; border-left: 3px solid var(--line); }
.output { margin: .4rem 0; max-width: 100%; overflow-x: auto; }
pre.output { white-space: pre; padding: .5rem .75rem; border-radius: 4px; background: #fff; line-height: 1.4; }
.output-stderr { background: #fff8f0 !important; }
.output-error { background: #fff0f0 !important; border-left: 3px solid var(--fail); }
.output-unsupported { color: var(--muted); font-style: italic; }

.stepwise-derivation { padding: .25rem .75rem; border: 1px solid var(--line); border-radius: 6px; }
.stepwise-derivation[data-ok="true"] { border-left: 4px solid var(--ok); }
.stepwise-derivation[data-ok="false"] { border-left: 4px solid var(--fail); }
.stepwise-derivation[data-expect-failure="true"] { border-left: 4px dashed var(--muted); }
.stepwise-math { overflow-x: auto; overflow-y: hidden; }
.stepwise-tier, .stepwise-note, .stepwise-against { font-size: .9em; color: var(--muted); }
.stepwise-plot { width: 100%; min-height: 0 !important; }
.stepwise-plot-placeholder { color: var(--muted); font-style: italic; }

.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 3rem 0 0; padding-top: 1rem; border-top: 1px solid var(--line); }
.pager a { display: block; max-width: 48%; text-decoration: none; }
.pager-next { margin-left: auto; text-align: right; }
.pager-label { display: block; font-size: .85rem; color: var(--muted); }

.tutorials { padding-left: 1.5rem; }
.tutorials.self-numbered { list-style: none; padding-left: 0; }
.tutorial { margin: 1.2rem 0; }
.tutorial-title { font-size: 1.2rem; font-weight: 600; }
.tutorial-summary { margin: .25rem 0; }
.tutorial-meta { margin: .25rem 0; font-size: .85rem; color: var(--muted); }

@media (max-width: 40rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.6rem; }
  .site-header .download { margin-left: 0; }
  .cell-outputs { padding-left: .4rem; }
  .cell-prompt { display: none; }
  .pager { flex-direction: column; }
  .pager a { max-width: 100%; }
}

@media print {
  @page { margin: 18mm 15mm; }
  body { font-size: 11pt; }
  .site-header, .toc, .pager, .skip-link, .cell-prompt, .site-footer { display: none !important; }
  .page, .index { display: block; max-width: none; padding: 0; }
  a { color: inherit; }
  .notebook a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  pre, .output, .katex-display, .stepwise-math { overflow: visible !important; white-space: pre-wrap; word-break: break-word; }
  .cell-input pre { background: #fff !important; }
  .cell, .katex-display, .stepwise-derivation, .stepwise-plot, img { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .modebar-container { display: none !important; }
}
`;
