/**
 * The contract between a notebook and the site for checkable exercises: a markdown
 * cell that states exercises may carry, in its cell metadata, `stepwise.exercises`,
 * a list of {@link ExerciseSpec}. Jupyter does not show cell metadata; the site reads
 * it (`readExercises`) and puts an answer box for each one after the cell, and the
 * page's verifier (assets/verifier.js) checks the reader's answer with the same
 * engine, seed and domain as the notebooks.
 */
import { checkNames, expandInDerivation } from "../../derive/context";
import { parseDomain } from "../../derive/domain";

/** A wrong answer a reader is likely to give, and the hint that names the slip. */
export interface ExerciseSlip {
  /** The wrong answer, mathjs syntax. An answer equal to it on the domain gets the hint. */
  expr: string;
  /** Names the slip in words, e.g. "the chain-rule factor −1 of ln(1 − ŷ) is missing". */
  hint: string;
}

/** One exercise whose answer the verifier can check. */
export interface ExerciseSpec {
  /** The exercise's number in its list (1-based), as the markdown numbers it; left out for an exercise that stands alone (a section "Exercise: …"). */
  number?: number;
  /** What to type, in words (plain text), e.g. "d/dx of σ(2x), in terms of sigma(2 x)". */
  prompt: string;
  /** "derivative": the answer must be the derivative of `f` by `wrt`; "equal": the answer must equal `f`. */
  ask: "derivative" | "equal";
  /** Name of the function (default "f"). */
  name?: string;
  /** The function, mathjs syntax. */
  f: string;
  /** The variable. */
  wrt: string;
  /** Variable → interval, as a derivation's domain. */
  domain: Readonly<Record<string, string | readonly [number, number]>>;
  /** Extra definitions, as a derivation's defs. */
  defs?: Readonly<Record<string, string>>;
  /** LaTeX for names, as a derivation's texNames. */
  texNames?: Readonly<Record<string, string>>;
  /** Known slips, checked in order against a wrong answer. */
  slips?: ExerciseSlip[];
  /** Seed of the sample points (default: the verifier's). */
  seed?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function need(cond: boolean, where: string, what: string, got: unknown): asserts cond {
  if (!cond) throw new TypeError(`${where}: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
}

/**
 * Reads the checkable exercises of a cell's metadata (`metadata.stepwise.exercises`).
 *
 * @param metadata the cell's metadata (any value)
 * @param where the notebook and cell, for errors (e.g. "02-….ipynb, cell 14")
 * @returns the exercises in order; [] when the cell declares none
 * @throws TypeError naming the exercise and the field that is missing or malformed, and what it holds
 */
export function readExercises(metadata: unknown, where: string): ExerciseSpec[] {
  const own = isRecord(metadata) && isRecord(metadata.stepwise) ? metadata.stepwise : undefined;
  for (const key of Object.keys(own ?? {})) {
    need(
      key === "exercises",
      where,
      `metadata.stepwise.${key} is not something the site reads (it reads metadata.stepwise.exercises)`,
      own![key],
    );
  }
  const list = own?.exercises;
  if (list === undefined) return [];
  need(Array.isArray(list), where, "metadata.stepwise.exercises must be an array", list);
  return list.map((e, i) => {
    const at = `${where}, exercise entry ${i + 1}`;
    need(isRecord(e), at, "an exercise must be an object", e);
    need(
      e.number === undefined || (Number.isInteger(e.number) && (e.number as number) > 0),
      at,
      "number must be a positive integer (or left out)",
      e.number,
    );
    for (const key of ["prompt", "f", "wrt"] as const)
      need(typeof e[key] === "string" && e[key] !== "", at, `${key} must be a non-empty string`, e[key]);
    need(e.ask === "derivative" || e.ask === "equal", at, 'ask must be "derivative" or "equal"', e.ask);
    need(isRecord(e.domain), at, "domain must be an object", e.domain);
    need(e.defs === undefined || isRecord(e.defs), at, "defs must be an object", e.defs);
    need(
      e.slips === undefined ||
        (Array.isArray(e.slips) &&
          e.slips.every((s) => isRecord(s) && typeof s.expr === "string" && typeof s.hint === "string")),
      at,
      "slips must be a list of { expr, hint } strings",
      e.slips,
    );
    const ex = e as unknown as ExerciseSpec;
    checkWithVerifier(ex, at);
    return ex;
  });
}

/**
 * Reads an exercise as the page's verifier will, without evaluating anything (the build reads
 * every exercise on every rebuild), so that a mistake a reader would meet in the box fails the
 * build instead: a domain, function or definition that does not parse, a variable of the
 * function or of a slip without a domain, a slip that does not parse. (A slip that is in fact
 * a right answer takes a verification to find; the notebook tests do that.)
 *
 * @throws TypeError naming the exercise entry and the verifier's message
 */
function checkWithVerifier(ex: ExerciseSpec, at: string): void {
  const spec = {
    title: exerciseTitle(ex),
    name: ex.name ?? "f",
    f: ex.f,
    wrt: ex.wrt,
    domain: ex.domain,
    defs: ex.defs,
    texNames: ex.texNames,
    steps: [],
  };
  const names = (expr: string, what: string): void =>
    checkNames(expandInDerivation(spec, expr), domain, `${what} ("${expr}")`);
  let domain: ReturnType<typeof parseDomain>;
  try {
    domain = parseDomain(ex.domain, `derivation "${spec.title}"`);
    if (!domain.has(ex.wrt)) throw new RangeError(`the variable ${ex.wrt} (wrt) has no declared domain`);
    names(ex.f, "the function");
  } catch (err) {
    throw new TypeError(`${at}: the exercise itself does not check: ${(err as Error).message}`);
  }
  (ex.slips ?? []).forEach((slip, k) => {
    try {
      names(slip.expr, "its expression");
    } catch (err) {
      throw new TypeError(`${at}, slip ${k + 1}: ${(err as Error).message}`);
    }
  });
}

/**
 * How the verifier's messages name an exercise: "exercise 3", or "the exercise" for one
 * that stands alone.
 *
 * @param ex one exercise
 * @returns its title as a derivation's
 */
export function exerciseTitle(ex: Pick<ExerciseSpec, "number">): string {
  return ex.number === undefined ? "the exercise" : `exercise ${ex.number}`;
}
