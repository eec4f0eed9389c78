import {
  MARK_GLYPHS,
  MARK_WORDS,
  type DerivationView,
  type DerivationRowView,
  type StepMark,
} from "../outputs/derivation-view";
import { notePieces, textTex } from "../outputs/derivation-tex";
import { escapeMarkdown } from "../outputs/escape";

/** TeX with < and > written as the commands \lt and \gt (same rendering in MathJax and KaTeX). */
function texForMarkdown(tex: string): string {
  return tex.replace(/</g, "\\lt ").replace(/>/g, "\\gt ");
}

/** Text as TeX text mode with < and > between the \text pieces as \lt and \gt, so no renderer sees markup. */
function plainTex(text: string): string {
  return text
    .split(/([<>])/)
    .filter((p) => p !== "")
    .map((p) => (p === "<" ? "\\lt " : p === ">" ? "\\gt " : textTex(p)))
    .join("");
}

/** Each mark as a TeX symbol, for the margin column of the chain. */
const MARK_TEX: Readonly<Record<StepMark, string>> = {
  given: "\\bullet",
  ok: "\\checkmark",
  failed: "\\times",
  rejected: "\\oslash",
  undecided: "\\oslash",
};

/** Inline math for Markdown: `$tex$`, < and > as \lt and \gt. */
const inline = (tex: string): string => `$${texForMarkdown(tex)}$`;

/** Words (a note, a rule, a title) in Markdown: the text escaped, its `$…$` pieces kept as inline math. */
function noteMarkdown(note: string): string {
  return notePieces(note)
    .map((p) => (p.math ? inline(p.text) : escapeMarkdown(p.text)))
    .join("");
}

/** Words inside TeX: the text as \text pieces, its `$…$` pieces as the math they are. */
function wordsTex(words: string): string {
  return notePieces(words)
    .map((p) => (p.math ? `{${texForMarkdown(p.text)}}` : plainTex(p.text)))
    .join("");
}

/** One line of the aligned chain: `lhs &= rhs && mark\ \text{rule}`. */
function chainLine(r: DerivationRowView): string {
  const rule = r.rule || (r.label === "given" ? "given" : "");
  const formula = r.rhs ? texForMarkdown(r.rhs) : plainTex(r.expr);
  return `${texForMarkdown(r.lhs)} &= ${formula} && ${MARK_TEX[r.mark]}\\ ${rule ? wordsTex(rule) : ""}`;
}

/** A row's detail as one Markdown paragraph: glyph, label, action, rule, tier, note, comparison, counterexample, slip. */
function detailMarkdown(r: DerivationRowView): string {
  const glyph = MARK_GLYPHS[r.mark] + (r.mark === "rejected" || r.mark === "undecided" ? ` ${MARK_WORDS[r.mark]}` : "");
  const head = [`**${escapeMarkdown(r.label)}**`];
  if (r.action) head.push(escapeMarkdown(r.action));
  if (r.rule) head.push(noteMarkdown(r.rule));
  if (r.tier) head.push(`*${escapeMarkdown(r.tier)}*`);
  const parts = [`${glyph} ${head.join(" · ")}`];
  if (r.note) parts.push(noteMarkdown(r.note));
  if (r.againstTex) parts.push(`compared with ${inline(r.againstTex)}`);
  if (r.counterexample) {
    const c = r.counterexample;
    parts.push(
      `at ${inline(c.pointTex)} the step gives ${inline(c.actualTex)}, but it must equal ${inline(c.expectedTex)}`,
    );
  }
  if (r.undecided) parts.push(escapeMarkdown(r.undecided));
  if (r.diagnosis) {
    const d = r.diagnosis;
    parts.push(
      `the slip (${escapeMarkdown(d.id)}): ${noteMarkdown(d.messageTex)}; the step should be ${inline(d.expectedTex)}` +
        (d.others.length > 0 ? ` (also explained by: ${escapeMarkdown(d.others.join(", "))})` : ""),
    );
  }
  return parts.join(": ");
}

/**
 * Lays out a derivation view as Markdown, the way a textbook writes a derivation: the bold
 * title, then one display formula `$$\begin{aligned} … \end{aligned}$$` holding the chain of
 * equalities aligned on "=", each line with its mark (\checkmark, \times, \oslash,
 * \bullet) and its rule; then a failed or rejected row's detail (what it was compared
 * with, the counterexample, the slip) as visible paragraphs, the other rows' detail
 * (label, tier, note) inside one <details> block; then the bold summary line. Text is
 * escaped with `escapeMarkdown`, the `$…$` pieces of the title, rules and notes kept as math
 * (inside the chain, a rule's words are \text and its pieces math); in TeX, < and > are written \lt and \gt, so no Markdown
 * renderer can mistake math for raw HTML.
 *
 * @param view the view from `derivationView`
 * @returns Markdown text
 */
export function derivationMarkdown(view: DerivationView): string {
  const chainRows = view.rows.filter((r) => r.label !== "final check");
  const chain = ["$$", "\\begin{aligned}", chainRows.map(chainLine).join(" \\\\\n"), "\\end{aligned}", "$$"].join("\n");
  const shown = (r: DerivationRowView) => r.mark === "failed" || r.mark === "rejected" || r.mark === "undecided";
  const failing = view.rows.filter(shown);
  const quiet = view.rows.filter((r) => !shown(r));
  const blocks = [`**${noteMarkdown(view.title)}**`, chain, ...failing.map(detailMarkdown)];
  if (quiet.length > 0) {
    blocks.push(
      ["<details><summary>How each step was checked</summary>", ...quiet.map(detailMarkdown), "</details>"].join(
        "\n\n",
      ),
    );
  }
  blocks.push(`**${MARK_GLYPHS[view.summary.mark]} ${escapeMarkdown(view.summary.brief)}**`);
  return blocks.join("\n\n");
}
