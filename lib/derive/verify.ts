import type { MathNode } from "mathjs";
import { compare, expectation, PRECISION, verdictWithin, type UndecidedVerdict, type Verdict } from "./compare";
import { StepUndecided, withinDeadline } from "./deadline";
import { derivativeTex, differentiate, prepare, type Context, type VerifyOptions } from "./context";
import { parseExpression, shortened } from "./expression";
import type { DerivationSpec, StepSpec } from "./spec";
import { toTex } from "./tex";
import type { Counterexample, DerivationResult, StepResult } from "./types";
import { tidyExpression } from "./tidy";
import { diagnoseStep, emptyStats } from "./diagnose/diagnose";
import { checkNamedRule } from "./explain/rule-check";
import { undefinedPoint } from "./undefined-points";
import { evaluator } from "./evaluate";
import { showValue } from "./counterexample-text";

export { expandInDerivation, type VerifyOptions } from "./context";

/**
 * Verifies a derivation step by step. Each "rewrite" step must equal the expression
 * before it; each "differentiate" step must equal mathjs's `derivative` (unsimplified, so
 * every constant stays exact) of the expression before it; and the last step must equal
 * mathjs's `derivative` of the given function (applied once per "differentiate" step).
 * Each comparison is decided by the exact tier ("proved", with a certificate) where both
 * sides are in its class, else by sampling ("sampled": 60-digit evaluation, more where
 * the sides cancel, at points of the domain seeded from the derivation); sampling runs on
 * every step either way. See `compare`. Each step and the closing check has a time bound
 * (`options.deadline`, seconds, default 5): one not decided within it is "undecided" (ok
 * false, tier "undecided", `undecided.reason` "could not decide within 5 s: …"), see deadline.ts.
 *
 * @param spec    the derivation; see {@link DerivationSpec}
 * @param options sample count, seed, diagnosis, the time bound per step, only the verdicts (verdictsOnly)
 * @returns per-step verdicts with the deciding tier, and a counterexample for each wrong step
 *          (or the reason of each undecided one)
 * @throws RangeError when there are no steps, fewer than 16 samples, a deadline that is not a number ≥ 0, a malformed domain, or a step
 *         uses a variable with no declared domain (the message names the step and the variable)
 * @throws RangeError naming the step for: a reserved constant (e, pi, i) declared as a variable,
 *         `wrt` also defined in defs, a given function or named quantity that is not finite and
 *         real at a sample point, `derivative(…)` inside a step, a function mathjs cannot differentiate
 * @throws SyntaxError when a step does not parse (the message names the step and the expression)
 * @throws VerifierInternalError when a proof and the samples disagree (a bug of the verifier)
 */
export function verifyDerivation(spec: DerivationSpec, options: VerifyOptions = {}): DerivationResult {
  const ctx = prepare(spec, options);
  const steps: StepResult[] = [
    {
      index: 0,
      kind: "given",
      expr: spec.f,
      tex: ctx.verdictsOnly ? "" : toTex(parseExpression(spec.f, ctx.where), ctx.texNames),
      lhs: `${ctx.lhsName}(${ctx.wrtTex})`,
      rule: "",
      note: "",
      ok: true,
      tier: null,
      against: "",
    },
  ];
  let prev = ctx.given;
  let order = 0;
  // the given function's derivative when a differentiate step took it (step 1): the closing check
  // of a derivation that differentiates once compares with the same node, so it is not made again
  let givenDerivative: { node: MathNode; shown: string } | undefined;
  spec.steps.forEach((step, i) => {
    if (step.kind === "differentiate") order++;
    const against =
      step.kind === "differentiate"
        ? differentiate(prev, spec.wrt, `${ctx.where}, step ${i + 1} ("${shortened(step.expr)}")`, ctx.points)
        : prev;
    const shown =
      step.kind !== "differentiate"
        ? i === 0
          ? spec.f
          : spec.steps[i - 1].expr
        : ctx.verdictsOnly
          ? ""
          : tidyExpression(against).toString();
    if (step.kind === "differentiate" && prev === ctx.given) givenDerivative = { node: against, shown };
    const previous = i === 0 ? spec.f : spec.steps[i - 1].expr;
    const { result, node } = checkStep(
      ctx,
      i,
      step,
      against,
      order,
      shown,
      undefined,
      options.diagnose === false || ctx.verdictsOnly ? undefined : previous,
    );
    if (step.kind === "differentiate" && result.ok && !ctx.verdictsOnly) {
      const check = checkNamedRule(previous, step.expr, spec.wrt, step.rule, Object.keys(spec.defs ?? {}));
      if (check) result.ruleCheck = check;
    }
    steps.push(result);
    prev = node;
  });
  let final: StepResult | undefined;
  if (order > 0) {
    let target = ctx.given;
    if (order === 1 && givenDerivative) target = givenDerivative.node;
    else
      for (let k = 0; k < order; k++)
        target = differentiate(target, spec.wrt, `${ctx.where}, the closing check`, ctx.points);
    const closing = target;
    const verdict = verdictWithin(() =>
      withinDeadline(ctx.deadline, () =>
        compare(prev, closing, ctx.points, `${ctx.where}, the closing check`, ctx.domain),
      ),
    );
    const {
      counterexample: _drop,
      certificate: _cert,
      diagnosis: _diagnosis,
      undecided: _undecided,
      ...last
    } = steps[steps.length - 1];
    final = {
      ...last,
      index: steps.length,
      kind: "differentiate",
      lhs: derivativeTex(ctx.lhsName, ctx.wrtTex, order, ctx.domain.size),
      rule: "closing check",
      note: "the last step against mathjs derivative() of the given function",
      ok: verdict.equal,
      tier: verdict.tier,
      against:
        order === 1 && givenDerivative
          ? givenDerivative.shown
          : ctx.verdictsOnly
            ? ""
            : tidyExpression(target).toString(),
      ...verdictFields(verdict),
    };
  }
  const ok = steps.every((s) => s.ok) && (final?.ok ?? true);
  return {
    title: spec.title,
    wrt: spec.wrt,
    name: spec.name,
    steps,
    final,
    ok,
    samples: ctx.samples,
    precision: PRECISION,
    seed: ctx.seed,
  };
}

/**
 * Verifies one step of a derivation against the steps before it, optionally with its
 * expression replaced (how the mutation test puts a wrong step in). The steps before
 * it are taken as written and not checked.
 *
 * @param spec    the derivation
 * @param index   1-based step number
 * @param expr    expression to check in place of the step's own (default: the step's own)
 * @returns the step's verdict
 * @throws as {@link verifyDerivation}; RangeError when index is not a step number
 */
export function verifyStep(
  spec: DerivationSpec,
  index: number,
  expr?: string,
  options: VerifyOptions = {},
): StepResult {
  return stepChecker(spec, index, { ...options, diagnose: options.diagnose ?? true })(expr);
}

/**
 * Prepares the check of one step once (domain, sample points, the expression it must
 * equal — for a differentiate step, mathjs's derivative of the step before) and returns
 * a function that checks any expression in its place. For checking many candidate
 * expressions at one step, as the mutation test does.
 *
 * @returns (expr?) => the verdict on `expr` (default: the step's own expression)
 * @throws as {@link verifyStep}
 */
export function stepChecker(
  spec: DerivationSpec,
  index: number,
  options: VerifyOptions = {},
): (expr?: string) => StepResult {
  const ctx = prepare(spec, options);
  if (!Number.isInteger(index) || index < 1 || index > spec.steps.length) {
    throw new RangeError(`${ctx.where}: there is no step ${index} (it has ${spec.steps.length})`);
  }
  let prev = ctx.given;
  let order = 0;
  for (let i = 0; i < index - 1; i++) {
    if (spec.steps[i].kind === "differentiate") order++;
    prev = ctx.prepare(spec.steps[i].expr, `step ${i + 1}`);
  }
  const own = spec.steps[index - 1];
  if (own.kind === "differentiate") order++;
  const against =
    own.kind === "differentiate" ? differentiate(prev, ctx.wrt, `${ctx.where}, step ${index}`, ctx.points) : prev;
  // preparing what every candidate is compared with counts against the first candidate's time bound
  let judge: ((actual: MathNode) => Verdict) | undefined;
  let late: StepUndecided | undefined;
  try {
    judge = withinDeadline(ctx.deadline, () =>
      expectation(against, ctx.points, `${ctx.where}, step ${index}`, ctx.domain),
    );
  } catch (err) {
    if (!(err instanceof StepUndecided)) throw err;
    late = err;
  }
  const prepared =
    judge ??
    (() => {
      throw late;
    });
  const shown =
    own.kind === "differentiate"
      ? tidyExpression(against).toString()
      : index === 1
        ? spec.f
        : spec.steps[index - 2].expr;
  const previous = options.diagnose === true ? (index === 1 ? spec.f : spec.steps[index - 2].expr) : undefined;
  return (expr) =>
    checkStep(ctx, index - 1, { ...own, expr: expr ?? own.expr }, against, order, shown, prepared, previous).result;
}

/**
 * Checks step i (0-based) against `against`: the previous expression, or for a
 * differentiate step its derivative; `order` counts the differentiations up to and
 * including step i; `shown` is what the result names as `against` (the previous step
 * as written, or the derivative mathjs computed); `previous` (the expression before, as
 * written) asks for the diagnosis of a rejected step.
 */
function checkStep(
  ctx: Context,
  i: number,
  step: StepSpec,
  against: MathNode,
  order: number,
  shown: string,
  judge?: (actual: MathNode) => Verdict,
  previous?: string,
): { result: StepResult; node: MathNode } {
  const label = `step ${i + 1}`;
  const node = ctx.prepare(step.expr, label);
  const stepWhere = `${ctx.where}, ${label} ("${shortened(step.expr)}")`;
  const verdict = verdictWithin(() =>
    withinDeadline(ctx.deadline, () =>
      judge ? judge(node) : compare(node, against, ctx.points, stepWhere, ctx.domain),
    ),
  );
  // a step that is not a real number at a point inside the domain (1/x on (−1, 1)) is wrong
  // whatever the samples say: they never meet the point (undefined-points.ts)
  const hole = verdict.equal || verdict.tier === "undecided" ? holeIn(ctx, step.expr, label, against) : undefined;
  const result: StepResult = {
    index: i + 1,
    kind: step.kind,
    expr: step.expr,
    tex: ctx.verdictsOnly ? "" : toTex(parseExpression(step.expr, stepWhere), ctx.texNames),
    lhs: step.kind === "differentiate" ? derivativeTex(ctx.lhsName, ctx.wrtTex, order, ctx.domain.size) : "",
    rule: step.rule,
    note: step.note,
    ok: verdict.equal,
    tier: verdict.tier,
    against: shown,
    ...(hole ? { ok: false, tier: "sampled", counterexample: hole } : verdictFields(verdict)),
  };
  if (!verdict.equal && verdict.tier !== "undecided" && previous !== undefined) {
    const stats = emptyStats();
    const diagnosis = diagnoseStep({
      stats,
      budgetMs: ctx.diagnosisBudgetMs,
      kind: step.kind,
      previous: ctx.prepareForRules(previous, i === 0 ? "the given function" : `step ${i}`),
      wrt: ctx.wrt,
      step: node,
      expand: (n) => ctx.prepare(n.toString(), `${label}, a slip`),
      points: ctx.points,
      domain: ctx.domain,
      where: stepWhere,
    });
    if (diagnosis) result.diagnosis = diagnosis;
    else if (stats.outOfTime) result.diagnosisOutOfTime = true;
  }
  return { result, node };
}

/**
 * The counterexample of a step that has no value at a point inside the domain (see
 * undefined-points.ts), or undefined when it is defined on the whole domain.
 *
 * @param ctx     the derivation's context
 * @param expr    the step as written
 * @param label   "step 3", for errors of its parsing
 * @param against what the step must equal (its value at the point is `expected`)
 * @returns point, expected (the value there, or why there is none), actual "undefined (1 / x
 *   has no value there)" (the rows and the page show it) and the reason naming the part, the
 *   point and the domain, e.g. "1 / x is undefined at x = 0, inside the domain x in (-1, 1): …"
 */
function holeIn(ctx: Context, expr: string, label: string, against: MathNode): Counterexample | undefined {
  const found = undefinedPoint(ctx.prepareForRules(expr, label), ctx.domain);
  if (!found) return undefined;
  const point = Object.fromEntries(Object.entries(found.point).map(([k, v]) => [k, String(v)]));
  let expected: string;
  try {
    expected = showValue(evaluator(against.toString(), [point]).at(0, PRECISION));
  } catch {
    expected = "not a real number";
  }
  return {
    point,
    expected,
    actual: `undefined (${found.part} has no value there)`,
    reason: `${found.text}: a step must be a real number on the whole domain`,
  };
}

/** What a verdict adds to a step's result: the certificate of a proof, the counterexample of a rejection, or why it is undecided. */
function verdictFields(
  verdict: Verdict | UndecidedVerdict,
): Pick<StepResult, "certificate" | "counterexample" | "undecided"> {
  if (verdict.equal) return verdict.certificate ? { certificate: verdict.certificate } : {};
  if ("undecided" in verdict) return { undecided: verdict.undecided };
  return { counterexample: verdict.counterexample };
}
