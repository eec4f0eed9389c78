import { MARK_GLYPHS, MARK_WORDS, type DerivationView, type DerivationRowView } from "../outputs/derivation-view";
import { escapeMarkdown } from "../outputs/escape";

/** TeX with < and > written as the commands \lt and \gt (same rendering in MathJax and KaTeX). */
function texForMarkdown(tex: string): string {
  return tex.replace(/</g, "\\lt ").replace(/>/g, "\\gt ");
}

/** One row as Markdown paragraphs: head line, note, display math, comparison, counterexample. */
function rowMarkdown(r: DerivationRowView): string {
  const glyph = MARK_GLYPHS[r.mark] + (r.mark === "rejected" ? ` ${MARK_WORDS.rejected}` : "");
  const head = [`**${escapeMarkdown(r.label)}**`];
  if (r.action) head.push(escapeMarkdown(r.action));
  if (r.rule) head.push(escapeMarkdown(r.rule));
  if (r.tier) head.push(`*${escapeMarkdown(r.tier)}*`);
  const blocks = [`${glyph} ${head.join(" · ")}`];
  if (r.note) blocks.push(escapeMarkdown(r.note, { blockStart: true }));
  if (r.math) blocks.push(`$$\n${texForMarkdown(r.math)}\n$$`);
  if (r.against) blocks.push(`compared with ${escapeMarkdown(r.against)}`);
  if (r.counterexample) {
    const c = r.counterexample;
    blocks.push(
      `at ${escapeMarkdown(c.point)}: the step gives ${escapeMarkdown(c.actual)}, ` +
        `but it must equal ${escapeMarkdown(c.expected)}`,
    );
  }
  if (r.diagnosis) {
    const d = r.diagnosis;
    blocks.push(
      `the slip (${escapeMarkdown(d.id)}): ${escapeMarkdown(d.message)}; the step should be ${escapeMarkdown(d.expected)}` +
        (d.others.length > 0 ? ` (also explained by: ${escapeMarkdown(d.others.join(", "))})` : ""),
    );
  }
  return blocks.join("\n\n");
}

/**
 * Lays out a derivation view as Markdown: the bold title, one group of
 * paragraphs per row with its expression as display math `$$ … $$` (typeset by
 * the frontend's MathJax or a site's KaTeX), and the bold summary line. Text
 * is escaped with `escapeMarkdown`; in the TeX only < and > are rewritten (as
 * \lt and \gt), so no Markdown renderer can mistake math for raw HTML.
 *
 * @param view the view from `derivationView`
 * @returns Markdown text
 */
export function derivationMarkdown(view: DerivationView): string {
  return [
    `**${escapeMarkdown(view.title)}**`,
    ...view.rows.map(rowMarkdown),
    `**${MARK_GLYPHS[view.summary.mark]} ${escapeMarkdown(view.summary.text)}**`,
  ].join("\n\n");
}
