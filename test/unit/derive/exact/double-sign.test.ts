/**
 * Tests of the exact tier's double-precision sign (lib/derive/exact/double-sign.ts): it
 * decides a sign only when it is certain. Named cases, then a seeded corpus of polynomials
 * over x, e^x, log(1 + e^x), sin x and √2 on boxes from 10⁻⁶ wide to ±700, each sign it
 * shows checked against the polynomial's value at 8 points of the box in 60-digit decimals,
 * 400 where those round to 0 (an independent evaluation, not interval arithmetic) and against the 40-digit decimal
 * enclosure of interval.ts, which must never show the opposite sign.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { doubleAtomSign, doubleSign } from "../../../../lib/derive/exact/double-sign";
import { interval, polyI, signOfInterval, type Box } from "../../../../lib/derive/exact/interval";
import { normalize } from "../../../../lib/derive/exact/normalize";
import type { Poly } from "../../../../lib/derive/exact/poly";
import { Q } from "../../../../lib/derive/exact/rational";
import { bigMath } from "../../../../lib/derive/evaluate";
import { math } from "../../../../lib/derive/expression";
import { mulberry32 } from "../../../../scripts/seeded-random";

const boxOf = (lo: string, hi: string, open = true): Box => new Map([["x", interval(lo, hi, open, open)]]);
/** The numerator polynomial of an expression's normal form on the box. */
const numerator = (expr: string, box: Box): Poly => normalize(math.parse(expr), { box, conditions: new Set() }).n;
const sign = (expr: string, lo: string, hi: string) => {
  const box = boxOf(lo, hi);
  return doubleSign(numerator(expr, box), box);
};

const d = suite("doubleSign");

d("should show the sign of a polynomial that keeps away from 0 on the box", () => {
  assert.is(sign("x - 1", "2", "3"), 1);
  assert.is(sign("1 - x", "2", "3"), -1);
  assert.is(sign("x^2 + 1", "-1000", "1000"), 1);
  assert.is(sign("e^x - 2", "1", "2"), 1);
  assert.is(sign("sin(x)", "3.2", "6"), -1);
  assert.is(sign("sin(x)", "629", "630"), 1); // 629 − 200π ≈ 0.68
  assert.is(sign("cos(x)", "-631", "-630"), -1);
  assert.is(sign("cos(x)", "-1.5", "1.5"), 1);
});

d(
  "should not decide a sign doubles cannot show: a root inside, an open end at 0, a cancellation below a double's digits",
  () => {
    assert.is(sign("x - 1", "0", "3"), 0);
    assert.is(sign("sin(x)", "3", "3.2"), 0);
    assert.is(sign("x", "0", "1"), 0); // positive only because the end is open: left to the decimals
    // log(1 + e^x) − e^x ≈ −e^(2x)/2: below a double's digits of e^x
    assert.is(sign("log(1 + e^x) - e^x", "-50", "-49"), 0);
  },
);

d(
  "should show log(1 + e^x) > 0 where 1 + e^x rounds to 1 (log1p), and a variable's sign from its open interval",
  () => {
    const box = boxOf("-78.6", "-77.3");
    const p = numerator("log(1 + e^(x + 1/4))", box);
    assert.is(doubleSign(p, box), 1);
    const [[id]] = [...p.values()][0].m;
    assert.is(doubleAtomSign(id, Q.ONE, box), 1);
    const open = boxOf("0", "5");
    const [[x]] = [...numerator("x", open).values()][0].m;
    assert.is(doubleAtomSign(x, Q.ONE, open), 1);
    assert.is(doubleAtomSign(x, Q.ONE, boxOf("0", "5", false)), 0);
  },
);

d("should agree with 60-digit point values and never contradict interval.ts on a seeded corpus of 240", () => {
  const r = mulberry32(21);
  const atoms = [
    "x",
    "x^2",
    "exp(x)",
    "exp(-x)",
    "log(1 + exp(x))",
    "sin(x)",
    "cos(x)",
    "sqrt(2)",
    "x * exp(x)",
    "x^3",
  ];
  const coefficient = () => {
    const k = Math.floor(r() * 7) - 3;
    return r() < 0.3 ? `${k}/${1 + Math.floor(r() * 9)}` : `${k === 0 ? 1 : k}`;
  };
  const m = bigMath(60);
  const deep = bigMath(400);
  let shown = 0;
  for (let n = 0; n < 240; n++) {
    const terms = 1 + Math.floor(r() * 4);
    const expr = Array.from({ length: terms }, () => `(${coefficient()}) * ${atoms[Math.floor(r() * atoms.length)]}`)
      .concat(r() < 0.7 ? [`${Math.floor(r() * 2000) - 1000}`] : [])
      .join(" + ");
    const center = (r() - 0.5) * 1400;
    const width = 10 ** (-6 + r() * 8);
    const lo = (center - width / 2).toPrecision(8);
    const hi = (center + width / 2).toPrecision(8);
    if (!(Number(lo) < Number(hi))) continue;
    const box = boxOf(lo, hi, false);
    let p: Poly;
    try {
      p = numerator(expr, box);
    } catch {
      continue; // outside the class on this box
    }
    const s = doubleSign(p, box);
    const decimal = signOfInterval(polyI(p, box));
    assert.ok(!(s !== 0 && Math.sign(decimal) === -s), `${expr} on [${lo}, ${hi}]: doubles ${s}, decimals ${decimal}`);
    if (s === 0) continue;
    shown++;
    const code = m.parse(expr).compile();
    const deepCode = deep.parse(expr).compile();
    for (let k = 0; k <= 7; k++) {
      const x = m.bignumber(lo).plus(
        m
          .bignumber(hi)
          .minus(lo)
          .times(k / 7),
      );
      let v = code.evaluate({ x }) as { isZero(): boolean; isNeg(): boolean };
      if (v.isZero()) v = deepCode.evaluate({ x: deep.bignumber(x.toString()) });
      const at = v.isZero() ? 0 : v.isNeg() ? -1 : 1;
      assert.is(at, s, `${expr} at x = ${x}: sign ${at}, doubles said ${s} on [${lo}, ${hi}]`);
    }
  }
  assert.ok(shown > 90, `doubles showed only ${shown} signs`);
});

d.run();
