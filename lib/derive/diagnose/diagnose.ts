/**
 * Naming the mistake of a rejected step: the step is compared with every wrong step the
 * slip catalogue predicts from the previous expression (candidates.ts); a candidate it
 * equals on the domain, by the verifier's own comparison (compare.ts: the exact tier where
 * it applies, and 64 sampled points in 60-digit arithmetic), explains it. A quick
 * double-precision look at a few points first (screen.ts) sets aside the candidates that
 * plainly differ, so that only the few that may match are compared in full. No candidate
 * equal, or the time budget spent: no diagnosis (never a guess).
 */
import type { MathNode } from "mathjs";
import { compare, expectation, type Verdict } from "../compare";
import { millisecondsLeft, StepUndecided, withinDeadline } from "../deadline";
import type { Domain } from "../domain";
import type { Diagnosis } from "../types";
import { differentiateCandidates, rewriteCandidates, type Candidate } from "./candidates";
import { mayEqual, mayEqualPrecisely, preciseScreen, quickValues } from "./screen";
import { likeness, signsOut } from "./likeness";
import { readableText } from "../readable";
import { cancelCommonFactors } from "../common-factors";
import { tidyExpression } from "../tidy";
import { messageTex } from "./show";

/** What the diagnosis of one rejected step needs. */
export interface DiagnoseInput {
  /** The kind of the step. */
  kind: "differentiate" | "rewrite";
  /**
   * The previous expression as written (the given function or the step before), with the
   * derivation's own definitions expanded but sigma and softplus kept (the rule table knows them).
   */
  previous: MathNode;
  /** The differentiation variable. */
  wrt: string;
  /** The rejected step, every definition expanded (as the verifier compares it). */
  step: MathNode;
  /** Expands a candidate's definitions as the verifier does (sigma, softplus, defs); may throw. */
  expand(node: MathNode): MathNode;
  /** The derivation's sample points and domain, as the verifier uses them. */
  points: Record<string, string>[];
  domain: Domain;
  /** The step, for errors of the comparison. */
  where: string;
  /** At most this many candidates are compared in full (default 12): a bound on the time. */
  maxCompared?: number;
  /**
   * The time the diagnosis may take, in ms of the JavaScript thread's CPU time in Node (deadline.ts's clock) and of
   * wall-clock time elsewhere (default {@link DIAGNOSIS_BUDGET_MS}); checked before each
   * candidate, so one comparison under way may overrun it. A diagnosis that runs out gives
   * no diagnosis (never a guess) and sets `stats.outOfTime`.
   */
  budgetMs?: number;
  /** Filled in when given: what the diagnosis tried and where its time went (the bench prints it). */
  stats?: DiagnoseStats;
}

/**
 * The default time budget of one diagnosis, in ms: a last resort, far above what the
 * corpora's diagnoses take (npm run bench:diagnose prints how many ran out; the slowest took
 * 221 ms of process CPU alone, session 34). It was 400 ms until a diagnosis of the independent
 * corpus ran out under the load of the CI's unit tests (stop 30).
 */
export const DIAGNOSIS_BUDGET_MS = 1000;

/** What one diagnosis tried, and the milliseconds of each phase (performance.now()). */
export interface DiagnoseStats {
  /** Wrong steps the catalogue predicts from the previous expression. */
  candidates: number;
  /** Of those, evaluated at the quick points (the others belong to a slip that had already matched). */
  screened: number;
  /** Of those, agreeing with the step there. */
  passed: number;
  /** Of those, distinct expressions compared in full by the verifier's comparison. */
  compared: number;
  /** Of those passing the screen, expressions identical to the step as parsed (equal to it with no comparison). */
  identical: number;
  /** True when the time budget ran out (then there is no diagnosis). */
  outOfTime: boolean;
  /** Wall-clock ms per phase (performance.now()). */
  ms: Record<"generate" | "screen" | "expand" | "compare" | "readable", number>;
}

/** Stats with nothing tried yet, to pass as `stats` to {@link diagnoseStep}. */
export function emptyStats(): DiagnoseStats {
  return {
    candidates: 0,
    screened: 0,
    passed: 0,
    compared: 0,
    identical: 0,
    outOfTime: false,
    ms: { generate: 0, screen: 0, expand: 0, compare: 0, readable: 0 },
  };
}

const QUICK_POINTS = 10;

/** The factors of a product or quotient at the top of an expression (numerators and denominators alike). */
function topFactors(node: MathNode): MathNode[] {
  const n = node as {
    isParenthesisNode?: boolean;
    content?: MathNode;
    isOperatorNode?: boolean;
    fn?: string;
    args?: MathNode[];
  };
  if (n.isParenthesisNode && n.content) return topFactors(n.content);
  if (n.isOperatorNode && (n.fn === "multiply" || n.fn === "divide") && n.args?.length === 2)
    return [...topFactors(n.args[0]), ...topFactors(n.args[1])];
  if (n.isOperatorNode && n.fn === "unaryMinus" && n.args?.length === 1) return topFactors(n.args[0]);
  return [node];
}

/**
 * True when a differentiate slip's wrong result at its place is a product or quotient with a
 * factor that is 0 at every quick point, while the rule's right result there is not 0: then the
 * wrong result is 0 whatever the slip did with the other factors, and a step equal to the
 * candidate is the derivative with that place taken as 0 (a part treated as constant in the
 * variable), not evidence of the slip. Notebook 07's ∂p1/∂z2 written 0 matched the quotient of
 * the derivatives u′/v′ = 0/e^z2 of e^z1/(e^z1 + e^z2): 0 because u = e^z1 does not depend on
 * z2; the same for u′·v′ with a factor free of the variable. A slip whose wrong result is a bare
 * 0 of its own making (a term dropped from 0 + 2·x) is still named: that is what the slip says.
 *
 * @param local the candidate's wrong and right results at its place (candidates.ts)
 * @param scopes the quick points (variable → number)
 */
function vanishesThere(local: NonNullable<Candidate["local"]>, scopes: readonly Record<string, number>[]): boolean {
  const zero = (n: MathNode): boolean => {
    const v = quickValues(n, scopes);
    return v.length > 0 && v.every((x) => x === 0);
  };
  const factors = topFactors(local.wrong);
  return factors.length >= 2 && factors.some(zero) && !zero(local.right);
}

/**
 * The diagnosis of a rejected step, or undefined when no slip of the catalogue explains it.
 *
 * @param input the step, the previous expression, the variable, the domain and its points
 * @returns `{ id, message, expected, others }`: the slip that explains the step written most
 *   like it (likeness.ts), then the most specific (lowest rank, then the first place in
 *   pre-order), the message naming the place, the
 *   right expression for the step (the rule's own result in mathjs syntax, readable:
 *   {@link readableText}, common factors of a quotient cancelled: common-factors.ts), and the
 *   other slips that explain
 *   it too; undefined when none does, or when the time budget (`input.budgetMs`) ran out
 *   before every candidate was tried (`input.stats.outOfTime` says which)
 * @throws nothing for a previous expression the rule table cannot differentiate or a
 *   candidate the verifier cannot evaluate: those give no diagnosis
 */
export function diagnoseStep(input: DiagnoseInput): Diagnosis | undefined {
  const stats = input.stats ?? emptyStats();
  // one budget, the verifier's own (deadline.ts: its clock, checked before each candidate here
  // and between the phases of each comparison inside); a deadline already in force and ending
  // sooner is kept
  // (a budget ≤ 0 has run out before the first candidate)
  const budgetMs = Math.max(0, input.budgetMs ?? DIAGNOSIS_BUDGET_MS);
  return withinDeadline(budgetMs / 1000, () => diagnoseWithin(input, stats));
}

/** {@link diagnoseStep} under its budget's deadline. */
function diagnoseWithin(input: DiagnoseInput, stats: DiagnoseStats): Diagnosis | undefined {
  const outOfTime = (): boolean => {
    if (millisecondsLeft() > 0) return false;
    stats.outOfTime = true;
    return true;
  };
  const timed = <T>(phase: keyof DiagnoseStats["ms"], run: () => T): T => {
    const t = performance.now();
    try {
      return run();
    } finally {
      stats.ms[phase] += performance.now() - t;
    }
  };
  let candidates: Candidate[];
  try {
    candidates = timed("generate", () =>
      input.kind === "differentiate"
        ? differentiateCandidates(input.previous, input.wrt)
        : rewriteCandidates(input.previous),
    );
  } catch {
    return undefined;
  }
  stats.candidates = candidates.length;
  if (candidates.length === 0) return undefined;
  const stride = Math.max(1, Math.floor(input.points.length / QUICK_POINTS));
  const screenPoints = input.points.filter((_, i) => i % stride === 0).slice(0, QUICK_POINTS);
  const scopes = screenPoints.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)])));
  const stepValues = timed("screen", () => quickValues(input.step, scopes));
  // where doubles lose the step's value (far tails: 0 in doubles), its 60-digit values screen instead
  const precise = timed("screen", () => preciseScreen(input.step, stepValues, screenPoints));
  const ordered = candidates.map((c, order) => ({ c, order })).sort((a, b) => a.c.rank - b.c.rank || a.order - b.order);
  // per slip id, its place written most like the step (the map keeps the order of first matches: rank order)
  const matches = new Map<string, { c: Candidate; like: number; raw: number }>();
  const verdicts = new Map<string, boolean>();
  // the step's values and normal form are prepared once; every candidate is compared with them
  let judge: ((candidate: MathNode) => Verdict) | null | undefined;
  const judged = (candidate: MathNode): boolean => {
    if (judge === undefined) {
      try {
        judge = expectation(input.step, input.points, input.where, input.domain);
      } catch (err) {
        if (err instanceof StepUndecided) throw err;
        judge = null; // the step is not finite at a point: compare each candidate the other way round
      }
    }
    return judge
      ? judge(candidate).equal
      : compare(input.step, candidate, input.points, input.where, input.domain).equal;
  };
  let compared = 0;
  // likeness is read with the signs written one way on both sides (a minus pulled out of or into
  // a sum, −1·t, t·1, a term 0 cost nothing), then as written
  const stepSigned = signsOut(input.step);
  const whole = likeness(stepSigned, stepSigned);
  const wholeRaw = likeness(input.step, input.step);
  // a candidate that expands to the step itself, node for node, equals it: no comparison needed,
  // and none that could fail where the step is not finite at a sample point (a step written as
  // the slip prints it: 602 of the 801 full comparisons on the kit's corpus, and its 3 misses)
  const stepKey = input.step.toString();
  verdicts.set(stepKey, true);
  for (const { c } of ordered) {
    // a later place of a slip that already matched matters only if it is written more like the
    // step: then it may put its slip first (it cannot change the list of ids)
    const matched = matches.get(c.id);
    if (matched && matched.like === whole && matched.raw === wholeRaw) continue;
    if (outOfTime()) return undefined;
    stats.screened++;
    // sigma and softplus are evaluated as calls: the candidate is expanded only when it passes
    if (!timed("screen", () => mayEqual(stepValues, quickValues(c.expr, scopes), precise?.indices))) continue;
    let expanded: MathNode;
    try {
      expanded = timed("expand", () => input.expand(c.expr));
    } catch {
      continue;
    }
    if (precise && !timed("screen", () => mayEqualPrecisely(precise, expanded))) continue;
    stats.passed++;
    const like = likeness(signsOut(expanded), stepSigned);
    const raw = likeness(expanded, input.step);
    if (matched && (like < matched.like || (like === matched.like && raw <= matched.raw))) continue;
    const key = expanded.toString();
    let equal = verdicts.get(key);
    if (key === stepKey) stats.identical++;
    if (equal === undefined) {
      if (compared >= (input.maxCompared ?? 12)) continue;
      if (outOfTime()) return undefined;
      compared++;
      stats.compared++;
      try {
        // the budget bounds the comparison from inside too (deadline.ts: between sample points and
        // precision rounds), so one comparison at 1000 digits cannot overrun it by seconds
        equal = timed("compare", () => judged(expanded));
      } catch (err) {
        if (err instanceof StepUndecided) {
          stats.outOfTime = true;
          return undefined; // unknown is not unequal: no diagnosis rather than a guess
        }
        equal = false;
      }
      verdicts.set(key, equal);
    }
    if (equal && !(c.local && vanishesThere(c.local, scopes))) matches.set(c.id, { c, like, raw });
  }
  if (matches.size === 0) return undefined;
  // every match has the step's value: the one written most like the step comes first (the
  // learner's structure tells which slip they made), then the most specific (rank order)
  const scored = [...matches.values()].map((m, i) => ({ ...m, i }));
  scored.sort((a, b) => b.like - a.like || b.raw - a.raw || a.i - b.i);
  const first = scored[0].c;
  const others: Diagnosis["others"] = [];
  for (const { c: m } of scored) {
    if (m.id !== first.id && !others.some((o) => o.id === m.id)) others.push({ id: m.id, message: m.message() });
  }
  return {
    id: first.id,
    message: first.message(),
    messageTex: messageTex(first.message),
    // the rule's own result, tidied (as a hint shows it) and with a factor above and below a
    // quotient cancelled as a teacher writes it (σ·(1 − σ)/σ → 1 − σ), never re-arranged by mathjs's simplify
    expected: timed("readable", () => readableText(cancelCommonFactors(tidyExpression(first.expected)))),
    others,
  };
}
