/**
 * The far tails without cancellation (issue 21): where an expression subtracts nearly equal
 * values (1 − σ(u), 1 − tanh²u, 1 ± tanh u, log(1 + e^u), log σ(u) with |u| in the hundreds),
 * the evaluator computes it in an exactly equal form without the subtraction
 * (lib/derive/cancellation.ts), so 60 digits give the value to most of its digits. Checked on
 * a generated corpus against mpmath at 1200 digits (the error bounds must hold the exact value,
 * in decimals and in the double-precision pass), and on generated far-tail derivations, true
 * and wrong, against the fuzzer's mpmath oracle.
 */
import type { BigNumber } from "mathjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { certainDigits } from "../../../lib/derive/ball";
import { boundedAt, pointIntervals } from "../../../lib/derive/double-interval";
import { evaluator } from "../../../lib/derive/evaluate";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  parseDefinitions,
  parseExpression,
} from "../../../lib/derive/expression";
import { rng } from "../../../scripts/fuzz/grammar";
import { pythonText, runFuzz } from "../../../scripts/fuzz/run";
import { pythonJson } from "../python-oracle";

const t = suite("far tails evaluated without cancellation");
const DEFS = parseDefinitions(BUILTIN_DEFINITIONS);
const expand = (s: string) => expandDefinitions(parseExpression(s, "test"), DEFS, "test").toString();

/** Far-tail forms of u, and the sign of u where each cancels (0: where u is tiny). */
const FORMS: [(u: string) => string, number][] = [
  [(u) => `1 - sigma(${u})`, 1],
  [(u) => `sigma(${u}) * (1 - sigma(${u}))`, 1],
  [(u) => `sigma(${u}) - 1`, 1],
  [(u) => `1 - sigma(${u})^2`, 1],
  [(u) => `1 - tanh(${u})^2`, 1],
  [(u) => `1 - tanh(${u})^2`, -1],
  [(u) => `1 - tanh(${u})`, 1],
  [(u) => `1 + tanh(${u})`, -1],
  [(u) => `tanh(${u}) + 1`, -1],
  [(u) => `log(1 + exp(${u}))`, -1],
  [(u) => `softplus(${u})`, -1],
  [(u) => `log(sigma(${u}))`, 1],
  [(u) => `log(1 - sigma(${u}))`, 1],
  [(u) => `log(1 + ${u}^2)`, 0],
  [(u) => `log(${u} + 1)`, 0],
];

/** mpmath at 1200 digits: each case's value as a string, or null where it is not a finite real. */
const REFERENCE = `
import json, sys
from mpmath import mp, mpf
mp.dps = 1200
def tanh(u): return mp.tanh(u)
names = {"exp": mp.exp, "log": mp.log, "sqrt": mp.sqrt, "tanh": tanh, "e": mp.e, "N": mpf}
out = []
for c in json.load(sys.stdin):
    v = eval(c["expr"], {"__builtins__": {}}, dict(names, x=mpf(c["x"])))
    out.append(mp.nstr(v, 120, min_fixed=1, max_fixed=0))
print(json.dumps(out))
`;

t(
  "should bound 300 generated far-tail values (seed 21) around mpmath's, most to 40 digits or more at 60 digits",
  () => {
    const r = rng(21);
    const cases: { text: string; expr: string; x: string }[] = [];
    for (let k = 0; k < 300; k++) {
      const [form, side] = FORMS[k % FORMS.length];
      const scale = ["1", "2", "0.5", "3"][Math.floor(r() * 4)];
      // u = scale·x far out where the form cancels (|u| from 40 to 1000), or tiny (10^−250 … 10^−3) for log(1 + u)
      const x =
        side === 0
          ? ((r() < 0.5 ? -1 : 1) * 10 ** (-250 + r() * 247)).toPrecision(15)
          : ((side * (40 + r() * 960)) / Number(scale)).toPrecision(15);
      const written = form(`${scale} * x`);
      cases.push({ text: expand(written), expr: pythonText(written), x });
    }
    const reference: string[] = pythonJson(REFERENCE, cases);
    const bad: string[] = [];
    let sharp = 0;
    cases.forEach((c, i) => {
      const points = [{ x: c.x }];
      const b = evaluator(c.text, points).ball(0, 60);
      if (typeof b === "string") {
        bad.push(`${c.text} at x = ${c.x}: ${b}`);
        return;
      }
      const exact = b.v.constructor as unknown as new (s: string) => BigNumber;
      const ref = new exact(reference[i]);
      // the exact value lies within the radius (the reference is good to 1200 digits, far below it)
      const off = b.v.minus(ref).abs();
      if (b.r === -Infinity ? !off.isZero() : off.gt(new exact(`1e${Math.ceil(b.r)}`)))
        bad.push(
          `${c.text} at x = ${c.x}: ${b.v.toString()} ± 1e${b.r.toFixed(1)}, mpmath ${reference[i].slice(0, 40)}`,
        );
      if (certainDigits(b) >= 40) sharp++;
      // the double-precision pass (same plan) holds it too where it bounds it
      const d = pointIntervals(c.text, points);
      if (d && boundedAt(d, 0) && !(d.lo[0] <= ref.toNumber() && ref.toNumber() <= d.hi[0]))
        bad.push(`${c.text} at x = ${c.x}: doubles [${d.lo[0]}, ${d.hi[0]}] miss mpmath ${reference[i].slice(0, 30)}`);
    });
    assert.equal(bad.slice(0, 10), []);
    // before the cancellation-free forms 1 − σ(700) was 0 ± 1e-59: no digit at 60 digits
    assert.ok(sharp >= 0.97 * cases.length, `${sharp} of ${cases.length} with 40 certain digits or more`);
  },
);

t(
  "should judge generated far-tail derivatives, true and wrong, as the mpmath oracle does, none left undecided (seed 2)",
  () => {
    const report = runFuzz(36, 2, { farTails: true, deadline: Infinity });
    const describe = (s: (typeof report.steps)[number]) =>
      `${s.made} ${s.f} → ${s.expr} on (${s.domain.lo}, ${s.domain.hi}): verifier ${s.verifier} ${s.message ?? ""}, oracle ${s.oracle}`;
    assert.equal(report.disagreements.map(describe), []);
    assert.equal(report.escaped.map(describe), []);
    assert.equal(report.steps.filter((s) => s.verifier === "refused" || s.verifier === "undecided").map(describe), []);
    const truths = report.steps.filter((s) => s.made !== "mutant");
    assert.ok(truths.length >= 12);
    assert.equal(truths.filter((s) => s.verifier !== "accepted").map(describe), []);
    assert.ok(report.steps.some((s) => s.made === "mutant" && s.verifier === "rejected" && s.oracle === "different"));
    assert.equal(report.oracleUndecided.length, 0, "every step judged by the oracle");
  },
);

t.run();
