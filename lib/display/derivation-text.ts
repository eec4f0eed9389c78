import { MARK_GLYPHS, MARK_WORDS, type DerivationView, type DerivationRowView } from "../outputs/derivation-view";

/** One row as indented plain-text lines. */
function rowText(r: DerivationRowView): string[] {
  const glyph = MARK_GLYPHS[r.mark] + (r.mark === "rejected" || r.mark === "undecided" ? ` ${MARK_WORDS[r.mark]}` : "");
  const head = [r.label, r.action, r.rule, r.tier ? `[${r.tier}]` : ""].filter((s) => s !== "");
  const lines = [`  ${glyph} ${head.join(" · ")}`, `      ${r.expr}`];
  if (r.note) lines.push(`      ${r.note.replace(/\s*\n\s*/g, " ")}`);
  if (r.against) lines.push(`      compared with ${r.against}`);
  if (r.counterexample) {
    const c = r.counterexample;
    lines.push(`      at ${c.point}: the step gives ${c.actual}, but it must equal ${c.expected}`);
  }
  if (r.undecided) lines.push(`      ${r.undecided}`);
  if (r.diagnosis) {
    const d = r.diagnosis;
    lines.push(`      the slip (${d.id}): ${d.message}`, `      the step should be ${d.expected}`);
    if (d.others.length > 0) lines.push(`      also explained by: ${d.others.join(", ")}`);
  }
  return lines;
}

/**
 * Lays out a derivation view as plain text (the text/plain fallback, and what
 * plain node prints): the title, per row the glyph, label, action, rule, tier
 * and the expression in mathjs syntax, then the summary line.
 *
 * @param view the view from `derivationView`
 * @returns text, no trailing newline
 */
export function derivationText(view: DerivationView): string {
  return [view.title, ...view.rows.flatMap(rowText), `${MARK_GLYPHS[view.summary.mark]} ${view.summary.text}`].join(
    "\n",
  );
}
