import { MARK_GLYPHS, MARK_WORDS, type DerivationView, type StepMark, type DerivationRowView } from "./derivation-view";
import { escapeHtml } from "./escape";

/** Glyph colours from the Okabe–Ito palette (colour-blind safe); the glyph itself carries the meaning. */
const MARK_COLORS: Record<StepMark, string> = {
  given: "#555555",
  ok: "#009E73",
  failed: "#D55E00",
  rejected: "#E69F00",
};

/** A glyph, coloured, with its meaning as tooltip; in rows, "rejected" also spells it out. */
function mark(m: StepMark, spell = true): string {
  const words = spell && m === "rejected" ? ` ${MARK_WORDS.rejected}` : "";
  return (
    `<span class="stepwise-mark stepwise-mark-${m}" title="${MARK_WORDS[m]}" ` +
    `style="color:${MARK_COLORS[m]};font-weight:bold">${MARK_GLYPHS[m]}${words}</span>`
  );
}

/** How display math is written: by default as `\[ … \]` (HTML-escaped TeX) for the frontend's MathJax. */
export type DisplayMath = (tex: string) => string;

const mathJaxDisplay: DisplayMath = (tex) => `\\[ ${escapeHtml(tex)} \\]`;

/** One row as an <li>: head line, note, display math, comparison and counterexample. */
function rowHtml(r: DerivationRowView, math: DisplayMath): string {
  const head = [`<strong>${escapeHtml(r.label)}</strong>`];
  if (r.action) head.push(escapeHtml(r.action));
  if (r.rule) head.push(escapeHtml(r.rule));
  if (r.tier) head.push(`<span class="stepwise-tier" style="color:#555">${escapeHtml(r.tier)}</span>`);
  const parts = [`<div class="stepwise-step-head">${mark(r.mark)} ${head.join(" · ")}</div>`];
  if (r.note) parts.push(`<div class="stepwise-note">${escapeHtml(r.note)}</div>`);
  if (r.math) parts.push(`<div class="stepwise-math">${math(r.math)}</div>`);
  if (r.against) {
    parts.push(`<div class="stepwise-against">compared with <code>${escapeHtml(r.against)}</code></div>`);
  }
  if (r.counterexample) {
    const c = r.counterexample;
    parts.push(
      `<div class="stepwise-counterexample">at ${escapeHtml(c.point)}: the step gives ` +
        `<code>${escapeHtml(c.actual)}</code>, but it must equal <code>${escapeHtml(c.expected)}</code></div>`,
    );
  }
  if (r.diagnosis) {
    const d = r.diagnosis;
    const others =
      d.others.length > 0
        ? ` <span class="stepwise-diagnosis-others" style="color:#555">(also explained by: ${escapeHtml(d.others.join(", "))})</span>`
        : "";
    parts.push(
      `<div class="stepwise-diagnosis" data-slip="${escapeHtml(d.id)}">the slip: ${escapeHtml(d.message)}; ` +
        `the step should be <code>${escapeHtml(d.expected)}</code>${others}</div>`,
    );
  }
  return `<li class="stepwise-step stepwise-step-${r.mark}" style="margin:0.6em 0">${parts.join("\n")}</li>`;
}

/**
 * Lays out a derivation view as HTML: a titled list of rows and a summary
 * paragraph. Every text is HTML-escaped, the TeX included (MathJax reads the
 * decoded text); display math is written as `\[ … \]`, which MathJax typesets
 * in the classic Notebook and JupyterLab.
 *
 * @param view the view from `derivationView`
 * @param opts math: writes one display formula from its TeX (the site passes KaTeX's
 *   renderer; default `\[ escaped TeX \]` for MathJax)
 * @returns HTML text: one <div class="stepwise-derivation">
 */
export function derivationHtml(view: DerivationView, opts: { math?: DisplayMath } = {}): string {
  const math = opts.math ?? mathJaxDisplay;
  const ok = view.summary.mark === "ok";
  return [
    `<div class="stepwise-derivation" data-stepwise-derivation data-ok="${ok}"${view.expectFailure ? ' data-expect-failure="true"' : ""}>`,
    `<p class="stepwise-derivation-title"><strong>${escapeHtml(view.title)}</strong></p>`,
    `<ol class="stepwise-steps" style="list-style:none;padding-left:0">`,
    ...view.rows.map((r) => rowHtml(r, math)),
    `</ol>`,
    `<p class="stepwise-summary"><strong>${mark(view.summary.mark, false)} ${escapeHtml(view.summary.text)}</strong></p>`,
    `</div>`,
  ].join("\n");
}
