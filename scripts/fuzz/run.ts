/**
 * The differential test of the verifier (issue 21): derivations generated from the grammar
 * (grammar.ts), true steps by rewrites and by the textbook derivative, wrong ones by the
 * mutation operators of lib/derive/mutate.ts, each judged by the verifier and by an
 * independent oracle (oracle.py: mpmath interval arithmetic at adaptive precision, from
 * .venv). A disagreement is a step the two judge differently (the oracle undecided counts
 * apart; a step the oracle finds "near", wrong by less than the tolerance at the verifier's
 * counterexample, is rightly rejected); an escaped error is anything verify() throws other than the RangeError or
 * SyntaxError that refuse a derivation by name.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, parseExpression } from "../../lib/derive/expression";
import { mutateExpression } from "../../tooling/mutation/mutate";
import { stepChecker } from "../../lib/derive/verify";
import type { DerivationSpec } from "../../lib/derive/spec";
import { python } from "../python";
import { farTailCases } from "./far-tails";
import {
  derivative,
  domain as randomDomain,
  generate,
  kinked,
  nearMiss,
  rewrite,
  rng,
  tailDomain,
  text,
  type Node,
} from "./grammar";

/** One step the fuzzer had judged. */
export interface FuzzStep {
  /** `seed/number`: the run's seed and the step's 0-based number in it (fuzzCases reproduces it). */
  id: string;
  f: string;
  kind: "rewrite" | "differentiate";
  expr: string;
  /** What the step must equal (f, or its derivative by the textbook rules). */
  reference: string;
  domain: { lo: string; hi: string };
  made: "rewrite" | "derivative" | "mutant" | "near miss";
  /** undecided: the verifier's time bound per step ran out (VerifyOptions.deadline); counted apart, never a disagreement. */
  verifier: "accepted" | "rejected" | "refused" | "escaped" | "undecided";
  message?: string;
  point?: string;
  seconds: number;
  /** near: the sides differ at the verifier's counterexample point, by less than the tolerance (rejecting is right). */
  oracle?: "equal" | "different" | "near" | "undecided";
  oracleAt?: string | null;
  /** Why the oracle left the step undecided (or what made it different, when not the values), e.g. its item bound. */
  oracleReason?: string;
}

/** One verdict of oracle.py. */
export interface OracleVerdict {
  verdict: FuzzStep["oracle"];
  at: string | null;
  reason?: string;
}

/** Whether the oracle left a step undecided because its time bound per item ran out (oracle.py --item-seconds). */
export const oracleBoundHit = (s: FuzzStep): boolean =>
  s.oracle === "undecided" && s.oracleReason?.startsWith("the oracle's item bound") === true;

/** The fuzzer's totals. */
export interface FuzzReport {
  steps: FuzzStep[];
  disagreements: FuzzStep[];
  escaped: FuzzStep[];
  refused: number;
  /** The steps the oracle left undecided, not judged (how many: its length), with its reasons (those of its item bound among them: oracleBoundHit). */
  oracleUndecided: FuzzStep[];
  /** Steps the verifier left undecided within its time bound, with their ids (`seed/number`). */
  verifierUndecided: FuzzStep[];
}

const defs = parseDefinitions(BUILTIN_DEFINITIONS);

/** The Python of the oracle (scripts/python.ts), re-exported for the fuzz tests. */
export { python };

/** An expression (mathjs syntax, sigma/softplus allowed) in the oracle's Python: definitions written out, literals as N("…"). */
export function pythonText(expr: string): string {
  const node = expandDefinitions(parseExpression(expr, "fuzz"), defs, "fuzz");
  return node
    .toString({ parenthesis: "all" } as object)
    .replace(/\^/g, "**")
    .replace(/(?<![\w.])(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?![\w.])/g, 'N("$1")');
}

/** Candidate steps of one derivation: true ones and mutants of them. */
function candidates(
  r: () => number,
  f: Node,
  differentiate: boolean,
  mutantsPerStep: number,
  nearMisses: boolean,
): { expr: string; made: FuzzStep["made"]; reference: string }[] {
  const reference = differentiate ? text(derivative(f)) : text(f);
  const truths: { expr: string; made: FuzzStep["made"] }[] = differentiate
    ? [
        { expr: reference, made: "derivative" },
        { expr: text(rewrite(r, derivative(f))), made: "rewrite" },
      ]
    : [
        { expr: text(rewrite(r, f)), made: "rewrite" },
        { expr: text(rewrite(r, rewrite(r, f))), made: "rewrite" },
      ];
  const out: { expr: string; made: FuzzStep["made"]; reference: string }[] = truths.map((t) => ({ ...t, reference }));
  for (const t of truths) {
    const mutants = mutateExpression(t.expr, ["x"]);
    for (let k = 0; k < mutantsPerStep && mutants.length > 0; k++) {
      out.push({ expr: mutants.splice(Math.floor(r() * mutants.length), 1)[0], made: "mutant", reference });
    }
  }
  if (nearMisses)
    out.push({
      expr: text(nearMiss(rng(reference.length), differentiate ? derivative(f) : f)),
      made: "near miss",
      reference,
    });
  return out;
}

/** What else a fuzz run generates besides its defaults. */
export interface FuzzOptions {
  /** The verifier's time bound per step, in seconds (VerifyOptions.deadline; default the verifier's own, 5 s). */
  deadline?: number;
  /** Every derivation on a domain in the far negative tail (x from −1000 to −200), each with a near miss (grammar.ts). */
  tail?: boolean;
  /** Far-tail derivations whose derivatives cancel (1 − σ, 1 − tanh², log(1 + e^u), …) instead of the grammar's (far-tails.ts). */
  farTails?: boolean;
}

/**
 * Generates and judges about `count` steps.
 *
 * @param count   how many steps (a derivation gives 6: two true, four mutants; one in four a
 *                seventh, a near miss; with `tail`, every one)
 * @param seed    the seed of the whole run (the same seed, the same steps)
 * @param options see {@link FuzzOptions}
 * @returns the steps with both verdicts, the disagreements and escaped errors
 * @throws Error when the oracle's Python cannot run (it names the Python and how to install mpmath)
 */
export function runFuzz(count: number, seed: number, options: FuzzOptions = {}): FuzzReport {
  const steps: FuzzStep[] = [];
  for (const c of fuzzCases(count, seed, options)) steps.push(...judgeCase(c, seed, options));
  judgeByOracle(steps);
  return tally(steps);
}

/** The totals of judged steps (a step still awaiting the oracle counts in none of them but `steps`). */
export function tally(steps: FuzzStep[]): FuzzReport {
  const judged = steps.filter(
    (s) =>
      (s.verifier === "accepted" || s.verifier === "rejected") && s.oracle !== undefined && s.oracle !== "undecided",
  );
  return {
    steps,
    disagreements: judged.filter((s) => (s.verifier === "accepted" ? s.oracle === "different" : s.oracle === "equal")),
    escaped: steps.filter((s) => s.verifier === "escaped"),
    refused: steps.filter((s) => s.verifier === "refused").length,
    oracleUndecided: steps.filter((s) => s.oracle === "undecided"),
    verifierUndecided: steps.filter((s) => s.verifier === "undecided"),
  };
}

/** The verifier's verdicts on one generated derivation's candidate steps (the oracle's still to come). */
export function judgeCase(
  { spec, domain: dom, candidates: cands, first }: FuzzCase,
  seed: number,
  options: FuzzOptions,
): FuzzStep[] {
  const steps: FuzzStep[] = [];
  let check:
    | ((expr?: string) => {
        ok: boolean;
        tier: string | null;
        counterexample?: { point: Record<string, string>; reason?: string };
        undecided?: { reason: string };
      })
    | undefined;
  let refusal: string | undefined;
  let escaped: string | undefined;
  try {
    check = stepChecker(spec, 1, options.deadline === undefined ? {} : { deadline: options.deadline });
  } catch (err) {
    if (err instanceof RangeError || err instanceof SyntaxError) refusal = (err as Error).message;
    else escaped = `${(err as Error).name}: ${(err as Error).message}`;
  }
  cands.forEach((cand, k) => {
    const step: FuzzStep = {
      id: `${seed}/${first + k}`,
      f: spec.f,
      kind: spec.steps[0].kind,
      expr: cand.expr,
      reference: cand.reference,
      domain: dom,
      made: cand.made,
      verifier: "refused",
      seconds: 0,
    };
    const t0 = process.hrtime.bigint();
    if (escaped) {
      step.verifier = "escaped";
      step.message = escaped;
    } else if (refusal || !check) {
      step.message = refusal;
    } else {
      try {
        const v = check(cand.expr);
        // "precision bound hit": the verifier says it cannot tell (README), a rejection that is no verdict
        const unsettled = v.counterexample?.reason?.startsWith("precision bound hit") === true;
        step.verifier = v.ok ? "accepted" : v.undecided || unsettled ? "undecided" : "rejected";
        if (v.counterexample) step.point = v.counterexample.point.x;
        if (v.undecided) step.message = v.undecided.reason;
        if (unsettled) step.message = v.counterexample?.reason;
      } catch (err) {
        if (err instanceof RangeError || err instanceof SyntaxError) step.message = (err as Error).message;
        else {
          step.verifier = "escaped";
          step.message = `${(err as Error).name}: ${(err as Error).message}`;
        }
      }
    }
    step.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (process.env.FUZZ_TRACE)
      console.error(
        `${step.id} ${step.seconds.toFixed(2)} s ${step.verifier} ${spec.domain.x} f = ${spec.f} :: ${step.expr}`,
      );
    steps.push(step);
  });
  return steps;
}

/** One generated derivation of a fuzz run and its candidate steps, numbered from `first` in the run. */
export interface FuzzCase {
  spec: DerivationSpec;
  domain: { lo: string; hi: string };
  candidates: { expr: string; made: FuzzStep["made"]; reference: string }[];
  /** The 0-based number of its first candidate among the run's steps (a step's id is `seed/number`). */
  first: number;
}

/**
 * The derivations and candidate steps a fuzz run judges, without judging them, made one by
 * one as they are asked for (a run judges each before the next is made): the same seed gives
 * the same cases, so a step named `seed/number` by a run can be reproduced alone.
 *
 * @param count   how many steps, at least (the last derivation's candidates all come)
 * @param seed    the seed of the run
 * @param options see {@link FuzzOptions}
 * @returns the cases in order
 */
export function* fuzzCases(count: number, seed: number, options: FuzzOptions = {}): Generator<FuzzCase> {
  if (options.farTails) {
    yield* farTailCases(count, seed);
    return;
  }
  const r = rng(seed);
  let made = 0;
  for (let n = 0; made < count; n++) {
    const differentiate = r() < 0.5;
    const f = generate(r, 2 + Math.floor(r() * 4), !differentiate);
    if (differentiate && kinked(f)) continue;
    const dom = options.tail ? tailDomain(r) : randomDomain(r);
    // one derivation in four gets a near miss, from its own random source (the seeds' other steps stay as they were)
    const nearMisses = options.tail === true || n % 4 === 3;
    const spec: DerivationSpec = {
      title: `fuzz ${seed}/${n}`,
      name: "f",
      f: text(f),
      wrt: "x",
      domain: { x: `(${dom.lo}, ${dom.hi})` },
      steps: [
        { kind: differentiate ? ("differentiate" as const) : ("rewrite" as const), expr: "x", rule: "fuzz", note: "" },
      ],
    };
    const cands = candidates(r, f, differentiate, 2, nearMisses);
    yield { spec, domain: dom, candidates: cands, first: made };
    made += cands.length;
  }
}

/** Fills in the oracle's verdict of every step the verifier judged, in one run of oracle.py. */
function judgeByOracle(steps: FuzzStep[]): void {
  const todo = steps.filter((s) => s.verifier === "accepted" || s.verifier === "rejected");
  if (todo.length === 0) return;
  const items = todo.map((s, i) => oracleItem(s, i));
  const run = spawnSync(python(), [path.join(__dirname, "oracle.py")], {
    input: JSON.stringify(items),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) {
    throw new Error(
      `fuzz: the oracle (${python()} scripts/fuzz/oracle.py) failed (exit ${run.status}): ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}; ` +
        "it needs mpmath (npm start installs it into .venv with sympy)",
    );
  }
  const verdicts: OracleVerdict[] = JSON.parse(run.stdout);
  todo.forEach((s, i) => setOracle(s, verdicts[i]));
}

/** Records the oracle's verdict on a step. */
export function setOracle(s: FuzzStep, v: OracleVerdict): void {
  s.oracle = v.verdict;
  s.oracleAt = v.at;
  if (v.reason) s.oracleReason = v.reason;
}

/** A step as oracle.py reads it; `seed` picks its 24 random points. */
export function oracleItem(s: FuzzStep, seed: number) {
  return {
    lhs: pythonText(s.expr),
    rhs: pythonText(s.reference),
    lo: s.domain.lo,
    hi: s.domain.hi,
    seed,
    extra: s.point ? [s.point] : [],
  };
}
