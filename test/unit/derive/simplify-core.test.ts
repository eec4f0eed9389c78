/**
 * simplifyCoreLinear against its oracle, mathjs's own simplifyCore: on seeded random trees built
 * to hit every case of it (sums and products with 0 and 1 on either side, −(a − b), a − (−b),
 * 0 − a, constant powers, n-ary operator calls, and/or/not), and on mathjs's unsimplified
 * derivatives of seeded random functions (what tidyExpression receives). Equal means the same
 * printed text and the same tree with parentheses shown.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { MathNode } from "mathjs";
import { BUILTIN_DEFINITIONS, expandDefinitions, math, parseDefinitions } from "../../../lib/derive/expression";
import { simplifyCoreLinear } from "../../../lib/derive/simplify-core";
import { mulberry32 } from "../../../scripts/seeded-random";
import { randomFunctions } from "./explain/random-functions";

const s = suite("simplifyCoreLinear");

/** Printed with every parenthesis mathjs keeps, so that two different trees never print alike. */
const full = (n: MathNode): string => n.toString({ parenthesis: "all" });

/** `count` random expressions drawn from `seed`, nested up to `depth`, over the cases of simplifyCore. */
function randomTrees(count: number, seed: number, depth: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const leaf = () => pick(["x", "y", "0", "1", "2", "0.5", "-1", "-x", "true", "false", "e"]);
  const gen = (d: number): string => {
    if (d === 0) return leaf();
    const a = () => gen(d - 1);
    return pick([
      () => `(${a()}) + (${a()})`,
      () => `(${a()}) - (${a()})`,
      () => `(${a()}) * (${a()})`,
      () => `(${a()}) / (${a()})`,
      () => `(${a()}) ^ (${a()})`,
      () => `-(${a()})`,
      () => `+(${a()})`,
      () => `-(-(${a()}))`,
      () => `(${a()}) - (-(${a()}))`,
      () => `0 - (${a()})`,
      () => `-((${a()}) - (${a()}))`,
      () => `(${a()}) * 1`,
      () => `1 * (${a()})`,
      () => `(${a()}) * 0`,
      () => `(${a()}) * 2`,
      () => `(${a()}) ^ 1`,
      () => `(${a()}) ^ 0`,
      () => `0 / (${a()})`,
      () => `(${a()}) / 1`,
      () => `sin(${a()})`,
      () => `log(${a()}, 2)`,
      () => `add(${a()}, ${a()}, ${a()})`,
      () => `multiply(${a()}, ${a()}, ${a()}, ${a()})`,
      () => `subtract(${a()}, ${a()})`,
      () => `unaryMinus(${a()})`,
      () => `pow(${a()}, 1)`,
      () => `(${a()}) and (${a()})`,
      () => `(${a()}) or (${a()})`,
      () => `not (not (${a()} and ${a()}))`,
      () => `(${a()}) mod (${a()})`,
    ])();
  };
  return Array.from({ length: count }, () => gen(1 + Math.floor(r() * depth)));
}

s("should equal mathjs's simplifyCore on 600 random trees over all its cases", () => {
  for (const text of randomTrees(600, 2029, 5)) {
    const expected = full(math.simplifyCore(math.parse(text)));
    assert.is(full(simplifyCoreLinear(math.parse(text))), expected, text);
  }
});

s("should equal mathjs's simplifyCore on the unsimplified derivatives of 150 random functions", () => {
  for (const f of randomFunctions(150, 4041, 4)) {
    const g = expandDefinitions(math.parse(f), parseDefinitions(BUILTIN_DEFINITIONS), "test"); // σ, softplus written out
    const raw = math.derivative(g, "x", { simplify: false });
    assert.is(full(simplifyCoreLinear(raw)), full(math.simplifyCore(raw)), f);
  }
});

s("should keep the forms the derivations show: 0.5 * 2 → 2 * 0.5, −(a − b) → b − a, a + −b → a − b", () => {
  const core = (t: string) => simplifyCoreLinear(math.parse(t)).toString();
  assert.is(core("0.5 * 2"), "2 * 0.5");
  assert.is(core("-(a - b)"), "b - a");
  assert.is(core("a + -b"), "a - b");
  assert.is(core("0 - x"), "-x");
  assert.is(core("1 * cos(x) * 1 * (0 + 1)"), "cos(x)");
});

s("should not modify its input, even an n-ary operator call", () => {
  const node = math.parse("add(x, y, z) * 1");
  const before = full(node);
  simplifyCoreLinear(node);
  assert.is(full(node), before);
});

s("should take a chain of 40 nested functions (mathjs's own doubles its work per level)", () => {
  let f = "x";
  for (let i = 0; i < 40; i++) f = `sin(${f})`;
  const raw = math.derivative(math.parse(f), "x", { simplify: false });
  const out = simplifyCoreLinear(raw).toString();
  assert.is(out.split("cos(").length - 1, 40);
  assert.not.ok(out.includes("1 *"), out.slice(0, 80));
});

s.run();
