/**
 * The diagnosis on a seeded sample of its corpus (test/fixtures/diagnose-corpus.json: every
 * slip applied at many places of many generated functions, true steps and unexplained
 * mistakes, each checked independently by SymPy/mpmath). The whole corpus runs in
 * `npm run bench:diagnose`; here every 20th item, so that each class is tested.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";

interface Item {
  f: string;
  wrt: string;
  domain: Record<string, string>;
  kind: "differentiate" | "rewrite";
  step: string;
  label: string;
}

const items: Item[] = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", "diagnose-corpus.json"), "utf8"),
).items;
const sample = items.filter((_, i) => i % 20 === 0);
const test = suite("diagnose: a seeded sample of the corpus");

const verdict = (item: Item) => {
  const d = derive("corpus", { f: item.f, wrt: item.wrt, domain: item.domain });
  if (item.kind === "differentiate") d.differentiate(item.step, "");
  else d.rewrite(item.step, "");
  return d.verify({ samples: 32 }).steps[1];
};

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
    const ids = v.diagnosis ? [v.diagnosis.id, ...v.diagnosis.others.map((o) => o.id)] : [];
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
