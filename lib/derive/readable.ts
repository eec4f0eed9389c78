/**
 * Expressions in messages and on the page as a reader writes them, not as mathjs prints its
 * trees: `e^(-x)` for mathjs's `e ^ (-x)`, `-e^(-x)` for `-1 * e ^ (-x)` or `e ^ (-x) * -1`,
 * and what mathjs's derivative leaves behind (`log(e)`, `1 * a`, integer arithmetic, `a + -b`)
 * taken out by {@link tidyExpression}. Only for reading: verdicts are computed on the
 * expressions themselves.
 */
import type { MathNode } from "mathjs";
import { math } from "./expression";
import { powerExponent } from "./math-text";
import { tidyExpression } from "./tidy";

/**
 * An expression as a reader writes it, in mathjs syntax a learner can type back in:
 * tidied ({@link tidyExpression}), a power's exponent that is itself a power in parentheses,
 * no spaces around ^. The same text whatever channel shows it (a derivation's rows, its JSON
 * payload, a DerivationFailedError's message), and a fixed point: reading it again gives it.
 *
 * @example readableText(math.parse("-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2")) // "e^(-x) / (1 + e^(-x))^2"
 * @param node a mathjs expression (not modified)
 * @returns the text
 */
export function readableText(node: MathNode): string {
  const print = (n: MathNode): string =>
    n.toString({ parenthesis: "auto", handler: powerExponent }).replace(/ \^ /g, "^");
  // the text is tidied as it reads back (a·(b·c) prints a·b·c and reads (a·b)·c, which tidies
  // further), until reading it again gives it again
  let text = print(node);
  for (let round = 0; round < 4; round++) {
    const again = print(tidyExpression(math.parse(text)));
    if (again === text) break;
    text = again;
  }
  return text;
}

/**
 * An expression's text as a reader writes it ({@link readableText} of the parsed text).
 *
 * @example readableExpression("-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2") // "e^(-x) / (1 + e^(-x))^2"
 * @param text mathjs syntax (a learner's step, or a tree's toString())
 * @returns the readable text; the text itself when it does not parse
 */
export function readableExpression(text: string): string {
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch {
    return text;
  }
  return readableText(node);
}
