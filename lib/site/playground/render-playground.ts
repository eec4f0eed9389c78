import { escapeHtml } from "../../outputs/escape";
import { ASSET_URLS, pageShell } from "../render/layout";
import { PLAYGROUND_TIME_LIMIT_MS } from "./time-limit";

/** The playground's file name in the site's top folder, linked from the index. */
export const PLAYGROUND_PAGE = "playground.html";

/** The page's title, and the index's link text. */
export const PLAYGROUND_TITLE = "Derive any function";

/** What the form starts with when the URL does not say (`?f=…&wrt=…&domain=…&strategy=…`). */
export const PLAYGROUND_DEFAULTS = { f: "x * sigma(x)", wrt: "x", domain: "x: (-10, 10)", strategy: "auto" } as const;

/** Functions a learner meets, offered as links that fill the form (each is a shareable URL). */
export const PLAYGROUND_EXAMPLES: readonly {
  label: string;
  f: string;
  wrt: string;
  domain: string;
  strategy: string;
}[] = [
  { label: "σ by the quotient rule", f: "1 / (1 + e^(-x))", wrt: "x", domain: "x: (-10, 10)", strategy: "quotient" },
  { label: "σ by the chain rule", f: "1 / (1 + e^(-x))", wrt: "x", domain: "x: (-10, 10)", strategy: "chain" },
  { label: "x·σ(x) (SiLU)", f: "x * sigma(x)", wrt: "x", domain: "x: (-10, 10)", strategy: "auto" },
  { label: "log cosh", f: "log(cosh(x))", wrt: "x", domain: "x: (-10, 10)", strategy: "auto" },
  {
    label: "binary cross-entropy by ŷ",
    f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    wrt: "yhat",
    domain: "yhat: (0, 1); t: [0, 1]",
    strategy: "auto",
  },
  {
    label: "binary cross-entropy of σ(z) by z",
    f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))",
    wrt: "z",
    domain: "z: (-10, 10); t: [0, 1]",
    strategy: "auto",
  },
];

/**
 * The query string of a playground URL for one input.
 *
 * @param input the function (mathjs syntax), variable, domain text and strategy
 * @returns e.g. "?f=x%20*%20sigma(x)&wrt=x&domain=x%3A%20(-10%2C%2010)&strategy=auto"
 */
export function playgroundQuery(input: { f: string; wrt: string; domain: string; strategy: string }): string {
  return `?${new URLSearchParams({ f: input.f, wrt: input.wrt, domain: input.domain, strategy: input.strategy })}`;
}

/**
 * The playground page, playground.html: a form (the function in mathjs syntax with its live
 * KaTeX preview, the variable, the domain, the strategy) whose "Derive" shows the kit's own
 * derivation (explain(), the parts first), verified in the page by the verifier bundle of "Try a
 * step" (assets/playground.js loads assets/verifier.js at once; `lib/site/playground/playground-page.ts`).
 * The form is `hidden` until the script shows it; without JavaScript the page says so. The
 * site's shell (header, theme toggle, search) comes from `pageShell`.
 *
 * @param siteTitle plain-text site title
 * @returns a complete HTML document
 */
export function renderPlayground(siteTitle: string): string {
  const d = PLAYGROUND_DEFAULTS;
  const examples = PLAYGROUND_EXAMPLES.map(
    (e) => `<li><a href="${escapeHtml(`${PLAYGROUND_PAGE}${playgroundQuery(e)}`)}">${escapeHtml(e.label)}</a></li>`,
  ).join("\n");
  const strategies = [
    ["auto", "auto"],
    ["quotient", "quotient rule for u/v"],
    ["chain", "chain rule: c·v^(−1)"],
    ["product", "product rule: u·v^(−1)"],
  ]
    .map(([v, label]) => `<option value="${v}">${escapeHtml(label)}</option>`)
    .join("");
  const body = `<main id="content" class="index playground">
<h1>${escapeHtml(PLAYGROUND_TITLE)}</h1>
<p>Type a function in mathjs syntax (<code>x * sigma(x)</code>, <code>log(cosh(x))</code>, <code>e^(-x)</code>, <code>sqrt(1 + x^2)</code>), pick the variable, its domain and the first rule, and press <kbd>Enter</kbd>. The kit writes the derivation one rule per step, working out the parts first, and the verifier checks every step in this page, offline. The page's address keeps your input, so you can share it.</p>
<noscript><p class="playground-noscript">The playground runs the kit in your browser: it needs JavaScript.</p></noscript>
<form class="playground-form" id="playground" hidden novalidate data-time-limit-ms="${PLAYGROUND_TIME_LIMIT_MS}">
<div class="playground-field playground-function">
<label for="pg-f">Function</label>
<input id="pg-f" name="f" class="stepwise-try-input" type="text" value="${escapeHtml(d.f)}" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="pg-status">
</div>
<div class="stepwise-try-preview playground-preview" id="pg-preview" role="group" aria-label="preview of the function"></div>
<div class="playground-row">
<div class="playground-field"><label for="pg-wrt">Variable</label><select id="pg-wrt" name="wrt"><option value="${escapeHtml(d.wrt)}">${escapeHtml(d.wrt)}</option></select></div>
<div class="playground-field playground-domain"><label for="pg-domain">Domain</label><input id="pg-domain" name="domain" type="text" value="${escapeHtml(d.domain)}" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="pg-domain-help pg-status"></div>
<div class="playground-field"><label for="pg-strategy">Strategy</label><select id="pg-strategy" name="strategy">${strategies}</select></div>
<button type="submit" class="playground-derive">Derive</button>
<button type="button" class="playground-stop" id="pg-stop" hidden>Stop</button>
</div>
<p class="playground-help" id="pg-domain-help">Domain: one interval per variable, separated by “;”, e.g. <code>yhat: (0, 1); t: [0, 1]</code>.</p>
<p class="playground-status" id="pg-status" role="status" aria-live="polite"></p>
<p class="playground-share"><a id="pg-link" href="${PLAYGROUND_PAGE}">Link to this derivation</a></p>
</form>
<section class="playground-result" id="pg-result" aria-label="the kit's derivation" tabindex="-1"></section>
<h2>Examples</h2>
<ul class="playground-examples">
${examples}
</ul>
</main>`;
  return pageShell({
    title: PLAYGROUND_TITLE,
    siteTitle,
    body,
    charts: false,
    description: "The kit's own step-by-step derivation of any function, every step verified in the page",
    scripts: [ASSET_URLS.playgroundJs],
  });
}
