/**
 * The slip corpora's items as the diagnosis tests read them (the format, CorpusItem, is
 * scripts/slip-corpus-format.ts's), and the verdict on one.
 */
import * as path from "node:path";
import { derive } from "../../../../lib/derive/derive";
import { type CorpusItem, readSlipCorpus } from "../../../../scripts/slip-corpus-format";

/** The items of a corpus file in test/fixtures. */
export function readCorpus(file: string): CorpusItem[] {
  return readSlipCorpus(path.join(__dirname, "..", "..", "..", "fixtures", file));
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
