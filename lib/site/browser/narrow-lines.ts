/**
 * Derivation lines with a narrow form (part of assets/stepwise.js): a line whose fraction is too
 * wide for a phone carries, hidden, the same formula with the fraction's numerator and denominator
 * on rows (lib/site/tex/narrow-fraction.ts). This shows the line as written wherever it fits in
 * its box, and the narrow form where it does not; checked at start, once fonts load and after
 * every resize (with the scroll regions, `watchScrollRegions`). Without this script the line as
 * written shows, in a box that scrolls sideways.
 */

/** The line as written and its narrow form, in a derivation line's box. */
const WIDE = ".stepwise-line-wide";
const NARROW = ".stepwise-line-narrow";

/** Shows, for each line with a narrow form, the form that fits (the line as written when both do). */
export function fitLines(): void {
  const boxes = Array.from(document.querySelectorAll<HTMLElement>(`.stepwise-math:has(> ${NARROW})`));
  // measure the lines as written first, then switch, so that the page lays out once per pass
  for (const box of boxes) {
    (box.querySelector(WIDE) as HTMLElement).hidden = false;
    (box.querySelector(NARROW) as HTMLElement).hidden = true;
  }
  const tooWide = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1);
  for (const box of tooWide) {
    (box.querySelector(WIDE) as HTMLElement).hidden = true;
    (box.querySelector(NARROW) as HTMLElement).hidden = false;
  }
}
