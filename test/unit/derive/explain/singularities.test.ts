/**
 * explain()'s refusal of a function that is not defined, or has no finite derivative, somewhere
 * on its open domain (lib/derive/explain/singularities.ts), over a generated class: each hazard
 * template (ln, division, √, a non-integer power, cbrt, tan, asin, abs) with its bad point c
 * placed at a seeded random spot inside the domain, under a seeded random outer function, must
 * be refused with an error naming the part and a point within 1e-4 of the domain's width of c
 * (the oracle is the construction: c is where the part fails); the same function on a domain
 * that keeps clear of c must be accepted and verify.
 */
import { all, create } from "mathjs";
import seedrandom from "seedrandom";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { explain, explainSteps } from "../../../../lib/derive/explain/explain";
import { parseDomain } from "../../../../lib/derive/domain";
import { parseExpression } from "../../../../lib/derive/expression";
import { findSingularity, hazardsOf } from "../../../../lib/derive/explain/singularities";

const fmt = (v: number) => v.toFixed(4);
/** A hazard template: the part P(c) failing at x = c, whether the domain must lie right of c to be safe. */
const TEMPLATES: { name: string; part: (c: string) => string; zeroAt: boolean; safeRight: boolean }[] = [
  { name: "ln of something reaching 0", part: (c) => `log(x - ${c})`, zeroAt: false, safeRight: true },
  { name: "ln of a square touching 0", part: (c) => `log((x - ${c})^2)`, zeroAt: true, safeRight: true },
  { name: "a division by 0", part: (c) => `1 / (x - ${c})`, zeroAt: true, safeRight: true },
  { name: "a division by a square touching 0", part: (c) => `2 / (3 * (x - ${c})^2)`, zeroAt: true, safeRight: true },
  { name: "a negative power", part: (c) => `(x - ${c})^(-3)`, zeroAt: true, safeRight: true },
  { name: "sqrt of a square", part: (c) => `sqrt((x - ${c})^2)`, zeroAt: true, safeRight: true },
  { name: "sqrt reaching 0", part: (c) => `sqrt(x - ${c})`, zeroAt: false, safeRight: true },
  { name: "a non-integer power", part: (c) => `(x - ${c})^1.5`, zeroAt: false, safeRight: true },
  { name: "a cube root at 0", part: (c) => `cbrt(x - ${c})`, zeroAt: true, safeRight: true },
  { name: "tan at a pole", part: (c) => `tan(x - ${c} + pi / 2)`, zeroAt: true, safeRight: true },
  { name: "asin at 1", part: (c) => `asin(x - ${c} + 1)`, zeroAt: false, safeRight: false },
  { name: "abs at its kink", part: (c) => `abs(x - ${c})`, zeroAt: true, safeRight: true },
];
/** Outer functions the part is put into (the hazard stays the part's). */
const OUTER = [
  (p: string) => p,
  (p: string) => `sigma(${p})`,
  (p: string) => `x^2 * ${p}`,
  (p: string) => `${p} + tanh(x)`,
];

test("a generated class of functions that fail at a point of the domain: refused, naming the part and the point", () => {
  const rng = seedrandom("explain-singularities");
  let n = 0;
  for (const t of TEMPLATES) {
    for (let k = 0; k < 4; k++) {
      const lo = -3 + 2 * rng();
      const hi = lo + 1 + 3 * rng();
      const c = lo + (hi - lo) * (0.2 + 0.6 * rng());
      const part = t.part(fmt(c));
      const f = OUTER[Math.floor(rng() * OUTER.length)](part);
      const dom = { x: `(${fmt(lo)}, ${fmt(hi)})` };
      let err: Error | undefined;
      try {
        explainSteps(f, { wrt: "x", domain: dom });
      } catch (e) {
        err = e as Error;
      }
      assert.ok(err instanceof RangeError, `${t.name}: ${f} on ${dom.x} is accepted`);
      const shown = parseExpression(part, "t")
        .toString()
        .replace(/[()^*+.]/g, "\\$&");
      assert.match(err!.message, new RegExp(shown), `${f}: the message names the part: ${err!.message}`);
      assert.match(err!.message, /no (finite )?derivative|not defined/, err!.message);
      const at = /x [=≈] (-?[\d.e-]+)/.exec(err!.message);
      assert.ok(at, `${f}: the message gives a point: ${err!.message}`);
      const x = Number(at![1]);
      assert.ok(x > lo && x < hi, `${f}: the point ${x} is in ${dom.x}`);
      if (t.zeroAt) assert.ok(Math.abs(x - c) < 1e-4 * (hi - lo), `${f}: the point ${x} is c = ${c}`);
      else if (t.safeRight) assert.ok(x <= c + 1e-4 * (hi - lo), `${f}: the point ${x} is on the bad side of c = ${c}`);
      else assert.ok(x >= c - 1e-4 * (hi - lo), `${f}: the point ${x} is on the bad side of c = ${c}`);
      n++;
    }
  }
  assert.is(n, TEMPLATES.length * 4);
});

test("the same functions on a domain clear of the bad point: accepted, and every step verifies", () => {
  const rng = seedrandom("explain-singularities-safe");
  for (const t of TEMPLATES) {
    const c = -1 + 2 * rng();
    const gap = 0.05 + 0.5 * rng();
    // a domain right of c (left of it for asin, whose argument must stay below 1)
    const [lo, hi] = t.safeRight ? [c + gap, c + gap + 1] : [c - gap - 1.5, c - gap];
    const f = `x * ${t.part(fmt(c))}`;
    const dom = { x: `(${fmt(lo)}, ${fmt(hi)})` };
    const d = explain(f, { wrt: "x", domain: dom });
    assert.ok(d.verify().ok, `${f} on ${dom.x}`);
  }
});

test("an open end is not in the domain: ln x on (0, 4), √x on (0, 1), asin x on (−1, 1) are accepted", () => {
  for (const [f, x] of [
    ["log(x)", "(0, 4)"],
    ["sqrt(x)", "(0, 1)"],
    ["asin(x)", "(-1, 1)"],
    ["x^0.5 + 1 / x", "(0, 2)"],
  ])
    assert.is(findSingularity(parseExpression(f, "t"), parseDomain({ x }, "t")), undefined, `${f} on ${x}`);
  // a closed end is: ln x on [0, 4] fails at x = 0
  const s = findSingularity(parseExpression("log(x)", "t"), parseDomain({ x: "[0, 4]" }, "t"));
  assert.equal(s?.point, { x: 0 });
});

test("the hazards of a function: one per part that can fail, innermost first, none for a constant part", () => {
  const hz = hazardsOf(parseExpression("log(1 / x) + sqrt(2) / y + x^2 + e^x + 2^x", "t"), new Set(["x", "y"]));
  assert.equal(
    hz.map((h) => `${h.kind} ${h.h.toString()}`),
    ["nonzero x", "positive 1 / x", "nonzero y"],
  );
});

test("several variables: a division by p + t − p·t is shown safe on (0.1, 0.9)², p − t is not", () => {
  const dom = parseDomain({ p: "(0.1, 0.9)", t: "(0.1, 0.9)" }, "t");
  assert.is(findSingularity(parseExpression("p * t / (p + t - p * t)", "t"), dom), undefined);
  const s = findSingularity(parseExpression("p / (p - t)", "t"), dom);
  assert.ok(s && Math.abs(s.point.p - s.point.t) < 1e-9, JSON.stringify(s?.point));
});

/**
 * Parts positive on the whole line whose double-precision value rounds to 0 on part of it
 * (1 − σ(x) from x ≈ 37, σ(x) below −745, e^(−x²) beyond |x| ≈ 27, …), with where they do,
 * and the part written so that it does not cancel (the oracle's form).
 */
const TAILS: { part: string; zeroFrom: number; side: 1 | -1; ref: string }[] = [
  { part: "1 - sigma(x)", zeroFrom: 37.5, side: 1, ref: "1 / (1 + exp(x))" },
  { part: "sigma(x)", zeroFrom: -746, side: -1, ref: "1 / (1 + exp(-x))" },
  { part: "exp(-x^2)", zeroFrom: 27.5, side: 1, ref: "exp(-x^2)" },
  { part: "1 - tanh(x)", zeroFrom: 19.5, side: 1, ref: "2 / (1 + exp(2 * x))" },
  { part: "x * exp(-x)", zeroFrom: 746, side: 1, ref: "x * exp(-x)" },
  // log(1 + u) = u − u²/2 + u³/3 − …, u = e^(−x) < 10^−20 where it matters
  { part: "softplus(-x)", zeroFrom: 746, side: 1, ref: "exp(-x) - exp(-2 * x) / 2 + exp(-3 * x) / 3" },
];
const HOLDERS = [
  (p: string) => `log(${p})`,
  (p: string) => `1 / (${p})`,
  (p: string) => `sqrt(${p})`,
  (p: string) => `x + (${p})^(-2)`,
];

test("parts positive everywhere that doubles round to 0 on the domain: accepted; the same parts less a tiny constant: refused where they fall below it", () => {
  const rng = seedrandom("explain-singularities-tails");
  const R = create(all, { number: "BigNumber", precision: 80 });
  for (const t of TAILS) {
    for (const hold of HOLDERS) {
      // a domain reaching a random distance into the stretch where doubles give 0
      const far = t.zeroFrom + t.side * (1 + 20 * rng());
      const near = t.zeroFrom - t.side * (5 + 30 * rng());
      const [lo, hi] = t.side === 1 ? [Math.max(near, 0.5), far] : [far, near];
      const dom = parseDomain({ x: `(${fmt(lo)}, ${fmt(hi)})` }, "t");
      const f = hold(t.part);
      assert.is(findSingularity(parseExpression(f, "t"), dom), undefined, `${f} on (${fmt(lo)}, ${fmt(hi)})`);
      // less ε (10^−30 … 10^−300, a double), which the part falls below before x = ±800: refused at a point where it has
      const eps = `1e-${30 + Math.floor(270 * rng())}`;
      const g = hold(`${t.part} - ${eps}`);
      const wide = parseDomain({ x: t.side === 1 ? "(0.5, 800)" : "(-800, -0.5)" }, "t");
      const s = findSingularity(parseExpression(g, "t"), wide);
      assert.ok(s, `${g} on ${t.side === 1 ? "(0.5, 800)" : "(−800, −0.5)"} is refused`);
      const x = R.bignumber(String(s!.point.x));
      // the part in a form that does not cancel, at 80 digits
      const value = R.evaluate(`${t.ref} - ${eps}`, { x });
      // a point shown failing (h ≤ 0), or a sign change of a divisor bisected to within a millionth of ε of 0
      const v = R.bignumber(String(value));
      if (s!.approximate)
        assert.ok(v.abs().lte(R.bignumber(eps).times(1e-6)), `${g}: 0 at x = ${s!.point.x}, got ${v}`);
      else assert.ok(v.lte(0), `${g}: the part is ≤ 0 at x = ${s!.point.x}, got ${v}`);
    }
  }
});

test("a point shown for a part that fails on a whole stretch of the domain is a plain number there (at most 6 decimals), and fails", () => {
  // the part a·x + b under log or sqrt fails for a·x + b ≤ 0: on a stretch of the domain, so any
  // sample point there would do; the reader is shown a plain one (oracle: a·x + b ≤ 0 in doubles, to 1e-12)
  const rng = seedrandom("plain-points");
  let shown = 0;
  for (let i = 0; i < 120; i++) {
    const a = [1, 2, -1, 0.5, -3][i % 5];
    const b = Math.round((rng() * 8 - 4) * 100) / 100;
    const c = -b / a;
    const lo = c - 0.2 - rng() * 3;
    const hi = c + 0.2 + rng() * 3;
    const f = `${i % 2 ? "log" : "sqrt"}(${a} * x + ${b})`;
    const domain = { x: `(${lo.toFixed(7)}, ${hi.toFixed(7)})` };
    let message = "";
    try {
      explain(f, { wrt: "x", domain });
    } catch (err) {
      message = (err as Error).message;
    }
    const at = /as at x ([=≈]) (-?[\d.]+(?:e[-+]\d+)?)/.exec(message);
    assert.ok(at, `${f} on ${domain.x}: ${message}`);
    const x = Number(at[2]);
    assert.ok(!/e/.test(at[2]) && (at[2].split(".")[1] ?? "").length <= 6, `${f} on ${domain.x}: the point ${at[2]}`);
    assert.ok(x > lo && x < hi, `${f}: ${x} is in ${domain.x}`);
    if (at[1] === "=") assert.ok(a * x + b <= 1e-12, `${f}: the part fails at ${x}`);
    shown++;
  }
  assert.is(shown, 120);
});

test.run();
