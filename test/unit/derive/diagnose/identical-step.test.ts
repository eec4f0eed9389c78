/**
 * A step written exactly as a slip prints it is explained by that slip, with no comparison
 * (lib/derive/diagnose/diagnose.ts): before, the full comparison of the step with its own
 * expression failed where the step is not finite at a sample point (x/2/(x^2)^2 at x = 0, log of
 * a negative sine), and these three items of the kit's corpus (test/fixtures/diagnose-corpus.json,
 * checked by SymPy) got no diagnosis.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emptyStats } from "../../../../lib/derive/diagnose/diagnose";
import { stepDiagnoser } from "../../../../lib/derive/diagnose/in-derivation";
import type { DerivationSpec } from "../../../../lib/derive/spec";

const test = suite("diagnose: a step identical to a slip's expression");

const SPLIT_F = "(e^((x / 2) / (1 + (x^2)^2)) * (sin(x^2)) + (x / 2 + 2)) / e^((x / 2) / (1 + (x^2)^2))";
const CASES: { f: string; step: string; slip: string }[] = [
  {
    f: SPLIT_F,
    step: "(e ^ (x / 2 / 1 + x / 2 / (x ^ 2) ^ 2) * sin(x ^ 2) + x / 2 + 2) / e ^ (x / 2 / (1 + (x ^ 2) ^ 2))",
    slip: "split-denominator-sum",
  },
  {
    f: SPLIT_F,
    step: "(e ^ (x / 2 / (1 + (x ^ 2) ^ 2)) * sin(x ^ 2) + x / 2 + 2) / e ^ (x / 2 / 1 + x / 2 / (x ^ 2) ^ 2)",
    slip: "split-denominator-sum",
  },
  {
    f: "sigma(x) * (log((2 + sin(sqrt(1 + ((x + 1))^2))) + sigma((x + 1) + 2)))",
    step: "sigma(x) * (log(2) + log(sin(sqrt(1 + (x + 1) ^ 2))) + log(sigma(x + 1 + 2)))",
    slip: "log-of-sum",
  },
];

for (const c of CASES) {
  test(`${c.slip}: ${c.step}`, () => {
    const spec: DerivationSpec = {
      title: "identical",
      name: "f",
      f: c.f,
      wrt: "x",
      domain: { x: "(-2, 2)" },
      steps: [{ kind: "rewrite", expr: c.step, rule: "", note: "" }],
    };
    const stats = emptyStats();
    const d = stepDiagnoser(spec, 1)(undefined, { stats, budgetMs: Infinity });
    assert.ok(d, `no diagnosis: ${JSON.stringify(stats)}`);
    assert.ok([d.id, ...d.others.map((o) => o.id)].includes(c.slip), `${d.id}, others ${d.others.map((o) => o.id)}`);
    assert.ok(stats.identical >= 1, JSON.stringify(stats));
  });
}

test.run();
