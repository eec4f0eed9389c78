/**
 * The diagnosis's double-precision screen (lib/derive/diagnose/screen.ts): its tree walk
 * gives mathjs's own double values (the oracle: mathjs compiling the expression with sigma and
 * softplus expanded by the kit) on seeded random functions and on every wrong step the
 * catalogue predicts from them; a function it does not walk goes to mathjs; and mayEqual
 * sets aside only what plainly differs.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { expandInDerivation } from "../../../../lib/derive/context";
import { differentiateCandidates } from "../../../../lib/derive/diagnose/candidates";
import { mayEqual, QUICK_TOLERANCE, quickValues } from "../../../../lib/derive/diagnose/screen";
import { parseExpression } from "../../../../lib/derive/expression";
import { randomFunctions } from "../explain/random-functions";

const test = suite("diagnose: the double-precision screen");

const SCOPES = [-1.9, -1.2, -0.51, -0.07, 0.13, 0.66, 1.05, 1.77].map((x) => ({ x }));
const SPEC = { title: "screen", name: "f", f: "x", wrt: "x", domain: { x: "(-2, 2)" }, steps: [] };

/** mathjs's double values of the expression, sigma and softplus expanded by the kit; NaN where not a finite real. */
function oracle(text: string): number[] {
  const code = expandInDerivation(SPEC, text).compile();
  return SCOPES.map((s) => {
    try {
      const v = code.evaluate({ ...s });
      return typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
    } catch {
      return Number.NaN;
    }
  });
}

function assertClose(got: Float64Array, want: number[], what: string): void {
  want.forEach((w, i) => {
    if (Number.isNaN(w))
      assert.ok(Number.isNaN(got[i]), `${what} at x = ${SCOPES[i].x}: ${got[i]}, mathjs: not a finite real`);
    else
      assert.ok(
        Math.abs(got[i] - w) <= 1e-12 * Math.max(1, Math.abs(w)),
        `${what} at x = ${SCOPES[i].x}: ${got[i]}, mathjs: ${w}`,
      );
  });
}

test("agrees with mathjs on 60 seeded random functions and on every wrong derivative the catalogue predicts from them", () => {
  let candidates = 0;
  for (const f of randomFunctions(60, 2024, 3)) {
    const node = parseExpression(f, "screen test");
    assertClose(quickValues(node, SCOPES), oracle(f), f);
    for (const c of differentiateCandidates(node, "x")) {
      const text = c.expr.toString();
      assertClose(quickValues(c.expr, SCOPES), oracle(text), `${c.id} of ${f}: ${text}`);
      candidates++;
    }
  }
  assert.ok(candidates > 500, `only ${candidates} candidates`);
});

test("poles, logs of negative numbers, overflow and fractional powers of negative numbers are NaN, as in mathjs", () => {
  for (const text of [
    "1 / (x - x)",
    "log(x - 3)",
    "sqrt(x - 5)",
    "e^(e^(e^(10 - x)))",
    "(x - 3)^(1/3)",
    "nthRoot(x - 3, 3)",
    "log(x + 3, 2)",
  ]) {
    assertClose(quickValues(parseExpression(text, "screen test"), SCOPES), oracle(text), text);
  }
  assert.ok(quickValues(parseExpression("1 / (x - x)", "t"), SCOPES).every(Number.isNaN));
});

test("a function the walk does not know is evaluated by mathjs", () => {
  for (const text of ["acot(x) + asec(x + 3)", "acsch(x) * x", "sigma(asech(0.5)) + x"]) {
    const values = quickValues(parseExpression(text, "screen test"), SCOPES);
    assertClose(values, oracle(text), text);
    assert.ok(
      values.some((v) => !Number.isNaN(v)),
      `${text}: no value at all`,
    );
  }
});

test("mayEqual sets aside only values that plainly differ", () => {
  const a = Float64Array.from([1, -2, 3e10, Number.NaN]);
  assert.ok(mayEqual(a, Float64Array.from([1 + 1e-12, -2, 3e10 * (1 + QUICK_TOLERANCE / 2), Number.NaN])));
  assert.not.ok(mayEqual(a, Float64Array.from([1 + 1e-5, -2, 3e10, Number.NaN])), "apart by 1e-5 relative");
  assert.not.ok(mayEqual(a, Float64Array.from([1, -2, 3e10, 0])), "finite where the other is not");
  assert.not.ok(mayEqual(a, Float64Array.from([1, Number.NaN, 3e10, Number.NaN])), "not finite where the other is");
});

test.run();
