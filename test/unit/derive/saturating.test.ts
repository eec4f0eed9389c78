/**
 * tanh and atan of a ball far from 0 (ball.ts ballSaturating): their slope there is about
 * 4e^(−2|t|) and 1/t², so the error of a huge argument does not pass through whole. With the
 * Lipschitz bound 1, tanh(e^(10x)) at x ≈ 750 was 1 ± 10^3200 at every precision, and the wrong
 * step tanh(max(e^(−10x) + 10³⁰ − 10³⁰, 0)) + … for tanh(max(e^(10x), 0)) + … (fuzz 7/952) was
 * "undecided: the sides cancel here beyond what 1000 digits settle". Checked against mpmath.
 */
import type { BigNumber } from "mathjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { log10Abs } from "../../../lib/derive/ball";
import { derive } from "../../../lib/derive/derive";
import { evaluator } from "../../../lib/derive/evaluate";
import { rng } from "../../../scripts/fuzz/grammar";
import { pythonJson } from "../python-oracle";

const t = suite("tanh and atan of a ball far from 0");

const REFERENCE = `
import json, sys
from mpmath import mp, mpf, tanh, atan, exp
mp.dps = 80
print(json.dumps([mp.nstr(eval(c["py"], {"tanh": tanh, "atan": atan, "exp": exp, "x": mpf(c["x"])}), 70) for c in json.load(sys.stdin)]))
`;

t("should bound 40 generated tanh(±e^(kx)) and atan(±e^(kx)) sharply, around mpmath's value", () => {
  const r = rng(2952);
  const cases: { text: string; py: string; x: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const fn = i % 2 === 0 ? "tanh" : "atan";
    const k = 1 + Math.floor(r() * 12);
    const sign = r() < 0.5 ? "-" : "";
    const x = (20 + r() * 700).toFixed(5);
    cases.push({ text: `${fn}(${sign}exp(${k} * x))`, py: `${fn}(${sign}exp(${k} * x))`, x });
  }
  const reference: string[] = pythonJson(REFERENCE, cases);
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const b = evaluator(c.text, [{ x: c.x }]).ball(0, 60);
    const where = `${c.text} at x = ${c.x}`;
    if (typeof b === "string") {
      bad.push(`${where}: ${b}`);
      return;
    }
    // sharp: at least 40 digits of the value (the argument's own error is 10^(log10 e^(kx) − 59))
    if (b.r > log10Abs(b.v) - 40) bad.push(`${where}: ${b.v} ± 1e${b.r}`);
    const D = b.v.constructor as unknown as { clone(c: object): new (s: string) => BigNumber };
    const Wide = D.clone({ precision: 120 });
    const off = new Wide(b.v.toString()).minus(new Wide(reference[i])).abs();
    if (!off.isZero() && log10Abs(off) > Math.max(b.r, log10Abs(b.v) - 68))
      bad.push(`${where}: ${b.v} ± 1e${b.r}, mpmath ${reference[i]}`);
  });
  assert.equal(bad, []);
});

t("should reject fuzz 7/952, a wrong step whose expected side is tanh of e^7503", () => {
  const r = derive("7/952", {
    f: "tanh(max(exp(10 * x), 0)) + sigma(log(1 + cos(softplus(x))^2))",
    wrt: "x",
    domain: { x: "(750.321, 756.326)" },
  })
    .rewrite("tanh(max(exp(10 * -x) + 1e+30 - 1e+30, 0)) + sigma(log(1 + cos(softplus(x)) ^ 2))", "mutant")
    .verify({ deadline: Number.POSITIVE_INFINITY });
  const s = r.steps[1];
  assert.is(s.ok, false);
  assert.is(s.tier, "sampled");
  assert.ok(s.counterexample && !s.counterexample.reason, JSON.stringify(s.counterexample));
});

t.run();
