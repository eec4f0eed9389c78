/**
 * Arguments beyond decimal.js's exponent range (issue 21, fuzz 2/1110: σ(x + 1.5 − 2e30) was
 * "not finite" and a true step rejected as undefined): e^u for |u| past about 2.07e16 is no
 * decimal.js number. σ, softplus, log σ, 1 ± tanh, sech, csch and coth of such u are real
 * numbers all the same, each evaluated with a bound that holds it (a ball around 0 of radius
 * 10^(−8.7e29) for σ(−2e30)); e^u itself, a real number too large to represent, is
 * OVERFLOW, never "not finite". Checked on generated arguments against mpmath, whose
 * exponents are unbounded, and on generated steps, true and wrong.
 */
import type { BigNumber } from "mathjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { log10Abs } from "../../../lib/derive/ball";
import { derive } from "../../../lib/derive/derive";
import { boundedAt, pointIntervals } from "../../../lib/derive/double-interval";
import { evaluator, OVERFLOW } from "../../../lib/derive/evaluate";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  parseDefinitions,
  parseExpression,
} from "../../../lib/derive/expression";
import { rng } from "../../../scripts/fuzz/grammar";
import { pythonJson } from "../python-oracle";

const v = suite("values beyond decimal.js's exponent range");
const DEFS = parseDefinitions(BUILTIN_DEFINITIONS);
const expand = (s: string) => expandDefinitions(parseExpression(s, "test"), DEFS, "test").toString();

/** Forms of u, in the verifier's syntax and in mpmath's (u is a Python mpf). */
const FORMS: [(u: string) => string, string][] = [
  [(u) => `sigma(${u})`, "1 / (1 + mp.exp(-u))"],
  [(u) => `1 - sigma(${u})`, "1 / (1 + mp.exp(u))"],
  [(u) => `sigma(${u}) * (1 - sigma(${u}))`, "1 / (1 + mp.exp(-u)) / (1 + mp.exp(u))"],
  [(u) => `softplus(${u})`, "mp.log1p(mp.exp(u)) if u < 0 else u + mp.log1p(mp.exp(-u))"],
  [(u) => `log(sigma(${u}))`, "-(mp.log1p(mp.exp(-u)) if u > 0 else -u + mp.log1p(mp.exp(u)))"],
  [(u) => `tanh(${u})`, "mp.tanh(u)"],
  [(u) => `1 - tanh(${u})`, "2 / (1 + mp.exp(2 * u))"],
  [(u) => `1 + tanh(${u})`, "2 / (1 + mp.exp(-2 * u))"],
  [(u) => `sech(${u})`, "mp.sech(u)"],
  [(u) => `csch(${u})`, "mp.csch(u)"],
  [(u) => `coth(${u})`, "mp.coth(u)"],
  [(u) => `exp(${u})`, "mp.exp(u)"],
  [(u) => `x * exp(-abs(${u}))`, "x * mp.exp(-abs(u))"],
];

/** mpmath at 80 digits: log10 |value| of each case and, where decimal.js can hold it, the value itself. */
const REFERENCE = `
import json, sys
from mpmath import mp, mpf
mp.dps = 80
out = []
for c in json.load(sys.stdin):
    x = mpf(c["x"]); u = eval(c["u"], {"x": x, "mpf": mpf})
    val = eval(c["form"], {"mp": mp, "u": u, "x": x, "abs": abs})
    lg = float(mp.log10(abs(val))) if val != 0 else None
    out.append({"sign": int(mp.sign(val)), "log10": lg, "text": mp.nstr(val, 70, min_fixed=1, max_fixed=0) if lg is not None and abs(lg) < 9e15 else None})
print(json.dumps(out))
`;

v(
  "should bound 260 generated values of σ, softplus, log σ, 1 ± tanh, sech, csch, coth at |u| from 2.1e16 to 1e40 around mpmath's, and call e^u too large",
  () => {
    const r = rng(2110);
    const cases: { text: string; form: string; u: string; x: string; exp: boolean }[] = [];
    for (let k = 0; k < 260; k++) {
      const [form, py] = FORMS[k % FORMS.length];
      const sign = r() < 0.5 ? -1 : 1;
      const c = `${(1 + r() * 8).toFixed(3)}e${16 + Math.floor(r() * 25)}`;
      const x = (r() * 4 - 2).toFixed(6);
      // u = x + c or x − c: x moves u by nothing a double sees, the decimal sum keeps it
      const u = `x ${sign < 0 ? "-" : "+"} ${c}`;
      cases.push({ text: expand(form(`(${u})`)), form: py, u, x, exp: form("u").startsWith("exp(") });
    }
    const reference: { sign: number; log10: number | null; text: string | null }[] = pythonJson(
      REFERENCE,
      cases.map((c) => ({ form: c.form, u: c.u.replace(/(\d[\d.]*e\d+)/, 'mpf("$1")'), x: c.x })),
    );
    const bad: string[] = [];
    let overflows = 0;
    let underflows = 0;
    cases.forEach((c, i) => {
      const ref = reference[i];
      const points = [{ x: c.x }];
      const b = evaluator(c.text, points).ball(0, 60);
      const where = `${c.text} at x = ${c.x}`;
      if (ref.log10 !== null && ref.log10 > 9e15) {
        // a real number too large for decimal.js: OVERFLOW, never "not finite"
        if (b !== OVERFLOW) bad.push(`${where}: ${JSON.stringify(b)}, expected ${OVERFLOW}`);
        else overflows++;
        return;
      }
      if (typeof b === "string") {
        bad.push(`${where}: ${b}, mpmath 10^${ref.log10}`);
        return;
      }
      if (ref.text === null) {
        // below decimal.js's range: a ball around 0 whose radius holds it
        if (!(b.v.isZero() && ref.log10 !== null && ref.log10 <= b.r))
          bad.push(`${where}: ${b.v} ± 1e${b.r}, mpmath 10^${ref.log10}`);
        else underflows++;
      } else {
        const D = b.v.constructor as unknown as {
          new (s: string): BigNumber;
          clone(c: object): new (s: string) => BigNumber;
        };
        const Wide = D.clone({ precision: 200 });
        const off = new Wide(b.v.toString()).minus(new Wide(ref.text)).abs();
        // the reference is good to 80 digits: the ball, widened by that, must hold it; and be sharp (40 digits)
        const slack = Math.max(b.r, log10Abs(new Wide(ref.text)) - 75);
        if (!off.isZero() && log10Abs(off) > slack + 1e-9) bad.push(`${where}: ${b.v} ± 1e${b.r}, mpmath ${ref.text}`);
        if (b.r > log10Abs(b.v) - 40) bad.push(`${where}: only ${log10Abs(b.v) - b.r} digits (${b.v} ± 1e${b.r})`);
      }
      // the double-precision pass holds it too where it bounds it
      const d = pointIntervals(c.text, points);
      if (d && boundedAt(d, 0) && ref.log10 !== null) {
        const value = ref.text === null ? 0 : Number(ref.text);
        const lo = d.lo[0];
        const hi = d.hi[0];
        // a value below the range: the interval holds 0 and reaches to the value's side of it
        const holds =
          ref.text === null ? lo <= 0 && hi >= 0 && (ref.sign > 0 ? hi > 0 : lo < 0) : lo <= value && value <= hi;
        if (!holds) bad.push(`${where}: doubles [${lo}, ${hi}] miss mpmath ${ref.text ?? `10^${ref.log10}`}`);
      }
    });
    assert.equal(bad, []);
    assert.ok(overflows >= 5 && underflows >= 40, `${overflows} overflows, ${underflows} balls around 0`);
  },
);

const s = suite("steps beyond decimal.js's exponent range");

/** f of u, a true rewrite, and a wrong one (a factor or a term off). */
const STEPS: [string, string, string][] = [
  [
    "max(sqrt(1 + cos(x)^2), sigma(U))",
    "max(sqrt(1 + cos(x)^2), 1 - sigma(-(U)))",
    "max(sqrt(1 + cos(x)^2), 2 * sigma(U) + 2 * sigma(-(U)))",
  ],
  ["sigma(U)", "1 - sigma(-(U))", "sigma(-(U))"],
  ["softplus(U)", "(U) + softplus(-(U))", "(U) + 2 * softplus(-(U)) + 1"],
  ["log(sigma(U))", "-softplus(-(U))", "-softplus(-(U)) - 1"],
  ["tanh(U)", "2 * sigma(2 * (U)) - 1", "2 * sigma(2 * (U))"],
  ["x + sech(U)", "x + 1 / cosh(U)", "x + 1 + sech(U)"],
];

s(
  "should never reject a true step as undefined where e^u is beyond the range, nor accept a wrong one (u = x ± 2e30, ± 3e17)",
  () => {
    const bad: string[] = [];
    for (const c of ["2e30", "3e17"]) {
      for (const sign of ["+", "-"]) {
        const u = `x ${sign} ${c}`;
        for (const [f, right, wrong] of STEPS) {
          const head = { f: f.replaceAll("U", u), wrt: "x", domain: { x: "(0, 1)" } };
          for (const [step, ok] of [
            [right, true],
            [wrong, false],
          ] as const) {
            const expr = step.replaceAll("U", u);
            const r = derive("beyond", head).rewrite(expr, "r").verify({ samples: 16 }).steps[1];
            const reason = r.counterexample?.reason ?? "";
            // a true step: accepted, or the verifier says it cannot tell; never a counterexample of its own
            if (ok && !r.ok && r.tier !== "undecided" && !reason.startsWith("precision bound hit"))
              bad.push(`${expr} (true) rejected: ${JSON.stringify(r.counterexample)}`);
            if (!ok && r.ok) bad.push(`${expr} (wrong) accepted`);
            if (/not finite/.test(JSON.stringify(r.counterexample ?? ""))) bad.push(`${expr}: "not finite" shown`);
          }
        }
      }
    }
    assert.equal(bad, []);
  },
);

v.run();
s.run();
