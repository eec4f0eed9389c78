/**
 * Tests of the exact tier (lib/derive/exact): normal forms, certificates, side conditions
 * taken from the domain, case splits, and what stays outside the class.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDomain } from "../../../../lib/derive/domain";
import { interval, polyI, signOfInterval } from "../../../../lib/derive/exact/interval";
import { atomId, atomPower, constant, sub } from "../../../../lib/derive/exact/poly";
import { normalFormText, proveEqual } from "../../../../lib/derive/exact/prove";
import { Q } from "../../../../lib/derive/exact/rational";
import { math } from "../../../../lib/derive/expression";

const prove = (a: string, b: string, domain: Record<string, string>) =>
  proveEqual(math.parse(a), math.parse(b), parseDomain(domain, "T"));
const X = { x: "(-10, 10)" };
const YT = { yhat: "(0, 1)", t: "[0, 1]" };

const p = suite("proveEqual");

p("should prove e^(a+b) = e^a·e^b and e^(log ŷ) = ŷ, with the normal form in the certificate", () => {
  const r = prove("e^(x + 2)", "e^x * e^2", X);
  assert.is(r.status, "equal");
  const s = prove("e^(log(yhat))", "yhat", YT);
  assert.is(s.status, "equal");
  if (s.status === "equal")
    assert.ok(s.certificate.conditions.includes("yhat > 0"), s.certificate.conditions.join("; "));
});

p("should split log of a product and of a quotient into logs of its factors", () => {
  assert.is(prove("log(yhat * (1 - yhat))", "log(yhat) + log(1 - yhat)", YT).status, "equal");
  assert.is(prove("log(yhat - yhat^2)", "log(yhat) + log(1 - yhat)", YT).status, "equal");
  assert.is(prove("log(1 / (1 + e^(-x)))", "x - log(1 + e^x)", X).status, "equal");
  assert.is(prove("log(12)", "2 * log(2) + log(3)", X).status, "equal");
});

p("should keep roots of primes exact: √2·√2 = 2, √8 = 2√2, and 1/√2 = √2/2", () => {
  assert.is(prove("sqrt(2) * sqrt(2)", "2", X).status, "equal");
  assert.is(prove("sqrt(8)", "2 * sqrt(2)", X).status, "equal");
  assert.is(prove("1 / sqrt(2)", "sqrt(2) / 2", X).status, "equal");
  assert.is(prove("sqrt(2)", "1.4142135623730951", X).status, "different");
});

p("should say different for a constant off in its 20th digit or a term of 1e-60", () => {
  assert.is(prove("2.0000000000000000001 * x", "2 * x", X).status, "different");
  assert.is(prove("x + 1e-60", "x", X).status, "different");
});

p("should prove a cancellation only where the domain keeps the factor non-zero", () => {
  assert.is(prove("(x - 1) / (x - 1)", "1", { x: "(2, 3)" }).status, "equal");
  const r = prove("(x - 1) / (x - 1)", "1", { x: "(0, 3)" });
  assert.is(r.status, "outside");
  if (r.status === "outside") assert.match(r.reason, "not shown non-zero");
});

p("should not take log of a factor whose sign the domain does not fix", () => {
  const r = prove("log(x^2)", "2 * log(x)", { x: "(-1, 1)" });
  assert.is(r.status, "outside");
  assert.is(prove("log(x^2)", "2 * log(-x)", { x: "(-2, -1)" }).status, "equal");
});

p("should split the domain where an abs or max argument changes sign, and prove each piece", () => {
  const r = prove("max(z, 0) + log(1 + e^(-abs(z)))", "log(1 + e^z)", { z: "(-5, 5)" });
  assert.is(r.status, "equal");
  if (r.status !== "equal") return;
  assert.equal(
    r.certificate.cases!.map((c) => c.where),
    ["z ≤ 0", "z ≥ 0"],
  );
  assert.is(prove("abs(x)", "x", { x: "(-1, 1)" }).status, "different");
  assert.is(prove("abs(x)", "x", { x: "(0, 1)" }).status, "equal");
});

p("should leave conditionals, roots of variables and functions outside their domain outside the class", () => {
  for (const [a, b, d] of [
    ["x > 0 ? x : -x", "abs(x)", X],
    ["sqrt(x^2)", "abs(x)", X],
    // cos changes sign on (−4, 4), so tan's divisor is not shown non-zero; asin needs |u| ≤ 1
    ["tan(x)", "sin(x) / cos(x)", { x: "(-4, 4)" }],
    ["asin(x)", "asin(x)", { x: "(-2, 2)" }],
    ["acosh(x)", "acosh(x)", { x: "(0, 2)" }],
  ] as const) {
    assert.is(prove(a, b, d).status, "outside", a);
  }
});

p(
  "should treat sin, cos, atan, asin, … as atoms of their argument's normal form: equal arguments, equal values",
  () => {
    for (const [a, b, d] of [
      ["sin(x) * cos(x)", "cos(x) * sin(x)", X],
      ["sin(x) * cos(x) + 1", "(2 * cos(x) * sin(x) + 2) / 2", X],
      ["cos(pi * x / 10) * pi", "pi * cos(x * pi / 10)", X],
      ["sin(-x)", "-sin(x)", X],
      ["cos(1 - x)", "cos(x - 1)", X],
      ["atan(e^x) + x / (1 + x^2)", "x / (x^2 + 1) + atan(e^x)", X],
      ["tan(x)", "sin(x) / cos(x)", { x: "(-1.5, 1.5)" }],
      ["cot(x) * sin(x)", "cos(x)", { x: "(0.1, 3)" }],
      ["asin(x / 2) + acos(x / 2)", "acos(0.5 * x) + asin(0.5 * x)", { x: "[-2, 2]" }],
      ["coth(x) * tanh(x)", "1", { x: "(0.1, 4)" }],
    ] as const) {
      assert.is(prove(a, b, d).status, "equal", `${a} = ${b}`);
    }
    // cos² = 1 − sin² and the multiple angles (k ≤ 6) keep the form canonical
    for (const [a, b] of [
      ["sin(x)^2 + cos(x)^2", "1"],
      ["sin(2 * x)", "2 * sin(x) * cos(x)"],
      ["cos(2 * x)", "cos(x)^2 - sin(x)^2"],
      ["cos(2 * x)", "1 - 2 * sin(x)^2"],
      ["sin(3 * x)", "3 * sin(x) - 4 * sin(x)^3"],
      ["sin(-2 * x)", "-2 * sin(x) * cos(x)"],
      ["2 * sin(6 * x)", "4 * sin(3 * x) * cos(3 * x)"],
    ]) {
      assert.is(prove(a, b, X).status, "equal", `${a} = ${b}`);
    }
    assert.is(prove("1 / cos(x)^2", "1 + tan(x)^2", { x: "(-1, 1)" }).status, "equal");
    // a false step stays different
    assert.is(prove("sin(2 * x)", "sin(x)", X).status, "different");
    assert.is(prove("cos(2 * x)", "cos(x)^2 + sin(x)^2", X).status, "different");
    assert.is(prove("sin(x)", "cos(x)", X).status, "different");
    assert.is(prove("sin(x)", "sin(-x)", X).status, "different");
  },
);

p("should write e^(N/D) as a power of one atom, whichever way N/D is written", () => {
  const S = "1 / (1 + e^(-x))";
  for (const [a, b] of [
    [`e^(2 * ${S})`, `(e^(${S}))^2`],
    [`e^(-${S}) * e^(${S})`, "1"],
    [`e^(${S})`, "e^(e^x / (e^x + 1))"],
    // tanh and sech of a quotient: 1 − tanh² = sech²
    [`1 - tanh(${S})^2`, `sech(${S})^2`],
    ["1 - tanh(tanh(x))^2", "sech(tanh(x))^2"],
  ]) {
    assert.is(prove(a, b, X).status, "equal", `${a} = ${b}`);
  }
  assert.is(prove(`e^(2 * ${S})`, `e^(${S})`, X).status, "different");
});

p("should fold (√P)^k into powers of P", () => {
  const P = { x: "(0.1, 4)", a: "(0.5, 2)" };
  for (const [a, b] of [
    ["sqrt(1 + a * x^2)^2", "1 + a * x^2"],
    ["sqrt(1 + a * x^2)^3", "(1 + a * x^2) * sqrt(1 + a * x^2)"],
    ["1 / sqrt(x)", "sqrt(x) / x"],
    ["x / sqrt(x)", "sqrt(x)"],
    ["e^(-x) * (1 / 2 - x) / sqrt(x)", "e^(-x) * (1 / (2 * sqrt(x)) - sqrt(x))"],
  ]) {
    assert.is(prove(a, b, P).status, "equal", `${a} = ${b}`);
  }
  assert.is(prove("sqrt(x)^2", "-x", P).status, "different");
  assert.is(prove("sqrt(x)^3", "x^2", P).status, "different");
});

p("should show 1 + u² > 0 and d² + u² > 0 from the squares, though the expansion defeats intervals", () => {
  const D = { y: "(-3, 3)", t: "(-1, 1)", d: "(0.5, 2)" };
  const r = prove("log(1 + ((y - t) / d)^2)", "log(d^2 + (y - t)^2) - 2 * log(d)", D);
  assert.is(r.status, "equal");
  assert.is(prove("2 * (y - t) / (d^2 + (y - t)^2)", "2 * (y - t) / d^2 / (1 + (y - t)^2 / d^2)", D).status, "equal");
  assert.is(prove("sqrt(1 + ((y - t) / d)^2)^2", "1 + (y - t)^2 / d^2", D).status, "equal");
  // a difference of squares has no sign: still outside
  assert.is(prove("1 / (d^2 - (y - t)^2)", "1 / (d^2 - (y - t)^2)", D).status, "outside");
});

p("should print a normal form as a quotient of polynomials", () => {
  assert.is(normalFormText(math.parse("1 / (1 + e^(-x))"), parseDomain(X, "T")), "(1) / (1 + e^(-x))");
  assert.is(normalFormText(math.parse("sin(x)"), parseDomain(X, "T")), "sin(x)");
  assert.is(normalFormText(math.parse("x > 0 ? 1 : 2"), parseDomain(X, "T")), undefined);
});

const i = suite("interval signs");

i("should show 1 − ŷ > 0 on the open (0, 1), but only ≥ 0 on the closed [0, 1]", () => {
  const y = atomPower(atomId({ kind: "var", name: "yhat" }));
  const oneMinus = sub(constant(Q.ONE), y);
  assert.is(signOfInterval(polyI(oneMinus, new Map([["yhat", interval(0, 1, true, true)]]))), 1);
  assert.is(signOfInterval(polyI(oneMinus, new Map([["yhat", interval(0, 1, false, false)]]))), 0.5);
});

i("should keep e^x > 0 even where it underflows a double (x = −1000)", () => {
  const ex = atomPower(atomId({ kind: "exp", mono: [[atomId({ kind: "var", name: "x" }), Q.ONE]] }));
  assert.is(signOfInterval(polyI(ex, new Map([["x", interval(-1000, -999, false, false)]]))), 1);
});

p.run();
i.run();
