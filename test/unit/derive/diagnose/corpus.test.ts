/**
 * The diagnosis on a seeded sample of its corpus (test/fixtures/diagnose-corpus.json: every
 * slip applied at many places of many generated functions, true steps and unexplained
 * mistakes, each checked independently by SymPy/mpmath). The whole corpus runs in
 * `npm run bench:diagnose`; here every 20th item, so that each class is tested.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { CorpusItem as Item } from "../../../../scripts/slip-corpus-format";
import { diagnosedIds, readCorpus, verdictOn as verdict } from "./corpus-items";

const items: Item[] = readCorpus("diagnose-corpus.json");
const sample = items.filter((_, i) => i % 20 === 0);
const test = suite("diagnose: a seeded sample of the corpus");

test("the sample holds slips, true steps and unexplained mistakes", () => {
  const labels = new Set(sample.map((i) => i.label));
  assert.ok(labels.has("true") && labels.has("unexplained"));
  assert.ok(labels.size >= 12, `only ${labels.size} labels in the sample`);
});

test("a wrong step made by a slip is diagnosed with that slip among the ids (recall on the sample ≥ 95 %)", () => {
  const slips = sample.filter((i) => i.label !== "true" && i.label !== "unexplained");
  const missed: string[] = [];
  for (const item of slips) {
    const v = verdict(item);
    assert.not.ok(v.ok, `${item.f} → ${item.step} is accepted`);
    const ids = diagnosedIds(v);
    if (!ids.includes(item.label))
      missed.push(`${item.label}: ${item.f} → ${item.step} (got ${ids.join(", ") || "none"})`);
  }
  assert.ok(missed.length <= slips.length * 0.05, missed.join("\n"));
});

test("true steps and mistakes no slip explains get no diagnosis", () => {
  for (const item of sample.filter((i) => i.label === "true" || i.label === "unexplained")) {
    const v = verdict(item);
    assert.is(v.ok, item.label === "true", `${item.label}: ${item.f} → ${item.step}`);
    assert.is(v.diagnosis, undefined, `${item.label}: ${item.f} → ${item.step} diagnosed as ${v.diagnosis?.id}`);
  }
});

test.run();
