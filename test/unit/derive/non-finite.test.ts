/**
 * Values that are real numbers beyond decimal.js's range where mathjs evaluates the whole
 * expression (asin, acos, a conditional: evaluate.ts has no plan for them). decimal.js says
 * ±Infinity both for 1/0 and for e^(e^41); the first is "not finite", the second OVERFLOW
 * (non-finite.ts). asin(c)·e^(e^x)/e^(e^x)·e^x/asin(c) = e^x on (40, 41) was rejected with the
 * counterexample "not finite", a true step; a given function that forms such a value was
 * refused as "a real number … it must be a finite real number". Checked against mpmath, whose
 * exponents are unbounded.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { evaluator, OVERFLOW } from "../../../lib/derive/evaluate";
import { rng } from "../../../scripts/fuzz/grammar";
import { pythonJson } from "../python-oracle";

const t = suite("values mathjs evaluates: a pole or a real number beyond decimal.js's range");

/** Factors outside the evaluator's plan, in the verifier's syntax and mpmath's (c in (0, 1)). */
const OUTSIDE: [(c: string) => string, (c: string) => string][] = [
  [(c) => `asin(${c})`, (c) => `mp.asin(mpf("${c}"))`],
  [(c) => `acos(${c})`, (c) => `mp.acos(mpf("${c}"))`],
  [(c) => `(x > 0 ? ${c} : 2)`, (c) => `mpf("${c}")`],
];

/** Parts whose value (or a part of it) is beyond 10^(9e15) for x > 37.6, with mpmath's log10 of the largest part. */
const HUGE: [string, string][] = [
  ["exp(exp(x))", "mp.exp(x) / mp.log(10)"],
  ["1 / exp(-exp(x))", "mp.exp(x) / mp.log(10)"],
  ["exp(exp(x)) / exp(exp(x))", "mp.exp(x) / mp.log(10)"],
  ["(2 + sin(x))^(exp(x))", "mp.exp(x) * mp.log10(2 + mp.sin(x))"],
];

/** Parts without a value at any x: a pole met exactly (mpmath raises or gives ±inf). */
const POLES: [string, string][] = [
  ["1 / (x - x)", "1 / (x - x)"],
  ["log(x - x)", "mp.log(x - x)"],
  ["(x - x)^(-1)", "(x - x)**(-1)"],
  ["coth(x - x)", "mp.coth(x - x)"],
];

const REFERENCE = `
import json, sys
from mpmath import mp, mpf
mp.dps = 40
out = []
for c in json.load(sys.stdin):
    x = mpf(c["x"])
    try:
        v = eval(c["py"], {"mp": mp, "mpf": mpf, "x": x})
        out.append({"finite": bool(mp.isfinite(v)), "log10": float(eval(c["big"], {"mp": mp, "x": x})) if c["big"] else None})
    except (ZeroDivisionError, ValueError):
        out.append({"finite": False, "log10": None})
print(json.dumps(out))
`;

t(
  "should call 48 generated values OVERFLOW where mpmath's largest part is beyond 10^(9e15), and poles not finite",
  () => {
    const r = rng(2126);
    const cases: { text: string; py: string; big: string; x: string; pole: boolean }[] = [];
    for (let k = 0; k < 48; k++) {
      const [outer, outerPy] = OUTSIDE[k % OUTSIDE.length];
      const c = (0.1 + r() * 0.8).toFixed(4);
      const x = (38 + r() * 6).toFixed(6);
      const pole = k % 4 === 3;
      const [part, partPy] = pole ? POLES[k % POLES.length] : HUGE[k % HUGE.length];
      const big = pole ? "" : HUGE[k % HUGE.length][1];
      const py = pole
        ? partPy
        : partPy
            .replace(/exp\(/g, "mp.exp(")
            .replace(/sin\(/g, "mp.sin(")
            .replace(/mp\.mp\./g, "mp.");
      cases.push({ text: `${outer(c)} * ${part}`, py: `${outerPy(c)} * (${py.replace(/\^/g, "**")})`, big, x, pole });
    }
    const reference: { finite: boolean; log10: number | null }[] = pythonJson(
      REFERENCE,
      cases.map((c) => ({ py: c.py, big: c.big, x: c.x })),
    );
    const bad: string[] = [];
    let overflows = 0;
    let poles = 0;
    cases.forEach((c, i) => {
      const ref = reference[i];
      const got = evaluator(c.text, [{ x: c.x }]).at(0, 60);
      const where = `${c.text} at x = ${c.x}`;
      if (c.pole) {
        if (ref.finite) bad.push(`${where}: mpmath finds a value, the case is no pole`);
        else if (got !== "not finite") bad.push(`${where}: ${String(got)}, expected "not finite"`);
        else poles++;
        return;
      }
      if (!ref.finite || ref.log10 === null || ref.log10 <= 9e15) bad.push(`${where}: mpmath ${JSON.stringify(ref)}`);
      else if (got !== OVERFLOW) bad.push(`${where}: ${String(got)}, expected ${OVERFLOW}`);
      else overflows++;
    });
    assert.equal(bad, []);
    assert.is(overflows + poles, 48);
    assert.ok(poles >= 12, `${poles} poles`);
  },
);

t("should leave no true step rejected as not finite where a part is beyond the range", () => {
  const steps: [string, string][] = [
    ["exp(x)", "asin(0.5) * exp(exp(x)) / exp(exp(x)) * exp(x) * 6 / pi"],
    ["exp(x)", "acos(0.5) * exp(x) / exp(-exp(x)) * exp(-exp(x)) * 3 / pi"],
    ["exp(x)", "(x > 0 ? exp(exp(x)) : 1) / exp(exp(x)) * exp(x)"],
  ];
  for (const [f, step] of steps) {
    const r = derive("overflow", { f, wrt: "x", domain: { x: "(40, 41)" } })
      .rewrite(step, "same")
      .verify();
    const s = r.steps[1];
    // the sampling tier cannot tell there (README: "precision bound hit"), and says so; never a counterexample value
    const reason = s.counterexample?.reason ?? "";
    assert.ok(s.ok || reason.startsWith("precision bound hit"), `${step}: ${JSON.stringify(s.counterexample)}`);
    assert.not.match(JSON.stringify(s.counterexample ?? {}), /not finite/, step);
  }
});

t("should refuse a given function that forms a real number beyond the range as such, not as not finite", () => {
  for (const f of ["exp(exp(x))", "1 / exp(exp(x))", "asin(0.5) + exp(exp(x))", "(x > 0 ? 1 : 2) * 10^(exp(x))"]) {
    let message = "";
    try {
      derive("overflow", { f, wrt: "x", domain: { x: "(40, 41)" } })
        .rewrite(f, "same")
        .verify();
    } catch (err) {
      assert.instance(err, RangeError, f);
      message = (err as Error).message;
    }
    assert.match(
      message,
      /forms a real number beyond decimal\.js's range .* a finite real number, not an undefined one/,
      f,
    );
    assert.not.match(message, /not finite|must be a finite real number/, f);
  }
  // a pole is still refused as one
  assert.throws(
    () =>
      derive("pole", { f: "asin(0.5) / (x - x)", wrt: "x", domain: { x: "(40, 41)" } })
        .rewrite("asin(0.5) / (x - x)", "same")
        .verify(),
    (err: Error) =>
      err instanceof RangeError && /is not finite at x = .*must be a finite real number/.test(err.message),
  );
});

t.run();
