/**
 * The format of the slip-diagnosis corpora (issue 20): test/fixtures/diagnose-corpus.json
 * (scripts/diagnose-corpus.ts), the independent one (scripts/independent-slip-corpus.ts) and
 * its sample test/fixtures/independent-slip-sample.json. One module for the item type and the
 * reading of a file, imported by the corpus builder, npm run bench:diagnose and the tests.
 */
import { readFileSync } from "node:fs";

/** One step after a function, labelled with what made it. */
export interface CorpusItem {
  /** The function (mathjs syntax) the step follows. */
  f: string;
  /** The differentiation variable. */
  wrt: string;
  /** The declared domain, variable → interval text, e.g. { x: "(-2, 2)" }. */
  domain: Record<string, string>;
  kind: "differentiate" | "rewrite";
  /** The step's expression (mathjs syntax). */
  step: string;
  /** The slip that made the step (a catalogue id), or "true" (a right step), or "unexplained" (a mistake no slip makes). */
  label: string;
}

/**
 * The items of a corpus file.
 * @param file the JSON file's path, `{ items: CorpusItem[] }`
 * @throws Error naming the file when it cannot be read or holds no `items` array
 */
export function readSlipCorpus(file: string): CorpusItem[] {
  const items = (JSON.parse(readFileSync(file, "utf8")) as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new Error(`${file}: no "items" array (a slip corpus is { items: [...] })`);
  return items as CorpusItem[];
}
