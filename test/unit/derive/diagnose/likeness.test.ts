/**
 * When several slips give the rejected step's value, the one written like the step is named
 * first: the learner's structure tells which slip they made (a new user's F22).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { CorpusItem as Item } from "../../../../scripts/slip-corpus-format";
import { derive } from "../../../../lib/derive";
import { math } from "../../../../lib/derive/expression";
import { likeness } from "../../../../lib/derive/diagnose/likeness";
import { readCorpus, verdictOn as verdict } from "./corpus-items";

const test = suite("diagnose: value-equal slips ranked by the learner's form");

test("likeness counts the nodes two trees share in place, from the root down", () => {
  assert.is(likeness(math.parse("(a - b) / c"), math.parse("(a - b) / c")), 5);
  assert.is(likeness(math.parse("(1 * u - 0 * v) / w"), math.parse("(0 * v - 1 * u) / w")), 5);
  assert.is(likeness(math.parse("(1 * u - 0 * v) / w"), math.parse("(1 * u - 0 * v) / w")), 9);
  assert.is(likeness(math.parse("a + b"), math.parse("a * b")), 0);
});

test("F22: σ by the quotient rule with the numerator written u·v′ − u′·v is quotient-numerator-order first", () => {
  const r = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("(1*(-e^(-x)) - 0*(1+e^(-x)))/(1+e^(-x))^2", "quotient rule")
    .verify();
  const d = r.steps[1].diagnosis!;
  assert.is(d.id, "quotient-numerator-order");
  assert.ok(
    d.others.some((o) => o.id === "chain-inner-missing"),
    d.others.map((o) => o.id).join(", "),
  );
  // the same value written as the missing inner derivative is named so
  const written = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("(0 * (1 + e^(-x)) - 1 * e^(-x)) / (1 + e^(-x))^2", "quotient rule")
    .verify();
  assert.is(written.steps[1].diagnosis?.id, "chain-inner-missing");
});

test("the class: corpus steps that several slips explain are named by the slip that made them", () => {
  const items: Item[] = readCorpus("diagnose-corpus.json").filter(
    (i, k) => k % 5 === 0 && i.label !== "true" && i.label !== "unexplained",
  );
  let ambiguous = 0;
  const wrong: string[] = [];
  for (const item of items) {
    const d = verdict(item).diagnosis;
    if (!d || d.others.length === 0 || !(d.id === item.label || d.others.some((o) => o.id === item.label))) continue;
    ambiguous++;
    if (d.id !== item.label) wrong.push(`${item.label}: ${item.f} → ${item.step} (first ${d.id})`);
  }
  assert.ok(ambiguous >= 10, `${ambiguous} items with value-equal slips`);
  assert.ok(wrong.length <= ambiguous * 0.1, `${wrong.length} of ${ambiguous}:\n${wrong.join("\n")}`);
});

test.run();
