/**
 * The wrong derivatives the catalogue predicts (lib/derive/diagnose/candidates.ts) are built
 * by applying again only the rules above the slip's place; here each one is checked against
 * the whole rule tree computed again with the buggy rule at that place (ruleTree's `replace`),
 * on seeded random functions: the same expressions, in the same order (those of the function as
 * written, then those of its power reading, groupings.ts's rootsAsPowers).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { MathNode } from "mathjs";
import { differentiateCandidates } from "../../../../lib/derive/diagnose/candidates";
import { SLIPS, type DifferentiateSlip } from "../../../../lib/derive/diagnose/slips";
import { ruleApplications, ruleTree } from "../../../../lib/derive/explain/differentiate";
import { parseExpression } from "../../../../lib/derive/expression";
import { withoutParens } from "../../../../lib/derive/explain/nodes";
import { rootsAsPowers } from "../../../../lib/derive/diagnose/groupings";
import { randomFunctions } from "../explain/random-functions";

const test = suite("diagnose: candidates built upward equal the whole tree rebuilt");

/** Every candidate by the whole rule tree with the buggy rule at its place, as candidates.ts orders them. */
function byWholeTree(f: MathNode): string[] {
  const tree = ruleTree(f, "x");
  const apps = ruleApplications(tree);
  const byPath = new Map(apps.map((a) => [a.path, a] as const));
  const out: string[] = [];
  for (const app of apps) {
    const parent = app.path.endsWith(":outer") ? byPath.get(app.path.slice(0, -":outer".length)) : undefined;
    const place = parent ? { app, shown: parent.node, inner: parent.parts.inner } : { app, shown: app.node };
    for (const slip of SLIPS.filter((s): s is DifferentiateSlip => s.kind === "differentiate")) {
      if (!slip.rules.includes(app.rule.id)) continue;
      for (const variant of slip.variants(place)) {
        const rule = { ...app.rule, id: slip.id, result: () => variant.result.cloneDeep() };
        out.push(ruleTree(f, "x", { replace: { at: app.path, rule } }).result.toString());
      }
    }
  }
  return out;
}

test("the same expressions in the same order on 80 seeded random functions", () => {
  let n = 0;
  for (const text of randomFunctions(80, 77, 3)) {
    const f = parseExpression(text, "candidates test");
    const got = differentiateCandidates(f, "x").map((c) => c.expr.toString());
    // then the same function with its roots and reciprocals read as powers
    const powers = rootsAsPowers(withoutParens(f), "x");
    assert.equal(got, [...byWholeTree(f), ...(powers ? byWholeTree(powers) : [])], text);
    n += got.length;
  }
  assert.ok(n > 600, `only ${n} candidates`);
});

test("each candidate is a tree of its own: changing one leaves the others as they were", () => {
  const f = parseExpression("sigma(2 * x) * log(1 + x^2)", "candidates test");
  const candidates = differentiateCandidates(f, "x");
  const before = candidates.map((c) => c.expr.toString());
  candidates[0].expr.traverse((node) => {
    const c = node as MathNode & { isConstantNode?: boolean; value?: unknown };
    if (c.isConstantNode) c.value = 12345;
  });
  assert.equal(
    candidates.slice(1).map((c) => c.expr.toString()),
    before.slice(1),
  );
});

test.run();
