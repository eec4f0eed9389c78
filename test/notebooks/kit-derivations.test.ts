/**
 * "Show the kit's derivation" (issue 19) on every derivation the tutorials show: the page's call
 * (`explainSubject` of the verifier bundle's entry, run here in Node) on each executed tutorial's
 * derivation payload gives the kit's derivation of the same function, verified, whose last line
 * is f′ — checked against a central difference of f with the notebook's definitions expanded,
 * computed here in doubles, not by the kit's rules.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, parseExpression } from "../../lib/derive/expression";
import { verifierMath } from "../../lib/derive/math-functions";
import { executedDerivations, type ExecutedDerivation } from "../../lib/pipeline/executed-derivations";
import { explainSubject } from "../../lib/site/try/browser-entry";
import { variablesOf } from "../../lib/site/try/explain-in-page";
import { NOTEBOOK_DIR, tutorialNames } from "./run-notebooks";

let shown: ExecutedDerivation[] = [];
const s = suite("the kit's derivation of every tutorial derivation, as the page shows it");
s.before(async () => {
  shown = await executedDerivations(NOTEBOOK_DIR, tutorialNames());
});

const doubles = verifierMath();

/** A function of the spec in doubles: its definitions and the built-in ones (σ, softplus) expanded. */
function compiled(expr: string, defs: Readonly<Record<string, string>> | undefined) {
  const all = parseDefinitions({ ...BUILTIN_DEFINITIONS, ...(defs ?? {}) });
  const node = expandDefinitions(parseExpression(expr, "test"), all, "test");
  const code = doubles.compile(node.toString());
  return (at: Record<string, number>) => code.evaluate({ ...at }) as number;
}

/** Three interior points of each variable's interval ("(a, b)" or "[a, b]"). */
function points(domain: Record<string, string>): Record<string, number>[] {
  return [0.23, 0.51, 0.78].map((q, k) =>
    Object.fromEntries(
      Object.entries(domain).map(([v, interval], i) => {
        const [a, b] = interval
          .replace(/[()[\]\s]/g, "")
          .split(",")
          .map(Number);
        return [v, a + (b - a) * ((q + 0.07 * i * (k + 1)) % 1 || 0.5)];
      }),
    ),
  );
}

s("should give every tutorial derivation of a derivative the kit's own, verified, ending at f′", () => {
  let compared = 0;
  for (const d of shown) {
    const spec = d.payload.spec;
    if (!spec.steps.some((st) => st.kind === "differentiate")) continue;
    const where = `${d.notebook}, cell ${d.cell}: ${spec.title}`;
    const subject = { spec, seed: d.payload.seed, samples: d.payload.samples };
    const a = explainSubject(subject as never);
    if (!variablesOf(spec.f, spec.defs).includes(spec.wrt)) {
      // a constant part, such as u = 1 of the quotient rule: said in words, never a derivation
      assert.match(
        a.error ?? "",
        /is not in the function, a constant: its derivative by \w+ is 0 \(the constant rule\)/,
        where,
      );
      continue;
    }
    assert.ok(a.ok && a.html, `${where}: ${a.error}`);
    const f = compiled(spec.f, spec.defs);
    const kit = compiled(a.result!, spec.defs);
    for (const at of points(spec.domain as Record<string, string>)) {
      const h = 1e-6 * Math.max(1, Math.abs(at[spec.wrt]));
      const want = (f({ ...at, [spec.wrt]: at[spec.wrt] + h }) - f({ ...at, [spec.wrt]: at[spec.wrt] - h })) / (2 * h);
      const got = kit(at);
      assert.ok(
        Math.abs(got - want) <= 1e-5 * (1 + Math.abs(want)),
        `${where} at ${JSON.stringify(at)}: the kit's ${a.result} = ${got}, a central difference of f gives ${want}`,
      );
    }
    compared += 1;
  }
  assert.ok(compared >= 40, `only ${compared} derivations compared`);
});

s.run();
