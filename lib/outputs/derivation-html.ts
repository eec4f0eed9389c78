import { MARK_GLYPHS, MARK_WORDS, type DerivationView, type StepMark, type DerivationRowView } from "./derivation-view";
import type { CertificateView } from "./derivation-view";
import { notePieces } from "./derivation-tex";
import { escapeHtml } from "./escape";

/** Glyph colours from the Okabe–Ito palette (colour-blind safe); the glyph itself carries the meaning. */
const MARK_COLORS: Record<StepMark, string> = {
  given: "#555555",
  ok: "#009E73",
  failed: "#D55E00",
  rejected: "#E69F00",
  undecided: "#0072B2",
};

/**
 * How a formula is written: by default as `\( \displaystyle … \)` (HTML-escaped TeX), or
 * `\[ … \]` when display is true, for the frontend's MathJax; the site passes KaTeX's renderer.
 * `place` says when the reader sees the formula: "in view" (a line of the chain, or the detail of a
 * failed or rejected line, which opens by itself) or "on demand" (inside a closed disclosure); the
 * site draws the latter lighter. "line" marks a line of the chain itself (its right-hand side,
 * `\displaystyle = …`), which the site lets break onto continuation rows on a narrow screen.
 */
export type DisplayMath = (tex: string, display?: boolean, place?: "in view" | "on demand" | "line") => string;

const mathJax: DisplayMath = (tex, display = false) =>
  display ? `\\[ ${escapeHtml(tex)} \\]` : `\\( ${escapeHtml(tex)} \\)`;

/** Inline styles, so that the layout holds where no stylesheet of the kit is loaded (JupyterLab, the classic Notebook). */
const STYLE = {
  chain:
    "display:grid;grid-template-columns:max-content max-content minmax(0,1fr);column-gap:.45em;row-gap:0;align-items:center;margin:.2em 0",
  row: "display:contents",
  mark: "font-size:.8em;font-weight:bold",
  lhs: "text-align:right;white-space:nowrap",
  rhs: "min-width:0",
  math: "display:inline-block;max-width:100%;overflow-x:auto;overflow-y:hidden;vertical-align:middle;padding:.3em 0",
  why: "display:inline-block;vertical-align:middle;margin-left:.8em;font-size:.85em;max-width:100%",
  summary: "cursor:pointer;opacity:.8",
  body: "margin:.2em 0 .4em 1em;max-width:42em;white-space:normal",
  rule: "margin-left:.8em;font-size:.85em;opacity:.8;vertical-align:middle",
  foot: "margin:.3em 0 0;font-size:.9em",
  screenReader:
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0",
};

/**
 * Hover opens a closed disclosure and leaving closes it, in CSS alone (JupyterLab runs no script
 * of an untrusted output): the pointer over a row's rule shows its detail, as a click or Enter
 * does (those set `open`, which stays). The detail shown on hover floats under the rule's line
 * (absolute, in the page's or JupyterLab's background colour), so nothing moves under the pointer.
 * It is placed against the derivation's box, not the rule's: it starts at the derivation's left
 * edge and is at most as wide as the derivation, so it never passes the right edge of the window,
 * however far right the rule sits and however narrow the window (a box anchored under the rule,
 * 90vw wide, ran off the right edge); vertically it keeps its place under the rule (top: auto).
 * `::details-content` is the box of a <details> body (Chromium 131, Firefox 143, Safari 18.4); a
 * browser without it drops the rule and keeps the click.
 */
const HOVER_CSS =
  ".stepwise-derivation{position:relative}" +
  ".stepwise-why:not([open]):hover::details-content{content-visibility:visible;display:block;position:absolute;" +
  "z-index:5;left:0;top:auto;width:max-content;max-width:min(42em,100%);box-sizing:border-box;padding:.2em .5em;" +
  "background:var(--jp-layout-color0,Canvas);color:var(--jp-ui-font-color0,CanvasText);" +
  "border:1px solid rgba(128,128,128,.5);border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.2)}";

/** A glyph, coloured, small, with its meaning for screen readers and as a tooltip. */
function mark(m: StepMark, label: string): string {
  return (
    `<span class="stepwise-mark stepwise-mark-${m}" role="img" aria-label="${escapeHtml(label)}" title="${MARK_WORDS[m]}" ` +
    `style="color:${MARK_COLORS[m]};${STYLE.mark}">${MARK_GLYPHS[m]}</span>`
  );
}

/** Words (a note, a rule, a title): the text escaped, its `$…$` pieces typeset inline. */
function noteHtml(note: string, math: DisplayMath): string {
  return notePieces(note)
    .map((p) => (p.math ? math(p.text, false) : escapeHtml(p.text)))
    .join("");
}

/** A certificate's lines: both normal forms, the side conditions, the pieces of a split domain. */
function certificateHtml(c: CertificateView, math: DisplayMath): string {
  const lines = [
    c.omitted === undefined
      ? `normal forms ${math(c.actual)} and ${math(c.expected)}; ${escapeHtml(c.method)}`
      : `normal forms of ${c.omitted} characters, too long to show (the derivation's JSON output holds them); ${escapeHtml(c.method)}`,
  ];
  if (c.conditions.length > 0) {
    lines.push(`given ${c.conditions.map((k) => math(k)).join(", ")} (guaranteed by the domain)`);
  }
  for (const piece of c.cases) {
    lines.push(`where ${math(piece.where)}: ${certificateHtml(piece.certificate, math)}`);
  }
  return lines.join("<br>");
}

/** What opens under a row's rule: tier, note, certificate, comparison, counterexample, diagnosis (those present). */
function detailParts(r: DerivationRowView, math: DisplayMath): string[] {
  const parts: string[] = [];
  const head = [r.label, r.action, r.tier ? `decided: ${r.tier}` : ""].filter(Boolean).join(" · ");
  if (head && r.label !== "given") parts.push(`<div class="stepwise-tier">${escapeHtml(head)}</div>`);
  if (r.note) parts.push(`<div class="stepwise-note">${noteHtml(r.note, math)}</div>`);
  if (r.certificate) {
    parts.push(`<div class="stepwise-certificate">${certificateHtml(r.certificate, math)}</div>`);
  }
  if (r.againstTex) parts.push(`<div class="stepwise-against">compared with ${math(r.againstTex)}</div>`);
  if (r.counterexample) {
    const c = r.counterexample;
    parts.push(
      `<div class="stepwise-counterexample">at ${math(c.pointTex)} the step gives ${math(c.actualTex)}, ` +
        `but it must equal ${math(c.expectedTex)}</div>`,
    );
  }
  if (r.undecided) parts.push(`<div class="stepwise-undecided">${escapeHtml(r.undecided)}</div>`);
  if (r.diagnosis) {
    const d = r.diagnosis;
    const others =
      d.others.length > 0
        ? ` <span class="stepwise-diagnosis-others">(also explained by: ${escapeHtml(d.others.join(", "))})</span>`
        : "";
    parts.push(
      `<div class="stepwise-diagnosis" data-slip="${escapeHtml(d.id)}">the slip: ${noteHtml(d.messageTex, math)}; ` +
        `the step should be ${math(d.expectedTex)}${others}</div>`,
    );
  }
  return parts;
}

/**
 * The rule beside a row: a disclosure (<details>, opened by a click or Enter) whose summary
 * is the rule and whose body is the row's detail; a failed or rejected row opens by itself.
 * A row with nothing to disclose shows its rule as plain text.
 */
function ruleHtml(r: DerivationRowView, math: DisplayMath, fallback: string): string {
  const rule = r.rule || fallback;
  const opened = r.mark === "failed" || r.mark === "rejected" || r.mark === "undecided";
  const parts = detailParts(r, (tex, display) => math(tex, display, opened ? "in view" : "on demand"));
  if (parts.length === 0) {
    return rule ? `<span class="stepwise-rule" style="${STYLE.rule}">${noteHtml(rule, math)}</span>` : "";
  }
  const open = opened ? " open" : "";
  const words =
    r.mark === "rejected" || r.mark === "undecided"
      ? ` (${MARK_WORDS[r.mark]})`
      : r.mark === "failed"
        ? " (failed)"
        : "";
  // a rule that is math alone ("$e^{-\\log a} = 1/a$") leaves the summary without text that names it
  // (KaTeX's MathML does not count): a word for screen readers only, clipped from view
  const pieces = notePieces(rule);
  const mathOnly = pieces.length > 0 && pieces.every((p) => p.math || p.text.trim() === "");
  const label = mathOnly ? `<span style="${STYLE.screenReader}">rule: </span>` : "";
  return (
    `<details class="stepwise-why"${open} style="${STYLE.why}">` +
    `<summary class="stepwise-rule" style="${STYLE.summary}">${label}${noteHtml(rule || "details", math)}${words}</summary>` +
    `<div class="stepwise-why-body" style="${STYLE.body}">${parts.join("\n")}</div></details>`
  );
}

/** One line of the chain: the mark, the left-hand side (or nothing), "= right-hand side" and the rule. */
function rowHtml(r: DerivationRowView, math: DisplayMath): string {
  const label = `${r.label}: ${MARK_WORDS[r.mark]}`;
  const formula = r.rhs
    ? `<span class="stepwise-math" style="${STYLE.math}">${math(`\\displaystyle = ${r.rhs}`, false, "line")}</span>`
    : `<span class="stepwise-expr"><code>${escapeHtml(r.expr)}</code></span>`;
  return (
    `<div class="stepwise-step stepwise-step-${r.mark}" style="${STYLE.row}">` +
    mark(r.mark, label) +
    `<div class="stepwise-lhs" style="${STYLE.lhs}">${r.lhs ? math(`\\displaystyle ${r.lhs}`) : ""}</div>` +
    `<div class="stepwise-rhs" style="${STYLE.rhs}">${formula}${ruleHtml(r, math, r.label === "given" ? "given" : "")}</div>` +
    `</div>`
  );
}

/** The closing line: the summary, with the final check (when there is one) as a disclosure beside it. */
function footHtml(view: DerivationView, math: DisplayMath): string {
  const final = view.rows.find((r) => r.label === "final check");
  const check = final
    ? `<span class="stepwise-step stepwise-step-${final.mark} stepwise-final">${ruleHtml({ ...final, rule: "" }, math, "final check")}</span>`
    : "";
  const m = view.summary.mark;
  return (
    `<div class="stepwise-summary" style="${STYLE.foot}">${mark(m, MARK_WORDS[m])} ` +
    `<strong>${escapeHtml(view.summary.brief)}</strong>${check}</div>`
  );
}

/**
 * Lays out a derivation view as HTML, the way a textbook writes a derivation: one chain of
 * equalities aligned on "=" (`g(x) = …`, `g′(x) = …`, then `= …` lines), each line with a
 * small mark at the margin (✓ ✗ ⊘ •) and its rule beside it. The rule is a disclosure
 * (<details>: a click or Enter opens it, the pointer over it shows it until it leaves) holding the row's detail: label, action and tier,
 * the note, the certificate, and for a failure what it was compared
 * with, the counterexample and the slip, all as typeset math; a failed or rejected row is
 * open. The summary closes it, with the final check as a disclosure beside it. The `$…$`
 * pieces of the title, the rules and the notes are typeset inline like the formulas. The layout
 * is a CSS grid in inline styles, so it holds in JupyterLab and the classic Notebook; the
 * site's stylesheet restacks it on a narrow screen. Every text is HTML-escaped, the TeX
 * included (MathJax reads the decoded text).
 *
 * @param view the view from `derivationView`
 * @param opts math: writes one formula from its TeX, inline unless its second argument is
 *   true (the site passes KaTeX's renderer; default `\( escaped TeX \)` for MathJax)
 * @returns HTML text: one <div class="stepwise-derivation">
 */
export function derivationHtml(view: DerivationView, opts: { math?: DisplayMath } = {}): string {
  const math = opts.math ?? mathJax;
  const ok = view.summary.mark === "ok";
  const rows = view.rows.filter((r) => r.label !== "final check");
  return [
    `<div class="stepwise-derivation" data-stepwise-derivation data-ok="${ok}"${view.expectFailure ? ' data-expect-failure="true"' : ""}>`,
    `<style>${HOVER_CSS}</style>`,
    `<p class="stepwise-derivation-title" style="margin:.2em 0"><strong>${noteHtml(view.title, math)}</strong></p>`,
    `<div class="stepwise-chain" style="${STYLE.chain}">`,
    ...rows.map((r) => rowHtml(r, math)),
    `</div>`,
    footHtml(view, math),
    `</div>`,
  ].join("\n");
}
