/**
 * The double-precision interval pass (lib/derive/double-interval.ts): every interval must
 * hold the exact value. Checked against mpmath at 80 digits (.venv) on a seeded corpus of
 * expressions from the fuzz grammar and their textbook derivatives, at points across their
 * domains, and on hand-made cases at its edges.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { boundedAt, firstApart, pointIntervals } from "../../../lib/derive/double-interval";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  parseDefinitions,
  parseExpression,
} from "../../../lib/derive/expression";
import { derivative, domain, generate, rewrite, rng, text } from "../../../scripts/fuzz/grammar";
import { pythonText } from "../../../scripts/fuzz/run";
import { pythonJson } from "../python-oracle";

const d = suite("double-interval");
const DEFS = parseDefinitions(BUILTIN_DEFINITIONS);

const at = (expr: string, ...xs: string[]) => {
  const v = pointIntervals(
    expr,
    xs.map((x) => ({ x })),
  )!;
  return xs.map((_, i) => [v.lo[i], v.hi[i]]);
};

d("should keep an integer literal exact and put a decimal one between its neighbouring doubles", () => {
  assert.equal(at("3", "2"), [[3, 3]]);
  assert.equal(at("-x", "2"), [[-2, -2]]);
  const [[p0, p1]] = at("3 * x", "2");
  assert.ok(p0 <= 6 && 6 <= p1 && p1 - p0 < 1e-14);
  const [[lo, hi]] = at("0.1 + 0 * x", "1");
  assert.ok(lo < 0.1 && 0.1 < hi && hi - lo < 1e-15, `${lo} … ${hi}`);
});

d("should give no interval where a divisor, a log or a root argument reaches 0 or below", () => {
  for (const e of ["1 / (x - 1)", "log(x - 1)", "log(x - 2)", "sqrt(x - 1.5)"]) {
    const v = pointIntervals(e, [{ x: "1" }])!;
    assert.ok(Number.isNaN(v.lo[0]), e);
    assert.is(boundedAt(v, 0), false, e);
  }
  assert.is(pointIntervals("x > 0 ? x : 0", [{ x: "1" }]), null);
});

d("should bound sin and cos by their slope and by ±1, and keep e^x ≥ 0 in the far tail", () => {
  const [[lo, hi]] = at("sin(x)", "1e6");
  assert.ok(lo <= Math.sin(1e6) && Math.sin(1e6) <= hi && hi - lo < 1e-9);
  const [[z0, z1]] = at("exp(x)", "-800");
  assert.ok(z0 === 0 && z1 > 0 && z1 < 1e-300, `${z0} … ${z1}`);
});

d(
  "should find the first point where two sides are certainly apart, and never one where they agree beyond doubles",
  () => {
    const points = ["0.5", "1", "2", "3"].map((x) => ({ x }));
    const a = pointIntervals("x^2", points);
    assert.is(firstApart(a, pointIntervals("x * x", points)), -1);
    assert.is(firstApart(a, pointIntervals("x^2 * (1 + 1e-30)", points)), -1);
    assert.is(firstApart(a, pointIntervals("x^2 + (x - 0.5)", points)), 1);
    assert.is(firstApart(a, pointIntervals("x^2 + 1e-10", points)), 0);
  },
);

d("should hold mpmath's 80-digit value at every point of 300 generated expressions (seed 11)", () => {
  const r = rng(11);
  const cases: { expr: string; x: string; lo: number; hi: number }[] = [];
  let bounded = 0;
  for (let k = 0; k < 300; k++) {
    const f = generate(r, 2 + Math.floor(r() * 4), k % 2 === 0);
    const written = text(k % 3 === 0 && k % 2 === 1 ? derivative(f) : k % 3 === 1 ? rewrite(r, f) : f);
    const expr = expandDefinitions(parseExpression(written, "test"), DEFS, "test").toString();
    const dom = domain(r);
    const xs = [0, 0.13, 0.5, 0.87, 1].map((t) =>
      Number((Number(dom.lo) + (Number(dom.hi) - Number(dom.lo)) * t).toPrecision(12)).toString(),
    );
    const v = pointIntervals(
      expr,
      xs.map((x) => ({ x })),
    )!;
    xs.forEach((x, i) => {
      if (!boundedAt(v, i)) return;
      bounded++;
      cases.push({ expr: pythonText(expr), x, lo: v.lo[i], hi: v.hi[i] });
    });
  }
  assert.ok(bounded >= 0.7 * 1500, `${bounded} of 1500 points bounded in doubles`);
  const out = pythonJson(CHECK, cases) as { bad: string[]; checked: number };
  assert.equal(out.bad, []);
  assert.ok(out.checked >= 0.9 * cases.length, `${out.checked} of ${cases.length} evaluated by mpmath`);
});

/** mpmath at 80 digits (1100 where 80 cancel): is each value inside its interval (both ends exact binary doubles)? */
const CHECK = `
import json, sys
from mpmath import mp, mpf
mp.dps = 80
names = {"exp": mp.exp, "log": mp.log, "sqrt": mp.sqrt, "sin": mp.sin, "cos": mp.cos, "tanh": mp.tanh,
         "abs": abs, "max": max, "min": min, "e": mp.e, "pi": mp.pi, "N": mpf}
bad, checked = [], 0
for c in json.load(sys.stdin):
    try:
        v = eval(c["expr"], {"__builtins__": {}}, dict(names, x=mpf(c["x"])))
    except (ValueError, ZeroDivisionError, OverflowError):
        continue
    checked += 1
    if not (mpf(c["lo"]) <= v <= mpf(c["hi"])):
        # 80 digits cancel in the far tails (1 - tanh(154)^2, log(1 + e^-710) read 0): the value again with 1100
        mp.dps = 1100
        v = eval(c["expr"], {"__builtins__": {}}, dict(names, x=mpf(c["x"])))
        mp.dps = 80
    if not (mpf(c["lo"]) <= v <= mpf(c["hi"])):
        bad.append("%s at x = %s: %s not in [%r, %r]" % (c["expr"][:120], c["x"], mp.nstr(v, 20), c["lo"], c["hi"]))
print(json.dumps({"bad": bad[:10], "checked": checked}))
`;

d.run();
