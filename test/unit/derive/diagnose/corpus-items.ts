/**
 * The slip corpora's items as the diagnosis tests read them (the format of
 * test/fixtures/diagnose-corpus.json and independent-slip-sample.json), and the verdict on one.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { derive } from "../../../../lib/derive/derive";

/** One step after a function: a slip's id, "true" (a right step) or "unexplained" (a mistake no slip makes). */
export interface CorpusItem {
  f: string;
  wrt: string;
  domain: Record<string, string>;
  kind: "differentiate" | "rewrite";
  step: string;
  label: string;
}

/** The items of a corpus file in test/fixtures. */
export function readCorpus(file: string): CorpusItem[] {
  return JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", file), "utf8")).items;
}

/** The verifier's verdict (with its diagnosis) on the item's step after its function, at 32 sample points. */
export function verdictOn(item: CorpusItem) {
  const d = derive("corpus", { f: item.f, wrt: item.wrt, domain: item.domain });
  if (item.kind === "differentiate") d.differentiate(item.step, "");
  else d.rewrite(item.step, "");
  return d.verify({ samples: 32 }).steps[1];
}

/** The slip ids a verdict's diagnosis gives, the first one first; none without a diagnosis. */
export function diagnosedIds(v: ReturnType<typeof verdictOn>): string[] {
  return v.diagnosis ? [v.diagnosis.id, ...v.diagnosis.others.map((o) => o.id)] : [];
}
