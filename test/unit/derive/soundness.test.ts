/**
 * The classes of wrong verdicts the verifier once gave (issue 11), one test or more each:
 * exact constants in the reference derivative, literals with all their digits, no absolute
 * floor, points that leave no wide gap, precision raised where both sides cancel, the
 * errors that name the step, and the exact tier's domain awareness.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { thrown } from "./helpers";

const YT = { yhat: "(0, 1)", t: "[0, 1]" } as const;
const BCE = "-(t * log(yhat) + (1 - t) * log(1 - yhat))";
const NAIVE_Z = "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))";
const LOGITS_Z = "max(z, 0) - z * t + log(1 + e^(-abs(z)))";

const k = suite("reference derivative keeps its constants exact");

k("should accept the BCE gradient with ε = 1e-15 inside the logs, and reject the one that ignores ε", () => {
  const head = { name: "L", f: "-(t * log(yhat + 1e-15) + (1 - t) * log(1 - yhat + 1e-15))", wrt: "yhat", domain: YT };
  const right = derive("ε", head)
    .differentiate("-(t / (yhat + 1e-15) - (1 - t) / (1 - yhat + 1e-15))", "sum rule")
    .verify();
  assert.is(right.ok, true);
  assert.is(right.steps[1].tier, "proved");
  const wrong = derive("ε", head).differentiate("-(t / yhat - (1 - t) / (1 - yhat))", "ignores ε").verify();
  assert.is(wrong.ok, false);
});

k("should prove the gradient of a loss in bits (a factor 1/ln 2) and of σ(x/√2)", () => {
  const bits = derive("bits", { name: "L", f: `(${BCE}) / log(2)`, wrt: "yhat", domain: YT })
    .differentiate("(yhat - t) / (yhat * (1 - yhat) * log(2))", "sum rule")
    .verify();
  assert.is(bits.ok, true);
  assert.is(bits.steps[1].tier, "proved");
  const scaled = derive("σ(x/√2)", { name: "g", f: "sigma(x / sqrt(2))", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("sigma(x / sqrt(2)) * (1 - sigma(x / sqrt(2))) / sqrt(2)", "chain rule")
    .verify();
  assert.is(scaled.ok, true);
  assert.is(scaled.steps[1].tier, "proved");
});

const d = suite("literals keep every digit; tiny terms are not rounded away");

d("should reject 2.0000000000000000001·x = 2·x and a term 1e-50", () => {
  for (const wrong of ["2.0000000000000000001 * x", "2 * x + 1e-50", "2 * x * (1 + 1e-30)"]) {
    const r = derive("digits", { f: "2 * x", wrt: "x", domain: { x: "(-3, 3)" } })
      .rewrite(wrong, "slip")
      .verify();
    assert.is(r.steps[1].ok, false, wrong);
  }
});

d("should reject a tiny term also outside the exact class (sin), where only deeper sampling sees it", () => {
  const r = derive("sin", { f: "sin(x)", wrt: "x", domain: { x: "(1, 2)" } })
    .rewrite("sin(x) + 1e-50", "slip")
    .verify();
  assert.is(r.steps[1].ok, false);
  assert.is(r.steps[1].tier, "sampled");
});

const f = suite("no absolute floor: tails are compared at their own scale");

f("should reject a sign-flipped σ′, and 0, as σ′ on (110, 700), and accept the right one", () => {
  const head = { name: "g", f: "sigma(x)", wrt: "x", domain: { x: "(110, 700)" } };
  for (const wrong of ["-sigma(x) * (1 - sigma(x))", "0"]) {
    assert.is(derive("tail", head).differentiate(wrong, "slip").verify().steps[1].ok, false, wrong);
  }
  assert.is(derive("tail", head).differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule").verify().ok, true);
});

const p = suite("points: stratified, near the bounds and near 0");

p("should reject a step wrong only on (0.28, 2.95) of (−10, 10)", () => {
  const r = derive("gap", { f: "x^2", wrt: "x", domain: { x: "(-10, 10)" } })
    .rewrite("x^2 + (x > 0.28 and x < 2.95 ? 1 : 0)", "wrong in one part")
    .verify();
  assert.is(r.steps[1].ok, false);
  const x = Number(r.steps[1].counterexample!.point.x);
  assert.ok(x > 0.28 && x < 2.95, `counterexample at x = ${x}`);
});

p("should reject √(x²) = x on (−0.01, 10), wrong only below 0", () => {
  const r = derive("sqrt", { f: "x", wrt: "x", domain: { x: "(-0.01, 10)" } })
    .rewrite("sqrt(x^2)", "slip")
    .verify();
  assert.is(r.steps[1].ok, false);
  assert.ok(Number(r.steps[1].counterexample!.point.x) < 0);
});

const c = suite("precision raised where both sides cancel");

c("should accept the naive BCE rewritten to its logits form on z in (−100, 100) and (−500, 500)", () => {
  for (const z of ["(-100, 100)", "(-500, 500)"]) {
    const r = derive("logits", { name: "L", f: NAIVE_Z, wrt: "z", domain: { z, t: "[0, 1]" } })
      .rewrite(LOGITS_Z, "stable form")
      .verify();
    assert.is(r.ok, true, `z in ${z}: ${JSON.stringify(r.steps[1].counterexample)}`);
    assert.is(r.steps[1].tier, "proved");
    assert.equal(
      r.steps[1].certificate!.cases!.map((x) => x.where),
      ["z ≤ 0", "z ≥ 0"],
    );
  }
});

c("should accept (1 + e^(−x)) − 1 = e^(−x) on (200, 300), where 60 digits keep none of e^(−x)", () => {
  const r = derive("cancel", { f: "(1 + e^(-x)) - 1", wrt: "x", domain: { x: "(200, 300)" } })
    .rewrite("e^(-x)", "algebra")
    .verify();
  assert.is(r.ok, true);
});

c("should settle the naive BCE on z in (1080, 1100), where 1 − σ(z) ≈ 1e−478 needs about 530 digits", () => {
  const r = derive("bound", {
    name: "L",
    f: `cos(0 * z) * (${NAIVE_Z})`,
    wrt: "z",
    domain: { z: "(1080, 1100)", t: "[0, 1]" },
  })
    .rewrite(`cos(0 * z) * (${LOGITS_Z}) + sin(0 * z)`, "stable form")
    .verify({ samples: 16 });
  assert.is(r.steps[1].ok, true, JSON.stringify(r.steps[1].counterexample));
  assert.is(r.steps[1].tier, "sampled");
});

c(
  'should say "precision bound hit" where even 1000 digits cannot settle a step outside the exact class (1 − e^(−e^(−z)) ≈ 1e−1050)',
  () => {
    // 1 − e^(−w) = 2e^(−w/2)·sinh(w/2); the step times 2cos²(z/2) − cos z (= 1) is outside the exact class
    const r = derive("bound", {
      name: "L",
      f: "log(2 * e^(-e^(-z) / 2) * sinh(e^(-z) / 2))",
      wrt: "z",
      domain: { z: "(2420, 2440)" },
    })
      .rewrite("log(1 - e^(-e^(-z))) * (2 * cos(z / 2)^2 - cos(z))", "naive form")
      .verify();
    assert.is(r.steps[1].ok, false);
    assert.match(r.steps[1].counterexample!.reason ?? "", "precision bound hit");
  },
);

c("should decide the naive binary cross-entropy in z far out, where 1 − σ(z) ≈ 1e−1050 (it no longer cancels)", () => {
  const r = derive("bound", {
    name: "L",
    f: `cos(0 * z) * (${LOGITS_Z}) + sin(0 * z)`,
    wrt: "z",
    domain: { z: "(2420, 2440)", t: "[0, 1]" },
  })
    .rewrite(`cos(0 * z) * (${NAIVE_Z})`, "naive form")
    .rewrite(`cos(0 * z) * (${NAIVE_Z}) * (1 + 1e-40)`, "off in the 40th digit")
    .verify();
  assert.is(r.steps[1].ok, true, JSON.stringify(r.steps[1].counterexample));
  assert.is(r.steps[2].ok, false);
  assert.is(r.steps[2].counterexample?.reason, undefined);
});

const e = suite("errors that name the step");

e("should refuse e, pi and i as variables", () => {
  for (const name of ["e", "pi", "i"]) {
    const err = thrown(() =>
      derive("c", { f: `${name} * 2`, wrt: name, domain: { [name]: "(0, 1)" } })
        .rewrite(`2 * ${name}`, "same")
        .verify(),
    );
    assert.instance(err, RangeError, name);
    assert.match(err.message, `${name} is a constant`);
  }
});

e("should refuse a wrt that defs also defines", () => {
  const err = thrown(() =>
    derive("w", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" }, defs: { x: "2" } })
      .differentiate("2 * x", "power")
      .verify(),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, "x is the differentiation variable and is also defined in defs");
});

e("should refuse a given function that is not finite and real on its domain (log x on (−3, 3))", () => {
  const err = thrown(() =>
    derive("log", { f: "log(x)", wrt: "x", domain: { x: "(-3, 3)" } })
      .differentiate("1 / x", "log rule")
      .verify(),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, "the given function");
  assert.match(err.message, "not a real number at x = -");
});

e("should refuse a named quantity in defs that is not finite on the domain", () => {
  const err = thrown(() =>
    derive("q", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" }, defs: { q: "log(x)" } })
      .differentiate("2 * x + 0 * q", "power")
      .verify(),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, "defs entry q");
});

e("should ask for an expression instead of derivative(…), in the function or in a step", () => {
  const a = thrown(() =>
    derive("d", { f: "derivative(x^2, x)", wrt: "x", domain: { x: "(0, 1)" } })
      .rewrite("2 * x", "same")
      .verify(),
  );
  const b = thrown(() =>
    derive("d", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" } })
      .differentiate("derivative(x^2, x)", "mathjs")
      .verify(),
  );
  for (const err of [a, b]) {
    assert.instance(err, RangeError);
    assert.match(err.message, "write the derivative as an expression");
  }
  assert.match(b.message, "step 1");
});

e("should name the conditional when a differentiate step follows one, not mathjs internals", () => {
  const err = thrown(() =>
    derive("cond", { f: "x > 0 ? x : -x", wrt: "x", domain: { x: "(-1, 1)" } })
      .differentiate("x / abs(x)", "sign")
      .verify(),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, "conditional");
  assert.not.match(err.message, "multiplyScalar");
});

const x = suite("the exact tier is domain-aware");

x("should prove x/x = 1 only where the domain keeps x ≠ 0", () => {
  const on = (dom: string) =>
    derive("x/x", { f: "1", wrt: "x", domain: { x: dom } })
      .rewrite("x / x", "cancel")
      .verify().steps[1];
  const pos = on("(0, 1)");
  assert.is(pos.tier, "proved");
  assert.ok(pos.certificate!.conditions.includes("x ≠ 0"));
  assert.is(on("(-1, 1)").tier, "sampled");
});

x("should prove (1 + e^(−x))/(1 + e^(−x))² = 1/(1 + e^(−x)), which mathjs simplify cannot", () => {
  const r = derive("cancel", { f: "(1 + e^(-x)) / (1 + e^(-x))^2", wrt: "x", domain: { x: "(-10, 10)" } })
    .rewrite("1 / (1 + e^(-x))", "cancel")
    .verify();
  assert.is(r.steps[1].tier, "proved");
});

x("should prove tanh(x) = 2σ(2x) − 1 and log σ(z) = −softplus(−z)", () => {
  assert.is(
    derive("tanh", { f: "tanh(x)", wrt: "x", domain: { x: "(-3, 3)" } })
      .rewrite("2 * sigma(2 * x) - 1", "σ")
      .verify().steps[1].tier,
    "proved",
  );
  assert.is(
    derive("logσ", { f: "log(sigma(z))", wrt: "z", domain: { z: "(-30, 30)" } })
      .rewrite("-softplus(-z)", "softplus")
      .verify().steps[1].tier,
    "proved",
  );
});

x("should not prove log(x²) = 2·log(x) on (−1, 1), and reject it there", () => {
  const r = derive("log", { f: "log(x^2)", wrt: "x", domain: { x: "(0.5, 1)" } })
    .rewrite("2 * log(x)", "power")
    .verify();
  assert.is(r.steps[1].tier, "proved");
  const wide = derive("log", { f: "2 * log(abs(x))", wrt: "x", domain: { x: "(-1, -0.5)" } })
    .rewrite("2 * log(x)", "slip")
    .verify();
  assert.is(wide.steps[1].ok, false);
});

for (const s of [k, d, f, p, c, e, x]) s.run();
