/**
 * The explain() function corpora as one reader, shared by the bench (bench-explain.ts), the
 * no-worse snapshot (explain-snapshot.ts) and the unit tests of test/unit/derive/explain: the
 * three fixture sets in test/fixtures, each function tagged with the set it comes from.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { DomainSpec } from "../lib/derive/domain";

/** One function of a corpus: explain(f, { wrt, domain, title: name }). */
export interface CorpusFunction {
  name: string;
  /** The function, mathjs syntax, e.g. "x * sigma(x)". */
  f: string;
  /** The differentiation variable. */
  wrt: string;
  /** Every variable's interval, e.g. { x: "(-4, 4)", b: "(0.5, 2)" }. */
  domain: DomainSpec;
  /** The set it comes from: a key of {@link EXPLAIN_SETS}, or "generated" (explain-generated-functions.ts). */
  set: string;
}

/**
 * The fixture sets by name: the first set, the functions added after the goals were set, and a
 * third set written before the final-form tuning of issue 19.
 */
export const EXPLAIN_SETS = {
  first: "explain-functions.json",
  added: "explain-functions-added.json",
  third: "explain-functions-third.json",
} as const;

/** The folder of the fixture files. */
const FIXTURES = path.join(__dirname, "..", "test", "fixtures");

/**
 * The functions of one fixture set.
 * @param set a key of {@link EXPLAIN_SETS}
 * @returns its functions in file order, each with `set`
 * @throws Error (from the file system or JSON.parse) naming the file when it cannot be read
 */
export function readExplainSet(set: keyof typeof EXPLAIN_SETS): CorpusFunction[] {
  const file = path.join(FIXTURES, EXPLAIN_SETS[set]);
  let functions: Omit<CorpusFunction, "set">[];
  try {
    functions = JSON.parse(readFileSync(file, "utf8")).functions;
  } catch (err) {
    throw new Error(`explain corpus: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  return functions.map((fn) => ({ ...fn, set }));
}

/** The functions of all three fixture sets, in the order of {@link EXPLAIN_SETS}. */
export function readExplainCorpus(): CorpusFunction[] {
  return (Object.keys(EXPLAIN_SETS) as (keyof typeof EXPLAIN_SETS)[]).flatMap(readExplainSet);
}
