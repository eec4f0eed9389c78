/**
 * The diagnosis on slips made without the kit's code (test/fixtures/independent-slip-sample.json,
 * written by scripts/independent-slip-corpus.ts: scripts/independent_slips.py's own expression
 * trees, derivative and slips, every item checked by SymPy/mpmath). The kit's own corpus is made
 * with its slip candidates, so it cannot show a place those candidates miss; this one can (it
 * found the groups a sum is written in, which the candidates did not read). The full corpus runs
 * in `npm run bench:diagnose`; here up to 3 items of each slip from a
 * committed sample of 12 functions (seed 14).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { CorpusItem as Item } from "../../../../scripts/slip-corpus-format";
import { diagnosedIds, readCorpus, verdictOn as verdict } from "./corpus-items";

const items: Item[] = readCorpus("independent-slip-sample.json").filter(
  // the first 3 items of each slip and 6 of the true and unexplained ones: the time a unit test may take
  (item: Item, i: number, all: Item[]) =>
    all.slice(0, i).filter((o) => o.label === item.label).length <
    (item.label === "true" || item.label === "unexplained" ? 6 : 3),
);
const test = suite("diagnose: slips made by an independent generator");

test("the sample holds most slips of the catalogue, true steps and unexplained mistakes", () => {
  const labels = new Set(items.map((i) => i.label));
  assert.ok(labels.has("true") && labels.has("unexplained"));
  assert.ok(labels.size >= 17, `only ${labels.size} labels: ${[...labels].join(", ")}`);
});

test("every wrong step made by a slip is rejected and diagnosed with that slip among the ids", () => {
  const missed: string[] = [];
  for (const item of items.filter((i) => i.label !== "true" && i.label !== "unexplained")) {
    const v = verdict(item);
    assert.not.ok(v.ok, `${item.f} → ${item.step} is accepted`);
    const ids = diagnosedIds(v);
    if (!ids.includes(item.label))
      missed.push(`${item.label}: ${item.f} → ${item.step} (got ${ids.join(", ") || "none"})`);
  }
  assert.equal(missed, []);
});

test("its true steps and its mistakes no slip explains get no diagnosis", () => {
  for (const item of items.filter((i) => i.label === "true" || i.label === "unexplained")) {
    const v = verdict(item);
    assert.is(v.ok, item.label === "true", `${item.label}: ${item.f} → ${item.step}`);
    assert.is(v.diagnosis, undefined, `${item.label}: ${item.f} → ${item.step} diagnosed as ${v.diagnosis?.id}`);
  }
});

test.run();
