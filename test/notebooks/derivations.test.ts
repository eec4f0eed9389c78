/**
 * The tutorials' derivations, taken from the notebooks themselves: the
 * application/vnd.stepwise.derivation+json outputs of the executed tutorials, each
 * rebuilt from its spec with derive() and verified again here. What the tutorials
 * derive is checked against values computed independently (Math.exp, 60-digit
 * central differences), not against the notebooks' own claims.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { all, create, type BigNumber } from "mathjs";
import { derivationFromSpec } from "../../lib/derive/from-spec";
import { derivationPayload } from "../../lib/outputs/make-derivation-payload";
import type { DerivationSpec } from "../../lib/derive/spec";
import { expandInDerivation } from "../../lib/derive/verify";
import { executedDerivations, type ExecutedDerivation } from "../../lib/pipeline/executed-derivations";
import { NOTEBOOK_DIR, tutorialNames } from "./run-notebooks";
import { ROOT } from "../shared";
import { notebookDerivationsFixture } from "../notebook-derivations-fixture";

/** The derivations each tutorial shows, in order, by title, with their steps' kinds (d differentiate, r rewrite). */
const EXPECTED: Record<string, [string, string][]> = {
  "01-sigmoid.ipynb": [
    ["the symmetry $\\sigma(-x) = 1 - \\sigma(x)$", "rrrrr"],
    ["$\\sigma(\\operatorname{logit} p) = p$", "rrr"],
  ],
  "02-sigmoid-derivative-quotient-rule.ipynb": [
    ["$u'(x)$ for $u = 1$", "d"],
    ["$v'(x)$ for $v = 1 + e^{-x}$", "dr"],
    ["$\\sigma'(x)$ by the quotient rule", "drrrrrr"],
    // the kit's own derivation (explain, strategy "quotient"): its part v′, then the main one
    ["$v'(x)$ for $v = 1+ e^{-x}$", "dr"],
    ["$g'(x)$ by the quotient rule, derived by the kit", "drrr"],
    ["$\\frac{d}{dx}\\sigma(2x)$", "dr"],
    ["the second derivative of $\\sigma$", "ddr"],
  ],
  "03-sigmoid-derivative-chain-rule.ipynb": [
    ["$dg/du$ for $g = u^{-1}$", "dr"],
    ["$du/dx$ for $u = 1 + e^{-x}$", "dr"],
    ["$\\sigma'(x)$ by the chain rule", "rdrrrrrr"],
    // the kit's own derivation (explain, strategy "chain")
    ["$u'(x)$ for $u = 1+ e^{-x}$", "dr"],
    ["$g'(x)$ by the chain rule, derived by the kit", "rdrrr"],
    ["$\\frac{d}{dx}\\log \\sigma(x)$", "dr"],
  ],
  "04-binary-cross-entropy.ipynb": [
    ["$\\frac{\\partial}{\\partial \\hat{y}}\\, t \\log \\hat{y}$", "dr"],
    ["$\\frac{\\partial}{\\partial \\hat{y}}\\, (1 - t)\\log(1 - \\hat{y})$", "dr"],
    ["$\\partial L/\\partial \\hat{y}$ of binary cross-entropy", "drrr"],
    ["$\\partial^2 L/\\partial \\hat{y}^2$ of binary cross-entropy", "dd"],
  ],
  "05-sigmoid-with-cross-entropy.ipynb": [
    ["$\\partial L/\\partial z$ for $\\hat{y} = \\sigma(z)$", "dr"],
    ["the stable logits form of binary cross-entropy", "rrr"],
    ["$\\log \\sigma(z) = -\\log(1 + e^{-z})$", "rrr"],
  ],
  "06-logistic-regression.ipynb": [
    ["$\\partial L/\\partial w_1$ for one example", "dr"],
    ["$\\partial L/\\partial b$ for one example", "d"],
  ],
  "07-softmax-cross-entropy.ipynb": [
    ...[1, 2, 3].flatMap((i) => [1, 2, 3].map((j): [string, string] => [`∂p${i}/∂z${j}`, i === j ? "drr" : "dr"])),
    ["$\\partial L/\\partial z_1$ of softmax cross-entropy", "drr"],
    ["two-class softmax is the sigmoid", "rr"],
    ["$\\partial L/\\partial z_2$ of softmax cross-entropy", "dr"],
  ],
  "08-your-own-derivation.ipynb": [
    ["$\\tanh'(x)$", "rdrr"],
    ["$\\partial L/\\partial \\hat{y}_1$ of the mean squared error", "dr"],
    ["a forgotten inner derivative", "d"],
    ["$\\operatorname{softplus}'(x) = \\sigma(x)$", "drr"],
    ["$f'(x)$ by the product rule, derived by the kit", "dr"],
    ["$\\frac{d}{dx}\\, x\\,\\sigma(x)$", "dr"],
  ],
  "09-backpropagation.ipynb": [
    ["$\\partial L/\\partial z_2$", "dr"],
    ["∂L/∂w₂,₁", "dr"],
    ["∂L/∂w₂,₂", "dr"],
    ["$\\partial L/\\partial b_2$", "dr"],
    ["∂L/∂h₁", "dr"],
    ["∂L/∂h₂", "dr"],
    ["∂L/∂z₁,₁", "dr"],
    ["∂L/∂z₁,₂", "dr"],
    ["∂L/∂W₁₁", "dr"],
    ["∂L/∂W₁₂", "dr"],
    ["∂L/∂W₂₁", "dr"],
    ["∂L/∂W₂₂", "dr"],
    ["∂L/∂b₁,₁", "dr"],
    ["∂L/∂b₁,₂", "dr"],
  ],
  "10-automatic-differentiation.ipynb": [
    ["the $\\sigma$ node: $\\partial \\sigma(u)/\\partial u$", "rdrrr"],
    ["the log node: $\\partial \\log(u)/\\partial u$", "d"],
    ["the $\\div$ node: $\\partial(u/v)/\\partial u$", "dr"],
    ["the $\\div$ node: $\\partial(u/v)/\\partial v$", "dr"],
    ...[
      "the + node: ∂(u + v)/∂u",
      "the + node: ∂(u + v)/∂v",
      "the − node: ∂(u - v)/∂u",
      "the − node: ∂(u - v)/∂v",
      "the × node: ∂(u * v)/∂u",
      "the × node: ∂(u * v)/∂v",
      "the ÷ node: ∂(u / v)/∂u",
      "the ÷ node: ∂(u / v)/∂v",
      "the ^ node: ∂(u ^ v)/∂u",
      "the ^ node: ∂(u ^ v)/∂v",
      "the − node: ∂(-u)/∂u",
      "the exp node: ∂(e^u)/∂u",
      "the log node: ∂(log(u))/∂u",
      "the σ node: ∂(sigma(u))/∂u",
      "the tanh node: ∂(tanh(u))/∂u",
      "the softplus node: ∂(log(1 + e^u))/∂u",
    ].map((title): [string, string] => [title, "d"]),
  ],
};

const R = create(all, { number: "BigNumber", precision: 60 });
const sigma = (x: number): number => 1 / (1 + Math.exp(-x));
const XS = [-8, -2.5, -1, 0, 0.5, 1.75, 3, 8];

let shown: ExecutedDerivation[] = [];
const byTitle = (title: string): ExecutedDerivation => {
  const d = shown.find((s) => s.payload.spec.title === title);
  assert.ok(d, `no derivation "${title}" in the executed tutorials`);
  return d!;
};
const specOf = (title: string): DerivationSpec =>
  derivationFromSpec(byTitle(title).payload.spec as DerivationSpec).spec;

/** The last step of a derivation, definitions expanded, in double precision. */
const lastStep = (spec: DerivationSpec) => {
  const code = expandInDerivation(spec, spec.steps[spec.steps.length - 1].expr).compile();
  return (scope: Record<string, number>): number => code.evaluate(scope) as number;
};

/** The last step in 60-digit arithmetic against a 60-digit central difference (h = 1e-20) of f. */
function closeToDerivative(spec: DerivationSpec, f: string, x: number): void {
  const text = expandInDerivation(spec, spec.steps[spec.steps.length - 1].expr).toString();
  const got = R.evaluate(text, { x: R.bignumber(x) }) as BigNumber;
  const h = R.bignumber("1e-20");
  const at = (v: BigNumber) => R.evaluate(f, { x: v }) as BigNumber;
  const want = at(R.bignumber(x).plus(h))
    .minus(at(R.bignumber(x).minus(h)))
    .div(h.times(2));
  assert.ok(
    got
      .minus(want)
      .abs()
      .lte((R.max(R.bignumber(1e-300), want.abs()) as BigNumber).times("1e-30")),
    `${spec.title} at x = ${x}: ${got} vs ${want}`,
  );
}

const s = suite("the tutorials' derivations, from the executed notebooks");

s.before(async () => {
  shown = await executedDerivations(NOTEBOOK_DIR, tutorialNames());
});

s("should be the derivations each tutorial shows, in order, with the kinds of steps it teaches", () => {
  for (const name of tutorialNames()) {
    const got = shown
      .filter((d) => d.notebook === name)
      .map((d): [string, string] => [
        d.payload.spec.title,
        d.payload.spec.steps.map((st) => (st.kind === "differentiate" ? "d" : "r")).join(""),
      ]);
    assert.equal(got, EXPECTED[name], name);
  }
});

s(
  "should be what test/fixtures/notebook-derivations.json holds for the unit tests (else: npx tsx scripts/notebook-derivations-fixture.ts)",
  () => {
    const fixture = JSON.parse(readFileSync(path.join(ROOT, "test", "fixtures", "notebook-derivations.json"), "utf8"));
    assert.equal(JSON.parse(JSON.stringify(notebookDerivationsFixture(shown))), fixture);
  },
);

s("should carry a full spec (domain included) and verdicts that the rebuilt derivation reproduces", () => {
  for (const d of shown) {
    const where = `${d.notebook}, cell ${d.cell}: ${d.payload.spec.title}`;
    assert.ok(Object.keys(d.payload.spec.domain).length > 0, `${where}: empty domain`);
    const again = derivationFromSpec(d.payload.spec as DerivationSpec).verify();
    assert.is(again.ok, d.payload.ok, `${where}: ok`);
    assert.equal(
      again.steps.map((st) => [st.expr, st.ok, st.tier]),
      d.payload.verdicts.map((v) => [v.expr, v.ok, v.tier]),
      where,
    );
    assert.is(d.payload.ok, !d.payload.expectFailure, `${where}: verified unless shown as a deliberate mistake`);
  }
});

s("should write as the JSON payload exactly the verifier's result and the spec, whatever the layout (issue 22)", () => {
  // the payload is data, not display: the text/html, text/markdown and text/plain beside it may
  // change their layout, the payload stays what derivationPayload makes of the result
  for (const d of shown) {
    const where = `${d.notebook}, cell ${d.cell}: ${d.payload.spec.title}`;
    const spec = d.payload.spec as DerivationSpec;
    // the seed as shown: a derivation rebuilt from its payload's spec may draw another content seed
    const result = derivationFromSpec(spec).verify({ seed: d.payload.seed });
    const again = derivationPayload(result, { spec, expectFailure: d.payload.expectFailure });
    assert.equal(d.payload, JSON.parse(JSON.stringify(again)), where);
  }
});

s("should name the slip of every deliberate mistake under its ✗ (issue 20)", () => {
  const deliberate = shown.filter((d) => d.payload.expectFailure);
  assert.ok(deliberate.length > 0, "no deliberate mistake in the tutorials");
  for (const d of deliberate) {
    const rejected = d.payload.verdicts.filter((v) => !v.ok);
    assert.ok(
      rejected.length > 0 && rejected.every((v) => v.diagnosis !== undefined),
      `${d.notebook}: ${d.payload.spec.title}: a rejected step without a diagnosis`,
    );
  }
  assert.is(byTitle("a forgotten inner derivative").payload.verdicts[1].diagnosis?.id, "chain-inner-missing");
});

s(
  "should derive σ′ = σ(1 − σ) by the quotient rule with u = 1, v = 1 + e^(−x), and by the chain rule with u = 1 + e^(−x)",
  () => {
    const quotient = specOf("$\\sigma'(x)$ by the quotient rule");
    assert.is(quotient.steps[0].rule, "quotient rule");
    assert.match(quotient.steps[0].note, /\$u = 1\$, \$u' = 0\$, \$v = 1 \+ e\^\{-x\}\$, \$v' = -e\^\{-x\}\$/);
    const chain = specOf("$\\sigma'(x)$ by the chain rule");
    assert.is(chain.steps[1].rule, "chain rule");
    assert.match(chain.steps[1].note, /u = 1 \+ e\^\{-x\}/);
    for (const spec of [quotient, chain]) {
      assert.is(spec.steps[spec.steps.length - 1].expr.replace(/\s/g, ""), "g(x)*(1-g(x))");
      const last = lastStep(spec);
      for (const x of XS) {
        const want = sigma(x) * (1 - sigma(x));
        assert.ok(Math.abs(last({ x }) - want) <= 1e-11 * want, `${spec.title} at x = ${x}`);
        closeToDerivative(spec, "1 / (1 + exp(-x))", x);
      }
    }
    closeToDerivative(specOf("$v'(x)$ for $v = 1 + e^{-x}$"), "1 + exp(-x)", 0.5);
    // the kit's own derivations beside them (explain, notebooks 2 and 3): the same rule, the same end
    for (const [title, rule] of [
      ["$g'(x)$ by the quotient rule, derived by the kit", "quotient rule"],
      ["$g'(x)$ by the chain rule, derived by the kit", "chain rule"],
    ]) {
      const kit = specOf(title);
      assert.is(kit.steps.find((st) => st.kind === "differentiate")?.rule, rule, title);
      assert.is(kit.steps[kit.steps.length - 1].expr.replace(/\s/g, ""), "g(x)*(1-g(x))", title);
      for (const x of XS) closeToDerivative(kit, "1 / (1 + exp(-x))", x);
    }
  },
);

s("should derive binary cross-entropy term by term down to (ŷ − t)/(ŷ(1 − ŷ))", () => {
  const first = lastStep(specOf("$\\frac{\\partial}{\\partial \\hat{y}}\\, t \\log \\hat{y}$"));
  const second = lastStep(specOf("$\\frac{\\partial}{\\partial \\hat{y}}\\, (1 - t)\\log(1 - \\hat{y})$"));
  const whole = lastStep(specOf("$\\partial L/\\partial \\hat{y}$ of binary cross-entropy"));
  for (const [yhat, t] of [
    [0.1, 0],
    [0.3, 1],
    [0.8, 0.25],
    [0.999, 1],
  ]) {
    assert.ok(Math.abs(first({ yhat, t }) - t / yhat) < 1e-12);
    assert.ok(Math.abs(second({ yhat, t }) + (1 - t) / (1 - yhat)) < 1e-9);
    const want = (yhat - t) / (yhat * (1 - yhat));
    assert.ok(Math.abs(whole({ yhat, t }) - want) <= 1e-9 * Math.max(1, Math.abs(want)), `ŷ = ${yhat}, t = ${t}`);
  }
});

s("should end ∂L/∂z at σ(z) − t and the stable logits form finite at z = ±800", () => {
  const grad = lastStep(specOf("$\\partial L/\\partial z$ for $\\hat{y} = \\sigma(z)$"));
  for (const [z, t] of [
    [-3, 1],
    [0, 0],
    [2.5, 0.3],
  ])
    assert.ok(Math.abs(grad({ z, t }) - (sigma(z) - t)) < 1e-12);
  const stable = lastStep(specOf("the stable logits form of binary cross-entropy"));
  assert.is(stable({ z: -800, t: 1 }), 800);
  assert.is(stable({ z: 800, t: 0 }), 800);
  assert.is(stable({ z: 800, t: 1 }), 0);
});

s(
  "should end each of notebook 09's backward equations at the derivative of its loss (central differences at 20 seeded points each)",
  () => {
    const backprop = shown.filter((d) => d.notebook === "09-backpropagation.ipynb");
    assert.is(backprop.length, 14);
    let seed = 9;
    const uniform = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const d of backprop) {
      const spec = specOf(d.payload.spec.title);
      const loss = expandInDerivation(spec, spec.f).compile();
      const derivative = lastStep(spec);
      for (let k = 0; k < 20; k++) {
        const point: Record<string, number> = {};
        for (const [name, interval] of Object.entries(spec.domain)) {
          const [lo, hi] = String(interval).slice(1, -1).split(",").map(Number);
          point[name] = lo + (hi - lo) * (0.01 + 0.98 * uniform());
        }
        const h = 1e-6;
        const at = (v: number) => loss.evaluate({ ...point, [spec.wrt]: v }) as number;
        const numeric = (at(point[spec.wrt] + h) - at(point[spec.wrt] - h)) / (2 * h);
        const got = derivative(point);
        assert.ok(
          Math.abs(got - numeric) <= 1e-7 * Math.max(1, Math.abs(numeric)),
          `${spec.title} at ${JSON.stringify(point)}: ${got} vs ${numeric}`,
        );
      }
    }
  },
);

s("should have no second copy of a tutorial derivation in lib/", () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  };
  walk(path.join(ROOT, "lib"));
  // except the autodiff's table of local rules: notebook 10 derives its formulas on purpose to the letter
  files.splice(files.indexOf(path.join(ROOT, "lib", "autodiff", "local-derivatives.ts")), 1);
  // and explain's table of known derivatives (σ′ = σ(1 − σ), …): a rule the kit applies, which the tutorials derive
  files.splice(files.indexOf(path.join(ROOT, "lib", "derive", "explain", "rules.ts")), 1);
  // code only: doc comments may quote an expression as an example
  const source = files
    .map((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l))
        .join("\n"),
    )
    .join("\n");
  for (const d of shown) {
    for (const st of d.payload.spec.steps) {
      if (st.expr.length < 16) continue;
      assert.not.ok(
        source.includes(`"${st.expr}"`),
        `lib/ repeats step "${st.expr}" of ${d.notebook} ("${d.payload.spec.title}")`,
      );
    }
  }
});

s.run();
