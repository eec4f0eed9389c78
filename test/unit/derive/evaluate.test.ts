/** Tests of lib/derive/evaluate.ts: multi-precision evaluation at sample points. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { evaluator, OVERFLOW, PRECISION_BOUND, PRECISION_LEVELS } from "../../../lib/derive/evaluate";
import { verifyStep } from "../../../lib/derive/verify";

const e = suite("evaluator");

e("should keep every digit of a literal (2.0000000000000000001 is not 2)", () => {
  const v = evaluator("2.0000000000000000001 * x - 2 * x", [{ x: "1" }]).at(0, 60);
  assert.is(typeof v, "object");
  assert.is(v.toString(), "1e-19");
});

e("should evaluate at the precision asked for (e − its 60-digit value is 0 at 60 digits, not at 120)", () => {
  const text = "e - 2.71828182845904523536028747135266249775724709369995957496697";
  const pts = [{ x: "0" }];
  const at60 = evaluator(text, pts).at(0, 60);
  const at120 = evaluator(text, pts).at(0, 120);
  assert.ok(typeof at60 !== "string" && at60.abs().lt("1e-58"), String(at60));
  assert.ok(typeof at120 !== "string" && at120.abs().gt("1e-62"), String(at120));
});

e(
  "should raise a negative base to a large integer power with its sign, and call an overflow too large, not undefined",
  () => {
    const pts = [{ x: "-1.0001" }, { x: "-10" }, { x: "3" }];
    // (−1.0001)^100001 = −e^(100001·ln 1.0001) ≈ −2.2020e4; an even power is positive
    const odd = evaluator("x^100001", pts).at(0, 60);
    assert.ok(typeof odd !== "string", String(odd));
    assert.ok(
      Math.abs(Number(odd.toString()) + Math.exp(100001 * Math.log(1.0001))) <
        1e-6 * Math.exp(100001 * Math.log(1.0001)),
      odd.toString(),
    );
    const even = evaluator("x^100002", pts).at(0, 60);
    assert.ok(typeof even !== "string" && even.gt(0), String(even));
    // (−10)^(10^20 + 1) is a real number, beyond decimal.js's exponent range: not "not finite" (issue 21)
    assert.is(evaluator("x^(10^20 + 1)", pts).at(1, 60), OVERFLOW);
    const tiny = evaluator("x^(-(10^20 + 1))", pts).at(1, 60);
    assert.ok(typeof tiny !== "string" && tiny.isZero(), `an underflow is 0: ${String(tiny)}`);
    assert.is(evaluator("x^(1/3)", pts).at(1, 60), "not a real number");
  },
);

e("should say why a value is not a finite real number", () => {
  const pts = [{ x: "-1" }, { x: "0" }];
  assert.is(evaluator("log(x)", pts).at(0, 60), "not a real number");
  assert.is(evaluator("log(x)", pts).at(1, 60), "not finite");
  assert.is(evaluator("1 / x", pts).at(1, 60), "not finite");
  assert.is(evaluator("sqrt(x)", pts).at(0, 60), "not a real number");
});

e("should evaluate what its own evaluator does not know through mathjs (a conditional)", () => {
  const v = evaluator("x > 0 ? x : -x", [{ x: "-2.5" }]).at(0, 60);
  assert.is(String(v), "2.5");
});

e(
  "should bound a positive integer power of a value whose ball holds 0 (fuzz 3/154), and reject the wrong step it is in",
  () => {
    // s = sin²x + cos²x is 1 ± 1e-59 at 60 digits, so x·s − x·s is 0 ± about 1e-57: its cube was "unresolved" at every precision
    const pts = [{ x: "-322.33" }];
    const cube = evaluator("(x * (sin(x)^2 + cos(x)^2) - x * (sin(x)^2 + cos(x)^2))^3", pts).ball(0, 60);
    assert.ok(typeof cube !== "string", String(cube));
    assert.ok(cube.v.abs().lte(`1e${Math.ceil(cube.r)}`), "0 within the radius");
    assert.ok(cube.r < -150 && cube.r > -180, String(cube.r));
    const v = verifyStep(
      {
        title: "fuzz 3/154",
        name: "f",
        f: "(exp(tanh(((x + x) ^ 3))) ^ 3)",
        wrt: "x",
        domain: { x: "(-322.332, -111.271)" },
        steps: [{ kind: "rewrite", expr: "x", rule: "fuzz", note: "" }],
      },
      1,
      "exp(tanh(((-x + 1e+30 - 1e+30) * (sin(x) ^ 2 + cos(x) ^ 2) + (x + 1e+30 - 1e+30) * (sin(x) ^ 2 + cos(x) ^ 2)) ^ 3)) ^ 3",
    );
    assert.is(v.ok, false);
    assert.is(v.tier, "sampled");
    // e^(tanh(0)·3) = 1 against e^(3·tanh((2x)³)) = e^(−3), not "precision bound hit"
    assert.is(v.counterexample?.actual, "1");
    assert.is(v.counterexample?.reason, undefined);
  },
);

e("should agree with the precision levels it documents", () => {
  assert.equal(PRECISION_LEVELS, [60, 120, 240, 480, 1000]);
  assert.is(PRECISION_BOUND, 1000);
});

e("should bound tanh, sinh and cosh of a large argument soundly where the small exponential is left out", () => {
  // at 60 digits e^(−600) is left out of tanh(−300) and cosh(300); at 1000 digits it is not.
  // References from the closed forms: 1 + tanh(−300) = 2e^(−600)/(1 + e^(−600)) ≈ 10^(−260.26)
  const pts = [{ x: "-300" }, { x: "-22600000" }];
  // written as tanh(x) − (−1): 1 + tanh x itself is evaluated as 2/(1 + e^(−2x)), without the cancellation (cancellation.ts)
  const lift = evaluator("tanh(x) - (-1)", pts);
  for (const i of [0, 1]) {
    const at60 = lift.ball(i, 60);
    assert.ok(typeof at60 !== "string");
    // the ball holds the exact value: 0 within its radius, which is above 10^(−260.26) (the distance to the truth) and small
    assert.is(at60.v.isZero(), true);
    assert.ok(at60.r >= (i === 0 ? -260.27 : -9e6) && at60.r < -57, String(at60.r));
  }
  const at1000 = lift.ball(0, 1000);
  assert.ok(typeof at1000 !== "string");
  assert.ok(Math.abs(Number(at1000.v.toExponential(8).split("e")[1]) - -261) <= 1, at1000.v.toExponential(8));
  // log10(2e^(−600)) = log10 2 − 600·log10 e
  const want = Math.log10(2) - 600 * Math.LOG10E;
  const got =
    Math.log10(Number(at1000.v.toExponential(12).split("e")[0])) + Number(at1000.v.toExponential(12).split("e")[1]);
  assert.ok(Math.abs(got - want) < 1e-9, `${got} vs ${want}`);
  // cosh(300)·2e^(−300) = 1 + e^(−600): 1 at 60 digits, with a ball that holds 1 + 10^(−260.6)
  const c = evaluator("cosh(x) * 2 * exp(-x)", [{ x: "300" }]).ball(0, 60);
  assert.ok(
    typeof c !== "string" &&
      c.v
        .minus(1)
        .abs()
        .lte(`1e${Math.ceil(c.r)}`) &&
      c.r < -50,
    JSON.stringify(c),
  );
  const sn = evaluator("sinh(x) * 2 * exp(x)", [{ x: "-300" }]).ball(0, 60);
  assert.ok(
    typeof sn !== "string" &&
      sn.v
        .plus(1)
        .abs()
        .lte(`1e${Math.ceil(sn.r)}`) &&
      sn.r < -50,
    JSON.stringify(sn),
  );
});

e.run();
