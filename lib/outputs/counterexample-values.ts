/**
 * How the two values of a counterexample are shown to a reader: each with as many
 * significant digits as it takes for them to differ, so a rejection never shows two
 * equal numbers and never 20 digits where 10 tell them apart. Shared by the derivation
 * view (lib/outputs/derivation-view.ts) and the page's "Try a step" widget.
 */

/**
 * A coordinate of a counterexample point, shortened to 10 significant digits when it
 * is a long decimal; other text is returned as it is.
 *
 * @param v a decimal string as the verifier writes it, e.g. "-9.9999979999999997"
 * @returns e.g. "-9.999998"
 */
export function shortValue(v: string): string {
  const n = Number(v);
  return Number.isFinite(n) && v.length > 14 ? String(Number(n.toPrecision(10))) : v;
}

/**
 * The two values of a counterexample, each with as many digits as it takes for them to
 * differ (10 to 21 significant digits), or as the verifier wrote them (all its digits)
 * when they agree even at 21, or when either is not a finite number.
 *
 * @param a one value (decimal string, e.g. "9.3568294949575529206e-14")
 * @param b the other value
 * @returns both values as decimal strings (JavaScript's Number formatting)
 */
export function distinctValues(a: string, b: string): [string, string] {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isFinite(na) || !Number.isFinite(nb)) return [a, b];
  for (let p = 10; p <= 21; p++) {
    const sa = String(Number(na.toPrecision(p)));
    const sb = String(Number(nb.toPrecision(p)));
    if (sa !== sb) return [sa, sb];
  }
  return [a, b];
}
