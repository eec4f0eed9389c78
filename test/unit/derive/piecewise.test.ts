/** Tests of lib/derive/piecewise.ts: max, min and abs differentiated piece by piece, a kink inside the domain refused by name. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { thrown } from "./helpers";

const p = suite("max, min and abs differentiated piecewise");

p("should check hinge′ = −1 on m < 1 and reject +1 with a point and both values", () => {
  const head = { name: "h", f: "max(0, 1 - m)", wrt: "m", domain: { m: "(-3, 1)" } };
  const right = derive("hinge", head).differentiate("-1", "the 1 − m piece").verify();
  assert.is(right.ok, true);
  assert.is(right.steps[1].tier, "proved");
  const wrong = derive("hinge", head).differentiate("1", "sign slip").verify();
  assert.is(wrong.ok, false);
  assert.equal([wrong.steps[1].counterexample!.expected, wrong.steps[1].counterexample!.actual], ["-1", "1"]);
});

p("should check (max(0, 1 − m)²)′ = −2·max(0, 1 − m) on both sides of the kink, each side its own domain", () => {
  for (const m of ["(-3, 1)", "(1, 3)"]) {
    const r = derive("squared hinge", { f: "max(0, 1 - m)^2", wrt: "m", domain: { m } })
      .differentiate("-2 * max(0, 1 - m)", "chain rule")
      .verify();
    assert.is(r.ok, true, m);
  }
  const wrong = derive("squared hinge", { f: "max(0, 1 - m)^2", wrt: "m", domain: { m: "(-3, 1)" } })
    .differentiate("2 * max(0, 1 - m)", "slip")
    .verify();
  assert.is(wrong.ok, false);
});

p(
  "should differentiate min and abs the same way (min(x, x²)′ = 1 on (2, 3), |x − 5|′ = −1 on (−3, 3), ReLU in another variable)",
  () => {
    assert.is(
      derive("min", { f: "min(x, x^2)", wrt: "x", domain: { x: "(2, 3)" } })
        .differentiate("1", "x is smaller")
        .verify().ok,
      true,
    );
    assert.is(
      derive("min", { f: "min(x, x^2)", wrt: "x", domain: { x: "(0.1, 0.9)" } })
        .differentiate("2 * x", "x² is smaller")
        .verify().ok,
      true,
    );
    assert.is(
      derive("abs", { f: "abs(x - 5)", wrt: "x", domain: { x: "(-3, 3)" } })
        .differentiate("-1", "negative argument")
        .verify().ok,
      true,
    );
    assert.is(
      derive("relu·t", { f: "max(0, x) * t", wrt: "t", domain: { x: "(-3, 3)", t: "(0, 1)" } })
        .differentiate("max(0, x)", "constant factor")
        .verify().ok,
      true,
    );
    assert.is(
      derive("nested", { f: "max(0, abs(x) - 1)", wrt: "x", domain: { x: "(-5, -2)" } })
        .differentiate("-1", "pieces")
        .verify().ok,
      true,
    );
  },
);

p("should refuse, by name, a domain with a kink inside: the call, both pieces and a point on each side", () => {
  const hinge = thrown(() =>
    derive("hinge", { f: "max(0, 1 - m)", wrt: "m", domain: { m: "(-3, 3)" } })
      .differentiate("-1", "r")
      .verify(),
  );
  assert.instance(hinge, RangeError);
  assert.match(
    hinge.message,
    "cannot differentiate max(0, 1 - m) across the declared domain (the kit differentiates max, min and abs one piece at a time)",
  );
  // max(0, 1 − m)² is differentiable at the kink: the message must not say the function is not
  assert.not.match(hinge.message, "not differentiable");
  assert.match(hinge.message, "“1 - m” at m = -");
  assert.match(hinge.message, "“0” at m = 2.");
  const abs = thrown(() =>
    derive("abs", { f: "abs(x)", wrt: "x", domain: { x: "(-1, 1)" } })
      .differentiate("sign(x)", "r")
      .verify(),
  );
  assert.instance(abs, RangeError);
  assert.match(abs.message, "cannot differentiate abs(x)");
  assert.match(abs.message, "negative at x = -");
});

p("should refuse a kink at a sample point itself (the pieces tie there)", () => {
  const err = thrown(() =>
    derive("tie", { f: "max(x, 0)", wrt: "x", domain: { x: "[0, 1]" } })
      .differentiate("1", "r")
      .verify(),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, "two of its arguments are equal at x = 0");
});

p.run();
