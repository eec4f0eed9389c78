/**
 * Tests of lib/derive/explain/explain.ts: explain() on every tutorial function reaches the
 * tutorial's result (checked by the verifier, and by text where a target is given); one rule
 * per differentiate step with its parts named; the parts as their own derivations; the two
 * strategies of the sigmoid; every generated step verified; bad input named; a generated step
 * the verifier rejects is an internal error naming the function and the step.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import type { DomainSpec } from "../../../../lib/derive/domain";
import { ALGEBRA_MOVES, type AlgebraMove } from "../../../../lib/derive/explain/algebra";
import {
  explain,
  ExplainInternalError,
  MAX_EXPLAIN_NODES,
  type ExplainStrategy,
} from "../../../../lib/derive/explain/explain";
import { DIFF_RULES } from "../../../../lib/derive/explain/rules";
import * as stepwise from "../../../../lib";
import { thrown } from "../helpers";

const test = suite("explain()");

interface Tutorial {
  notebook: string;
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
  strategy?: ExplainStrategy;
  target?: string;
  result: string;
}
const FIXTURE = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", "explain-functions.json"), "utf8"),
);
const TUTORIALS: Tutorial[] = FIXTURE.tutorials;
const RULE_NAMES = new Set(DIFF_RULES.map((r) => r.name));
const MOVE_NAMES = new Set(ALGEBRA_MOVES.map((m) => m.name));

test("explain() on every tutorial function ends at the tutorial's result, every step verified", () => {
  for (const t of TUTORIALS) {
    const d = explain(t.f, { name: t.name, wrt: t.wrt, domain: t.domain, strategy: t.strategy, target: t.target });
    const steps = d.spec.steps;
    const last = steps[steps.length - 1].expr;
    if (t.target) assert.is(last, t.target, `notebook ${t.notebook}: ${t.f} ends at the target`);
    // the verifier: the kit's last line equals the tutorial's result
    const same = derive("same", { name: t.name, f: t.f, wrt: t.wrt, domain: t.domain })
      .differentiate(last, "kit")
      .rewrite(t.result, "tutorial")
      .verify();
    assert.ok(same.ok, `notebook ${t.notebook}: ${t.f}: the kit's ${last} is not the tutorial's ${t.result}`);
    for (const part of [...d.parts, d]) {
      const r = part.verify();
      assert.ok(r.ok, `${part.spec.title}`);
      assert.is(
        part.spec.steps.filter((s) => s.kind === "differentiate").length,
        1,
        `${part.spec.title}: one differentiate step`,
      );
      for (const s of part.spec.steps) {
        if (s.kind === "differentiate")
          assert.ok(RULE_NAMES.has(s.rule), `${part.spec.title}: "${s.rule}" is a rule of the table`);
      }
    }
  }
});

test("the sigmoid by the quotient rule: v′ worked out first, then (u′v − uv′)/v² with its parts named", () => {
  const d = explain("1 / (1 + e^(-x))", {
    name: "g",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    strategy: "quotient",
    target: "g(x) * (1 - g(x))",
  });
  assert.is(d.parts.length, 1);
  assert.is(d.parts[0].spec.name, "v");
  assert.is(d.parts[0].spec.steps[d.parts[0].spec.steps.length - 1].expr, "-e ^ (-x)");
  const diff = d.spec.steps.find((s) => s.kind === "differentiate")!;
  assert.is(diff.rule, "quotient rule");
  assert.ok(diff.note.includes("$u = 1$, $u' = 0$; $v = 1+ e^{-x}$, $v' = -e^{-x}$"), diff.note);
  for (const s of d.spec.steps.filter((x) => x.kind === "rewrite"))
    assert.ok(MOVE_NAMES.has(s.rule) || s.rule === "recognise g", s.rule);
});

test("the sigmoid by the chain rule: first rewritten as (1 + e^(−x))^(−1), then the chain rule with u = 1 + e^(−x)", () => {
  const d = explain("1 / (1 + e^(-x))", {
    name: "g",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    strategy: "chain",
    target: "g(x) * (1 - g(x))",
  });
  assert.is(d.spec.steps[0].kind, "rewrite");
  assert.is(d.spec.steps[0].expr, "(1 + e ^ (-x)) ^ (-1)");
  assert.is(d.spec.steps[1].rule, "chain rule");
  assert.ok(d.spec.steps[1].note.includes("with $u = 1+ e^{-x}$"), d.spec.steps[1].note);
  const product = explain("x / (1 + x^2)", { wrt: "x", domain: { x: "(-3, 3)" }, strategy: "product" });
  assert.is(product.spec.steps[0].expr, "x * (1 + x ^ 2) ^ (-1)");
  assert.is(product.spec.steps[1].rule, "product rule");
});

test("explain is exported from stepwise and returns a Derivation that showVerified-style verification accepts", () => {
  assert.is(stepwise.explain, explain);
  const d = stepwise.explain("x * sigma(x)", { wrt: "x", domain: { x: "(-10, 10)" } });
  assert.ok(d instanceof (derive("t", { f: "x", wrt: "x", domain: { x: "(0, 1)" } }).constructor as typeof Object));
  assert.ok(d.verify().ok);
});

test("a target that is not the derivative is a RangeError with a point", () => {
  const err = thrown(() =>
    explain("1 / (1 + e^(-x))", { name: "g", wrt: "x", domain: { x: "(-10, 10)" }, target: "g(x) * (1 + g(x))" }),
  );
  assert.instance(err, RangeError);
  assert.match(err.message, /the target "g\(x\) \* \(1 \+ g\(x\)\)" is not equal to the derivative \(at x = /);
});

test("bad input: each a clear error naming the part", () => {
  const dom = { x: "(-3, 3)" };
  assert.match(thrown(() => explain("gamma(x)", { wrt: "x", domain: dom })).message, /unknown function gamma/);
  assert.match(
    thrown(() => explain("y^2", { wrt: "x", domain: { x: "(-3, 3)", y: "(0, 1)" } })).message,
    /does not contain the variable x/,
  );
  assert.match(
    thrown(() => explain("x + y", { wrt: "x", domain: dom })).message,
    /the variable y has no declared domain/,
  );
  assert.match(
    thrown(() => explain("abs(x) * 2", { wrt: "x", domain: dom })).message,
    /abs\(x\) has no derivative where x changes sign/,
  );
  assert.ok(explain("abs(x) * 2", { wrt: "x", domain: { x: "(0.5, 3)" } }).verify().ok, "abs on a domain of one sign");
  assert.match(
    thrown(() => explain("log(x)", { wrt: "x", domain: dom })).message,
    /log\(x\) is not defined or has no finite derivative where x ≤ 0, as at x = -?[\d.]+.* declare a domain on which it is defined/,
  );
  assert.match(thrown(() => explain("x + * 2", { wrt: "x", domain: dom })).message, /cannot parse "x \+ \* 2"/);
  const big = Array.from({ length: 80 }, (_, i) => `x^${i + 2}`).join(" + ");
  assert.match(
    thrown(() => explain(big, { wrt: "x", domain: dom })).message,
    new RegExp(`has \\d+ nodes.* ${MAX_EXPLAIN_NODES}`),
  );
  assert.match(
    thrown(() => explain("max(x, 0) + x", { wrt: "x", domain: dom })).message,
    /no differentiation rule applies to "max\(x, 0\)"/,
  );
  assert.match(
    thrown(() => explain("x", { wrt: "x", domain: dom, strategy: "sideways" as never })).message,
    /strategy must be/,
  );
  // a part that overflows on the domain: the error starts with the learner's call
  const e = thrown(() => explain("exp(exp(exp(exp(exp(exp(x))))))", { wrt: "x", domain: { x: "(0, 1)" } }));
  assert.instance(e, RangeError);
  // e^(e^(e^(e^(e^1)))) is a real number past decimal.js's exponent range, named as such (issue 21), not "not finite"
  assert.match(
    e.message,
    /^explain\("exp\(exp\(exp\(exp\(exp\(exp\(x\)\)\)\)\)\)"\): .*forms a real number beyond decimal\.js's range \(above 1e\+9000000000000000\) at x = .*a finite real number, not an undefined one/,
  );
});

test("every input error starts with the learner's call and names the part that failed", () => {
  const dom = { x: "(-3, 3)" };
  const head = { wrt: "x", domain: dom };
  const cases: [() => unknown, RegExp][] = [
    // the target: checked before any step is generated, never named as the kit's derivation
    [
      () => explain("x^2", { ...head, target: "2 * y" }),
      /^explain\("x\^2"\), the target "2 \* y": the variable y has no declared domain \(declared: x\)$/,
    ],
    [
      () => explain("x^2", { ...head, target: "gamma(x)" }),
      /^explain\("x\^2"\), the target "gamma\(x\)": unknown function gamma/,
    ],
    [() => explain("x^2", { ...head, target: "2 * (" }), /^explain\("x\^2"\), the target "2 \* \(": cannot parse/],
    [() => explain("x^2", { ...head, target: 2 as never }), /^explain\("x\^2"\): target must be a string/],
    [
      () => explain("x^2", { ...head, target: "3 * x" }),
      /^explain\("x\^2"\): the target "3 \* x" is not equal to the derivative/,
    ],
    // the function, the variable, the domain, the strategy
    [() => explain(3 as never, head), /^explain\(number\): f must be a string/],
    [() => explain("x + * 2", head), /^explain\("x \+ \* 2"\): the function: cannot parse/],
    [() => explain("gamma(x)", head), /^explain\("gamma\(x\)"\), the function: unknown function gamma/],
    [() => explain("x + y", head), /^explain\("x \+ y"\), the function: the variable y has no declared domain/],
    [() => explain("x", { wrt: 1 as never, domain: dom }), /^explain\("x"\): wrt must be a string/],
    [() => explain("x", { wrt: "x", domain: null as never }), /^explain\("x"\): domain must be an object/],
    [() => explain("x", { wrt: "t", domain: dom }), /^explain\("x"\): the variable t has no declared domain/],
    [
      () => explain("y^2", { wrt: "x", domain: { ...dom, y: "(0, 1)" } }),
      /^explain\("y\^2"\): the function does not contain the variable x/,
    ],
    [
      () => explain(Array(151).fill("x").join(" + "), head),
      /^explain\("x \+ x.*"\): the function has 301 nodes; explain takes at most 300$/,
    ],
    [() => explain("x", { ...head, strategy: "sideways" as never }), /^explain\("x"\): strategy must be/],
    [
      () => explain("max(x, 0) + x", head),
      /^explain\("max\(x, 0\) \+ x"\): no differentiation rule applies to "max\(x, 0\)"/,
    ],
    [() => explain("abs(x)", head), /^explain\("abs\(x\)"\): abs\(x\) has no derivative where x changes sign/],
    [() => explain("log(x)", head), /^explain\("log\(x\)"\): log\(x\) is not defined/],
  ];
  for (const [run, expected] of cases) assert.match(thrown(run).message, expected);
  // a target that calls the function by its name is accepted by the check
  assert.ok(
    explain("1 / (1 + e^(-x))", {
      name: "g",
      wrt: "x",
      domain: { x: "(-10, 10)" },
      target: "g(x) * (1 - g(x))",
    }).verify().ok,
  );
});

test("a generated step the verifier rejects is an ExplainInternalError naming the function and the step", () => {
  // a wrong algebra move put into the table for this test: it drops every "1 +"
  const wrong: AlgebraMove = {
    id: "wrong",
    name: "algebra: a wrong move",
    note: "",
    at: (n) =>
      (n as { fn?: string }).fn === "add" &&
      (n as unknown as { args: { toString(): string }[] }).args[0].toString() === "1"
        ? (n as unknown as { args: never[] }).args[1]
        : undefined,
  };
  const moves = ALGEBRA_MOVES as AlgebraMove[];
  moves.unshift(wrong);
  try {
    const err = thrown(() => explain("sigma(x) + 1 / (1 + x^2)", { wrt: "x", domain: { x: "(-3, 3)" } }));
    assert.instance(err, ExplainInternalError);
    assert.match(
      err.message,
      /explain\("sigma\(x\) \+ 1 \/ \(1 \+ x\^2\)"\), derivation ".*", step \d+ \(algebra: a wrong move: ".*"\) is not accepted by the verifier \(at x = /,
    );
  } finally {
    moves.shift();
  }
});

test.run();
