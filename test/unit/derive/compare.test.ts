/**
 * Tests of lib/derive/compare.ts: the two-tier decision whether two expressions are
 * equal on a domain, and formatPoint. Reported values are re-evaluated here with an
 * independent mathjs instance at 80 digits.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { all, create, type BigNumber } from "mathjs";
import { compare, formatPoint } from "../../../lib/derive/compare";
import { parseDomain, samplePoints } from "../../../lib/derive/domain";
import { math } from "../../../lib/derive/expression";
import { thrown } from "./helpers";

const R = create(all, { number: "BigNumber", precision: 80 });
const ref = (expr: string, point: Record<string, string>): BigNumber =>
  R.evaluate(expr, Object.fromEntries(Object.entries(point).map(([k, v]) => [k, R.bignumber(v)]))) as BigNumber;

const P = (domain: Record<string, string>, n = 24) => samplePoints(parseDomain(domain, "T"), n, "compare-test");
const X = P({ x: "(-10, 10)" });
const YT = P({ yhat: "(0, 1)", t: "[0, 1]" });
const DOMAINS = new Map<Record<string, string>[], ReturnType<typeof parseDomain>>([
  [X, parseDomain({ x: "(-10, 10)" }, "T")],
  [YT, parseDomain({ yhat: "(0, 1)", t: "[0, 1]" }, "T")],
]);
const cmp = (a: string, b: string, points: Record<string, string>[]) =>
  compare(math.parse(a), math.parse(b), points, "here", DOMAINS.get(points));

const c = suite("compare");

c("should call proved what the exact tier decides, with both normal forms in the certificate", () => {
  const v = cmp("x + x", "2 * x", X);
  assert.is(v.equal, true);
  assert.is(v.tier, "proved");
  if (!v.equal) return;
  assert.is(v.certificate!.actual, "2 * x");
  assert.is(v.certificate!.expected, "2 * x");
});

c("should prove −t/ŷ + (1−t)/(1−ŷ) = (ŷ−t)/(ŷ(1−ŷ)) and log(e^x) = x, which mathjs simplify cannot", () => {
  assert.is(cmp("(yhat - t) / (yhat * (1 - yhat))", "-t / yhat + (1 - t) / (1 - yhat)", YT).tier, "proved");
  assert.is(cmp("log(e^x)", "x", X).tier, "proved");
});

c("should call sampled a true identity outside the exact class (a root of a square of unknown sign)", () => {
  assert.equal(cmp("sqrt(x^2)", "abs(x)", X), { equal: true, tier: "sampled" });
  // sin² + cos² = 1 is inside it (cos² = 1 − sin²): proved
  assert.is(cmp("sin(x)^2 + cos(x)^2", "1", X).tier, "proved");
});

c("should reject a false identity with the first differing point and both values", () => {
  const v = cmp("x^2", "x * abs(x)", X);
  assert.is(v.equal, false);
  if (!("counterexample" in v)) return assert.unreachable(`a counterexample, got ${JSON.stringify(v)}`);
  assert.is(v.tier, "sampled");
  const p = v.counterexample.point;
  assert.ok(Number(p.x) < 0, "they agree for x ≥ 0, so the counterexample has x < 0");
  const firstNegative = X.find((q) => Number(q.x) < 0)!;
  assert.equal(p, firstNegative, "the first sample point where they differ");
  const expected = ref("x * abs(x)", p);
  const actual = ref("x^2", p);
  assert.ok(R.bignumber(v.counterexample.expected).minus(expected).abs().lt("1e-15"), "expected value");
  assert.ok(R.bignumber(v.counterexample.actual).minus(actual).abs().lt("1e-15"), "actual value");
});

c("should reject a difference far smaller than double precision but far above 50 digits (1 + 1e-25 vs 1)", () => {
  const v = cmp("1 + 10^(-25) * x^2", "1", X);
  assert.is(v.equal, false);
});

c(
  "should reject a difference the exact tier shows that only more than 234 digits resolve (2x + 1e-300 vs 2x, tanh x vs 1 far out)",
  () => {
    const cases: [string, string, Record<string, string>, number][] = [
      ["2 * x + 1e-300", "2 * x", { x: "(0, 1)" }, -300],
      ["1", "tanh(x)", { x: "(400, 500)" }, -347],
      ["exp(x)", "1 / (1 + exp(-x))", { x: "(-800, -700)" }, -304],
      ["x", "log(1 + exp(x))", { x: "(700, 800)" }, -303],
    ];
    for (const [a, b, domain, above] of cases) {
      const points = samplePoints(parseDomain(domain, "T"), 24, "compare-test");
      const v = compare(math.parse(a), math.parse(b), points, "here", parseDomain(domain, "T"));
      assert.is(v.equal, false, `${a} vs ${b} on ${domain.x}`);
      if (!("counterexample" in v)) return assert.unreachable(`a counterexample, got ${JSON.stringify(v)}`);
      const m = /the exact normal forms differ; the difference, about 1e(-\d+) relative, shows at 480 digits/.exec(
        v.counterexample.reason ?? "",
      );
      assert.ok(m, `${a} vs ${b}: the reason names the deep comparison, got ${v.counterexample.reason}`);
      // the relative difference it names, against the 80-digit reference's size of the expected side
      const rel = Number(m![1]);
      assert.ok(rel < -234 && rel >= above - 80, `${a} vs ${b}: about 1e${rel} relative`);
      const want = ref(b, v.counterexample.point);
      assert.ok(
        (R.evaluate(v.counterexample.expected) as BigNumber).minus(want).abs().lte(want.abs().times("1e-15")),
        `${a} vs ${b}: expected value`,
      );
    }
    // a true identity the exact class misses still passes the deeper look
    assert.equal(cmp("sqrt(x^2) * (1 + 0 * x)", "abs(x)", X), { equal: true, tier: "sampled" });
  },
);

c("should accept a tiny rounding difference of 60-digit arithmetic (1/3 · 3 vs 1)", () => {
  assert.is(cmp("(1 / 3) * 3 * x", "x", X).equal, true);
});

c("should reject an actual expression that is not real at a point, reporting why", () => {
  const v = cmp("sqrt(x) * 0 + x", "x", X);
  assert.is(v.equal, false);
  if (!("counterexample" in v)) return assert.unreachable(`a counterexample, got ${JSON.stringify(v)}`);
  assert.ok(Number(v.counterexample.point.x) < 0);
  assert.match(v.counterexample.actual, "not a real number");
});

c("should throw a RangeError naming the place when the expected expression is not real on the points", () => {
  const e = thrown(() => compare(math.parse("x"), math.parse("log(x)"), X, "step 7"));
  assert.instance(e, RangeError);
  assert.match(e.message, /^step 7: "log\(x\)" is not a real number at x = /);
  assert.match(e.message, "check the declared domain");
});

c("should accept (1 + e^(−x)) − 1 = e^(−x) on (80, 100), where 1 + e^(−x) loses most digits of e^(−x)", () => {
  assert.is(cmp("(1 + e^(-x)) - 1", "e^(-x)", P({ x: "(80, 100)" })).equal, true);
});

const fp = suite("formatPoint");

fp("should write a point as name = value pairs joined by commas, in order", () => {
  assert.is(formatPoint({ x: "0.25", t: "1" }), "x = 0.25, t = 1");
  assert.is(formatPoint({ yhat: "0.5" }), "yhat = 0.5");
  assert.is(formatPoint({}), "");
});

c.run();
fp.run();
