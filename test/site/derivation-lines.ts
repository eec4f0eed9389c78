/**
 * Issue 22's rule for derivations on a phone, measured line by line in the page: no line of a
 * derivation (its left-hand side, its "= …") scrolls sideways or reaches past the derivation's
 * edge, unless one piece of it that cannot be broken is wider than the screen itself.
 *
 * A piece is a KaTeX `.base` (KaTeX breaks inline math only between them). A base with a
 * `\left … \right` group at its top that holds an operator (a `.minner` child with an `.mbin` or
 * `.mrel` child) does not count as unbreakable: the site opens such groups
 * (lib/site/tex/breakable-line.ts), and before it did, page 06's 581 px line was one such base and
 * the earlier check let it scroll.
 *
 * Runs in the page (`page.evaluate(derivationLinesTooWide)`): it may use nothing from Node.
 *
 * @returns one text per line too wide: its boxes' widths in px and the start of its TeX
 */
export function derivationLinesTooWide(): string[] {
  return Array.from(document.querySelectorAll("[data-stepwise-derivation]")).flatMap((d) => {
    const edge = d.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(d).paddingRight) + 1;
    return Array.from(d.querySelectorAll<HTMLElement>(".stepwise-chain .stepwise-math, .stepwise-chain .stepwise-lhs"))
      .filter((e) => e.clientWidth > 0 && (e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > edge))
      .filter(
        (e) =>
          !Array.from(e.querySelectorAll(".katex-html > .base"))
            .filter((b) => b.closest("[hidden]") === null)
            .some((b) => {
              // (no named inner functions: tsx's __name helper does not exist in the page)
              // a \left … \right group at the top of the piece with an operator inside: the site opens those
              const openable = Array.from(b.children).some(
                (k) =>
                  k.classList.contains("minner") &&
                  Array.from(k.children).some((c) => c.classList.contains("mbin") || c.classList.contains("mrel")),
              );
              return !openable && b.getBoundingClientRect().width > window.innerWidth;
            }),
      )
      .map((e) => {
        const tex = Array.from(e.querySelectorAll("annotation")).find((a) => a.closest("[hidden]") === null);
        const right = e.getBoundingClientRect().right;
        return `${e.className} ${e.clientWidth}/${e.scrollWidth} px, right edge ${right.toFixed(0)}/${edge.toFixed(0)} px: ${tex?.textContent?.slice(0, 80)}`;
      });
  });
}
