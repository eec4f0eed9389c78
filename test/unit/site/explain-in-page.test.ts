/**
 * explain() in the page (lib/site/try/explain-in-page.ts): the playground's and "Show the kit's
 * derivation"'s call of the kit, in Node. Bad input names its part; good input gives derivations
 * whose last line is f′ (checked here by a central difference of f, not by the kit's rules).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import seedrandom from "seedrandom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { VERIFIER_FUNCTIONS, verifierMath } from "../../../lib/derive/math-functions";
import {
  explainInPage,
  parseDomainText,
  strategyOfSteps,
  variablesOf,
  type ExplainRequest,
} from "../../../lib/site/try/explain-in-page";
import { ROOT } from "./helpers";

const s = suite("explain in the page");
const tex = (t: string) => `<span class="tex">${t}</span>`;
const run = (req: Partial<ExplainRequest>) =>
  explainInPage({ f: "x", wrt: "x", domain: { x: "(-10, 10)" }, ...req } as ExplainRequest, tex);

s("should read the domain field: named entries, an unnamed one for the variable, ∈ and in", () => {
  assert.equal(parseDomainText("x: (-10, 10); t: [0, 1]", "x"), { x: "(-10, 10)", t: "[0, 1]" });
  assert.equal(parseDomainText("(0, 1)", "yhat"), { yhat: "(0, 1)" });
  assert.equal(parseDomainText(" z ∈ (-1, 1) ;; w in [2, 3] ;", "z"), { z: "(-1, 1)", w: "[2, 3]" });
  assert.equal(parseDomainText("", "x"), {});
  assert.throws(
    () => parseDomainText("x: (0, 1); x: (1, 2)", "x"),
    /x has two intervals \(“\(0, 1\)” and “\(1, 2\)”\)/,
  );
  assert.throws(() => parseDomainText("x:", "x"), /the entry “x:” has no interval, e\.g\. x: \(-10, 10\)/);
});

s("should list a function's variables without constants, called names and defined names", () => {
  assert.equal(variablesOf("-(t * log(yhat) + (1 - t) * log(1 - yhat))"), ["t", "yhat"]);
  assert.equal(variablesOf("e^(-x) + pi * sigma(x)"), ["x"]);
  assert.equal(variablesOf("w * x + b", { b: "2" }), ["w", "x"]);
  // a notebook's definitions make their variables the function's (notebook 09's ∂L/∂w₂,₁)
  assert.equal(variablesOf("-(t * log(yhat) + (1 - t) * log(1 - yhat))", { yhat: "sigma(w21 * h1 + b2)" }), [
    "t",
    "w21",
    "h1",
    "b2",
  ]);
  assert.equal(variablesOf("h(x) + y", { "h(u)": "u^2" }), ["x", "y"]);
  assert.equal(variablesOf("x + * 2"), []);
});

s("should pick the strategy the hand-written derivation's first differentiate step names", () => {
  const step = (kind: string, rule: string) => ({ kind, rule });
  assert.is(strategyOfSteps([step("differentiate", "quotient rule")]), "quotient");
  assert.is(
    strategyOfSteps([step("rewrite", "algebra"), step("differentiate", "Chain rule, u = 1 + e^(−x)")]),
    "chain",
  );
  assert.is(strategyOfSteps([step("differentiate", "product rule")]), "product");
  assert.is(strategyOfSteps([step("differentiate", "sum rule"), step("differentiate", "chain rule")]), "auto");
  assert.is(strategyOfSteps([step("rewrite", "quotient rule")]), "auto");
});

s("should name the part of each kind of bad input (issue 19's list)", () => {
  const cases: [Partial<ExplainRequest>, string, RegExp][] = [
    [{ f: "" }, "function", /^the function: it is empty/],
    [{ f: "x + * 2" }, "function", /^the function: cannot parse "x \+ \* 2": Value expected \(char 5\)/],
    [{ f: "gamma(x)" }, "function", /^the function: unknown function gamma\(…\): the verifier knows exp,/],
    [{ f: "max(x, 2)" }, "function", /^the function: no differentiation rule applies to "max\(x, 2\)"/],
    [
      { f: Array(151).fill("x").join(" + ") },
      "function",
      /^the function: the function has 301 nodes; explain takes at most 300$/,
    ],
    [{ f: "y^2", wrt: "x" }, "variable", /^the variable: x is not in the function; the function's variables are y$/],
    [{ f: "x^2", wrt: "" }, "variable", /^the variable: none is picked/],
    [
      { f: "x", strategy: "power" as never },
      "strategy",
      /^the strategy: “power” is none of auto, quotient, chain, product/,
    ],
    [{ f: "x", domain: { x: "[1, 0]" } }, "domain", /^the domain: .*x must be a finite interval with min < max/],
    [{ f: "x * t" }, "domain", /^the domain: t has no interval; add e\.g\. t: \(-10, 10\)$/],
    [
      { f: "abs(x - 1)", domain: { x: "(0, 2)" } },
      "domain",
      /^the domain: abs\(x - 1\) has no derivative where x - 1 changes sign/,
    ],
    [
      { f: "abs(x)", domain: { x: "[0, 2]" } },
      "domain",
      /^the domain: abs\(x\) has no derivative where x = 0, as at x = 0/,
    ],
    [
      { f: "log(x - 1)", domain: { x: "(0, 2)" } },
      "domain",
      /^the domain: log\(x - 1\) is not defined or has no finite derivative where x - 1 ≤ 0, as at x = 1, which the domain/,
    ],
  ];
  for (const [req, part, message] of cases) {
    const a = run(req);
    assert.is(a.html, undefined, JSON.stringify(req).slice(0, 80));
    assert.is(a.part, part, `${JSON.stringify(req).slice(0, 80)}: ${a.error}`);
    assert.match(a.error ?? "", message);
  }
});

/** f′ at x by a central difference of f in doubles (σ and softplus by their definitions). */
function centralDifference(f: string, at: Record<string, number>, wrt: string): number {
  const m = verifierMath();
  m.import(
    {
      sigma: (x: number) => 1 / (1 + Math.exp(-x)),
      softplus: (x: number) => Math.log1p(Math.exp(x)),
    },
    { override: true },
  );
  const code = m.parse(f).compile();
  const h = 1e-6 * Math.max(1, Math.abs(at[wrt]));
  const up = code.evaluate({ ...at, [wrt]: at[wrt] + h }) as number;
  const down = code.evaluate({ ...at, [wrt]: at[wrt] - h }) as number;
  return (up - down) / (2 * h);
}

function evaluate(expr: string, at: Record<string, number>): number {
  const m = verifierMath();
  m.import(
    { sigma: (x: number) => 1 / (1 + Math.exp(-x)), softplus: (x: number) => Math.log1p(Math.exp(x)) },
    { override: true },
  );
  return m.parse(expr).compile().evaluate(at) as number;
}

/** The midpoint-ish interior points of an interval text "(a, b)" or "[a, b]". */
function pointsOf(interval: string, rng: () => number): number[] {
  const [a, b] = interval
    .replace(/[()[\]\s]/g, "")
    .split(",")
    .map(Number);
  return [0.2, 0.5, 0.8].map((q) => a + (b - a) * (q + (rng() - 0.5) * 0.1));
}

s("should derive a seeded sample of the bench's functions: every part verified, the last line equal to f′", () => {
  const corpus = JSON.parse(readFileSync(path.join(ROOT, "test", "fixtures", "explain-functions.json"), "utf8")) as {
    functions: { name: string; f: string; wrt: string; domain: Record<string, string> }[];
  };
  const rng = seedrandom("explain-in-page");
  const sample = [...corpus.functions].sort(() => rng() - 0.5).slice(0, 12);
  for (const c of sample) {
    const a = explainInPage({ f: c.f, wrt: c.wrt, domain: c.domain }, tex);
    assert.ok(a.html && a.ok, `${c.name}: ${a.error}`);
    assert.is((a.html.match(/data-stepwise-derivation /g) ?? []).length, a.derivations, c.name);
    assert.is((a.html.match(/data-ok="true"/g) ?? []).length, a.derivations, `${c.name}: every derivation ✓`);
    assert.ok(a.proved! <= a.steps! && a.steps! > 0, c.name);
    assert.match(
      a.summary ?? "",
      new RegExp(`^✓ every step verified in this page: ${a.steps} step${a.steps === 1 ? "" : "s"}, ${a.proved} proved`),
    );
    for (let k = 0; k < 3; k++) {
      const at = Object.fromEntries(Object.entries(c.domain).map(([v, i]) => [v, pointsOf(i, rng)[k]]));
      const want = centralDifference(c.f, at, c.wrt);
      const got = evaluate(a.result!, at);
      assert.ok(
        Math.abs(got - want) <= 1e-5 * (1 + Math.abs(want)),
        `${c.name} at ${JSON.stringify(at)}: ${a.result} = ${got}, a central difference gives ${want}`,
      );
    }
  }
});

s("should draw every row's formula with the given math function, and lay out the parts first", () => {
  const a = run({ f: "1 / (1 + e^(-x))", strategy: "quotient", name: "g" });
  assert.ok(a.html, a.error);
  const titles = [...a.html.matchAll(/stepwise-derivation-title"[^>]*><strong>(.*?)<\/strong>/g)].map((m) => m[1]);
  assert.is(titles.length, a.derivations);
  // the title's math drawn by `math` too, from the TeX of the formulas' printer
  assert.is(titles[titles.length - 1], `${tex("g'(x)")} by the quotient rule, derived by the kit`);
  assert.ok(
    a.html.includes('<span class="tex">\\displaystyle g(x)</span>'),
    "the given row's left-hand side, drawn by `math`",
  );
  assert.match(a.html, /<span class="tex">\\displaystyle = [^<]+<\/span>/, "a row's right-hand side, drawn by `math`");
  assert.not.ok(a.html.includes("\\["), "no MathJax delimiters");
  const chain = run({ f: "1 / (1 + e^(-x))", strategy: "chain", name: "g" });
  assert.match(chain.html ?? "", /by the chain rule, derived by the kit/);
  assert.is(chain.result, "sigma(x) * (1 - sigma(x))");
});

s("should count one step as “1 step”, not “1 steps”", () => {
  const a = explainInPage({ f: "x", wrt: "x", domain: { x: "(-1, 1)" } }, tex);
  assert.ok(a.ok && a.steps === 1, `${a.steps} steps: ${a.error}`);
  assert.match(a.summary ?? "", /: 1 step, /);
});

s(
  "should name a function typed without brackets (sin x, ln x) as the function's error, for every function name",
  () => {
    const names = [...VERIFIER_FUNCTIONS, "sigma", "softplus", "ln", "sigmoid", "arctan", "tg"];
    for (const fn of names) {
      for (const f of [`${fn} x`, `2 * ${fn} x + 1`]) {
        const answer = run({ f, domain: { x: "(0.2, 0.8)" } });
        assert.is(answer.part, "function", `${f}: ${answer.error}`);
        assert.match(
          answer.error ?? "",
          `the function: ${fn} is a function typed without brackets, so it reads as a variable`,
          f,
        );
      }
    }
    // a variable declared under such a name stays a variable
    assert.is(run({ f: "x * tg", domain: { x: "(0.2, 0.8)", tg: "(1, 2)" } }).error, undefined);
  },
);

s.run();
