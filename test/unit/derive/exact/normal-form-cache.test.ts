/**
 * The exact tier's cache of normal forms (exact/prove.ts, normalizedOn): a node compared again on
 * the same domain (a step's node is the expected side of the next step) gives the outcome a fresh
 * node of the same text gives, with the same certificate, side conditions in the same order, case
 * splits and refusals. Checked over a seeded sample of random functions (their derivative and
 * rewritten forms) and over the cases that throw inside normalize.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { MathNode } from "mathjs";
import { parseDomain } from "../../../../lib/derive/domain";
import { exactJudge, proveEqual } from "../../../../lib/derive/exact/prove";
import { math } from "../../../../lib/derive/expression";
import { randomFunctions } from "../explain/random-functions";

const test = suite("exact tier: cached normal forms");

/** The outcome of actual = expected, each side a node used before (cached) and a deep copy of it (a new node: not cached). */
function both(a: MathNode, b: MathNode, domain: ReturnType<typeof parseDomain>) {
  const cached = exactJudge(b, domain)(a);
  const fresh = proveEqual(a.cloneDeep(), b.cloneDeep(), domain);
  return { cached, fresh };
}

test("a chain of nodes each compared twice, as consecutive steps are, gives the outcomes of fresh nodes", () => {
  const domain = parseDomain({ x: "(0.5, 3)" }, "T");
  let checked = 0;
  // mathjs's derivative does not know the kit's sigma and softplus: those functions are left out
  for (const f of randomFunctions(45, 32).filter((g) => !/sigma|softplus/.test(g))) {
    const given = math.parse(f);
    const d = math.derivative(given, "x", { simplify: false });
    const s = math.simplify(d);
    // the chain given → d → s → d: each node is the actual side once and the expected side once
    for (const [a, b] of [
      [d, given],
      [s, d],
      [d, s],
      [s, s],
    ] as const) {
      const { cached, fresh } = both(a, b, domain);
      assert.equal(cached, fresh, `${a.toString()} against ${b.toString()}`);
      checked++;
    }
  }
  assert.ok(checked >= 80, `${checked} comparisons`);
});

test("side conditions keep their order when both sides come from the cache", () => {
  const domain = parseDomain({ yhat: "(0, 1)", t: "[0, 1]" }, "T");
  const a = math.parse("log(yhat) / (1 - yhat) + t / yhat");
  const b = math.parse("t / yhat + log(yhat) / (1 - yhat)");
  const first = exactJudge(b, domain)(a);
  const again = exactJudge(a, domain)(b);
  const fresh = proveEqual(b.cloneDeep(), a.cloneDeep(), domain);
  assert.is(first.status, "equal");
  assert.equal(again, fresh);
  if (again.status === "equal")
    assert.ok(again.certificate.conditions.length >= 2, again.certificate.conditions.join("; "));
});

test("a case split (abs across 0), a refusal (outside the class) and a difference are given again from the cache", () => {
  const domain = parseDomain({ x: "(-1, 1)" }, "T");
  for (const [a, b, status] of [
    ["abs(x) * abs(x)", "x^2", "equal"],
    ["x ? 1 : 2", "1", "outside"],
    ["x^2 + 1", "x^2", "different"],
  ] as const) {
    const na = math.parse(a);
    const nb = math.parse(b);
    const once = exactJudge(nb, domain)(na);
    const twice = exactJudge(nb, domain)(na);
    assert.is(once.status, status, a);
    assert.equal(twice, once, a);
    assert.equal(twice, proveEqual(math.parse(a), math.parse(b), domain), a);
  }
});

test("the same node on another domain is normalised on that domain", () => {
  const node = math.parse("log(x^2) - 2 * log(x)");
  const zero = math.parse("0");
  assert.is(exactJudge(zero, parseDomain({ x: "(1, 2)" }, "T"))(node).status, "equal");
  // on (−2, −1) log(x) is not real: outside the class there, never the cached "equal"
  assert.is.not(exactJudge(zero, parseDomain({ x: "(-2, -1)" }, "T"))(node).status, "equal");
});

test.run();
