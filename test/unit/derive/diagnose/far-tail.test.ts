/**
 * Naming a slip in the far tails, where doubles lose the step's value: GELU's derivative on
 * (−12, −10) is about 1e−47 and its terms 1 + tanh(…) and 1 − tanh(…)² are 0 in doubles, so the
 * double screen (screen.ts) set no candidate aside, the full comparisons (at most 12) went to
 * the first candidates in rank order, and a sign flip of the product rule's second term was
 * not named (new-user finding, GELU on (−30, −20)). The step's 60-digit values now screen
 * where its double values are not its values (preciseScreen), so every slip the catalogue
 * predicts is named there as it is near 0. Budgets are unbounded here: a test must not depend
 * on the machine's speed.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { mayEqualPrecisely, preciseScreen, quickValues } from "../../../../lib/derive/diagnose/screen";
import { parseExpression } from "../../../../lib/derive/expression";

const test = suite("diagnose: slips named in the far tails");

const T = "tanh(0.7978845608 * (x + 0.044715 * x^3))";
const GELU = `0.5 * x * (1 + ${T})`;

const at = (xs: string[]) => xs.map((x) => ({ x }));
const doubles = (xs: string[]) => xs.map((x) => ({ x: Number(x) }));

test("preciseScreen: none where doubles hold the step's value, every point where they lose it", () => {
  const step = parseExpression(`0.5 * (1 + ${T}) + 0.5 * x * (1 - ${T}^2) * 0.7978845608 * (1 + 0.134145 * x^2)`, "t");
  const near = ["-1.5", "-0.25", "0.75", "1.9"];
  assert.is(preciseScreen(step, quickValues(step, doubles(near)), at(near)), null);
  const far = ["-11.75", "-11.1", "-10.4", "-19.2"];
  const values = quickValues(step, doubles(far));
  assert.equal([...values], [0, 0, 0, 0]); // what doubles give: nothing to screen with
  const screen = preciseScreen(step, values, at(far));
  assert.ok(screen);
  assert.equal([...screen.indices], [0, 1, 2, 3]);
  // the value at x = −10.4: −2.20259927426047e−40 (mpmath at 80 digits)
  const v = screen.balls.get(2)?.v.toNumber() ?? 0;
  assert.ok(Math.abs(v / -2.20259927426047e-40 - 1) < 1e-13, String(v));
  // the same step written otherwise passes; its second term with the sign flipped does not
  const same = parseExpression(`(1 + ${T}) / 2 + x * (1 - ${T}^2) * 0.3989422804 * (1 + 0.134145 * x^2)`, "t");
  const flipped = parseExpression(
    `0.5 * (1 + ${T}) - 0.5 * x * (1 - ${T}^2) * 0.7978845608 * (1 + 0.134145 * x^2)`,
    "t",
  );
  assert.is(mayEqualPrecisely(screen, same), true);
  assert.is(mayEqualPrecisely(screen, flipped), false);
});

// wrong steps as a learner writes them (not as the catalogue prints them: a step identical to a
// candidate is named without any comparison, so it would not test the screen)
const U = `0.5 * (1 + ${T})`;
const V = `0.5 * x * (1 - ${T}^2) * 0.7978845608 * (1 + 3 * 0.044715 * x^2)`;
const SLIPS: [string, string][] = [
  ["sign-flip", `${U} - ${V}`],
  ["chain-inner-missing", `${U} + 0.5 * x * (1 - ${T}^2)`],
  ["product-one-term", U],
  ["product-of-derivatives", `0.5 * (1 - ${T}^2) * 0.7978845608 * (1 + 3 * 0.044715 * x^2)`],
  ["elementary-derivative-sign", `${U} + 0.5 * x * (1 + ${T}^2) * 0.7978845608 * (1 + 3 * 0.044715 * x^2)`],
];

test("five slips in GELU′ written by hand are named on (−12, −10) and (−20, −18), where doubles give 0", () => {
  for (const domain of ["(-12, -10)", "(-20, -18)"]) {
    for (const [id, wrong] of SLIPS) {
      const r = derive("GELU′", { name: "g", f: GELU, wrt: "x", domain: { x: domain } })
        .differentiate(wrong, "product rule")
        .verify({ diagnosisBudgetMs: Number.POSITIVE_INFINITY });
      const step = r.steps[1];
      assert.is(step.ok, false, `${id} on ${domain}`);
      const named = [step.diagnosis?.id, ...(step.diagnosis?.others ?? []).map((o) => o.id)];
      assert.ok(named.includes(id), `${id} on ${domain}: named ${named.join(", ")}`);
    }
  }
});

test.run();
