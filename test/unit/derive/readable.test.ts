/**
 * readableExpression: mathjs's text of a derivative as a reader writes it, with the same value.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { math } from "../../../lib/derive/expression";
import { readableExpression } from "../../../lib/derive/readable";

const CASES: [string, string][] = [
  ["-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2", "e^(-x) / (1 + e^(-x))^2"],
  ["e ^ (-x) * -1", "-e^(-x)"],
  ["-1 * (x + 1)", "-(x + 1)"],
  ["x * log(e) * 1", "x"],
  ["(e ^ (-x) + 1) ^ (-2) / e ^ x", "(e^(-x) + 1)^(-2) / e^x"],
  ["cos(x) * (2 - 1) * x ^ 2", "cos(x) * x^2"],
];

test("mathjs's text as a reader writes it: no spaces around ^, a product by −1 as a minus sign, the ones dropped", () => {
  for (const [input, want] of CASES) assert.is(readableExpression(input), want, input);
});

test("the same value: the readable text and mathjs's text agree at seeded points", () => {
  for (const [input] of CASES)
    for (const x of [-1.7, -0.3, 0.4, 2.2]) {
      const a = Number(
        math
          .parse(input)
          .compile()
          .evaluate({ x: math.bignumber(x), e: math.bignumber(Math.E) })
          .toString(),
      );
      const b = Number(
        math
          .parse(readableExpression(input))
          .compile()
          .evaluate({ x: math.bignumber(x), e: math.bignumber(Math.E) })
          .toString(),
      );
      assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)), `${input} at ${x}: ${a} vs ${b}`);
    }
});

test("text that does not parse is returned as it is", () => {
  assert.is(readableExpression("x + * 2"), "x + * 2");
});

test.run();
