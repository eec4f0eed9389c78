/**
 * What verifying a derivation needs before any step is compared: the parsed domain,
 * the seeded sample points, the function definitions, and helpers that parse a step,
 * expand its definitions and check its names. Used by verify.ts.
 */
import type { MathNode } from "mathjs";
import { undefinedPoint } from "./undefined-points";
import { contentSeed, DEFAULT_SAMPLES, parseDomain, samplePoints, type Domain } from "./domain";
import { boundedAt, pointIntervals } from "./double-interval";
import { DEFAULT_DEADLINE_SECONDS } from "./deadline";
import { evaluator, OVERFLOW, PRECISION_BOUND, PRECISION_LEVELS, type RealValue, unsettled } from "./evaluate";
import { isVerifierFunction, VERIFIER_FUNCTIONS, verifierMath } from "./math-functions";
import {
  BUILTIN_DEFINITIONS,
  calledFunctions,
  expandDefinitions,
  freeVariables,
  math,
  parseDefinitions,
  parseExpression,
  RESERVED_NAMES,
  type Definition,
  shortened,
} from "./expression";
import { builtinMeaning, checkHeadNames } from "./head-names";
import { realRoots } from "./odd-roots";
import { resolvePieces } from "./piecewise";
import type { DerivationSpec } from "./spec";
import { toTex } from "./tex";

/** Options of {@link verifyDerivation}. */
export interface VerifyOptions {
  /** Sample points of the sampling tier (default 64, at least 16). */
  samples?: number;
  /** Seed of the sample points (default: drawn from the derivation's content, see contentSeed). */
  seed?: string;
  /**
   * Name the slip of a rejected step (`diagnosis` in its verdict, lib/derive/diagnose).
   * Default true for verifyDerivation and verifyStep, false for stepChecker (the mutation test).
   */
  diagnose?: boolean;
  /**
   * The time bound of each step (and of the closing check), in seconds (default 5,
   * DEFAULT_DEADLINE_SECONDS; Infinity for none). A step not decided within it is "undecided"
   * (ok false, tier "undecided", with the reason): see deadline.ts.
   */
  deadline?: number;
  /**
   * The time budget of the diagnosis of a rejected step, in ms (default DIAGNOSIS_BUDGET_MS,
   * lib/derive/diagnose/diagnose.ts; CPU time in Node, wall-clock time in the browser; Infinity
   * for none). A diagnosis that runs out names no slip and sets `diagnosisOutOfTime`.
   */
  diagnosisBudgetMs?: number;
  /**
   * Only the verdicts (default false): every comparison runs as without it, but what a
   * derivation's rows show besides the verdicts is not made: each step's `tex` and a
   * differentiate step's (and the closing check's) `against` are "", and there is no rule check
   * (`ruleCheck`) and no diagnosis. For explain()'s check of the steps it generated, which
   * reads only ok, tier, the counterexample and the reason of an undecided step.
   */
  verdictsOnly?: boolean;
}

/** Everything prepared once per derivation. */
export interface Context {
  where: string;
  wrt: string;
  samples: number;
  seed: string;
  /** The time bound of each step, in seconds (VerifyOptions.deadline). */
  deadline: number;
  /** The diagnosis's time budget in ms (VerifyOptions.diagnosisBudgetMs); undefined: the diagnosis's default. */
  diagnosisBudgetMs: number | undefined;
  /** VerifyOptions.verdictsOnly: no TeX, no shown comparison, no rule check, no diagnosis. */
  verdictsOnly: boolean;
  domain: Domain;
  points: Record<string, string>[];
  given: MathNode;
  texNames: Readonly<Record<string, string>>;
  lhsName: string;
  wrtTex: string;
  prepare(expr: string, label: string): MathNode;
  /**
   * Parses an expression for the rule table of the slip diagnosis: the derivation's own
   * definitions expanded, sigma and softplus kept (the rules know them).
   */
  prepareForRules(expr: string, label: string): MathNode;
}

/** The seed of a derivation's sample points when none is given: drawn from its function, variable, domain and defs. */
export function derivationSeed(spec: Pick<DerivationSpec, "f" | "wrt" | "domain" | "defs">): string {
  return contentSeed({ f: spec.f, wrt: spec.wrt, domain: spec.domain, defs: spec.defs ?? {} });
}

/**
 * Parses the domain and definitions, draws the sample points and prepares the given function.
 * @throws as verifyDerivation
 */
export function prepare(spec: DerivationSpec, options: VerifyOptions): Context {
  const where = `derivation "${spec.title}"`;
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? derivationSeed(spec);
  if (!Array.isArray(spec.steps) || spec.steps.length === 0)
    throw new RangeError(`${where} has no steps: add .differentiate(…) or .rewrite(…)`);
  if (!Number.isInteger(samples) || samples < 16)
    throw new RangeError(`${where}: samples must be an integer ≥ 16, got ${samples}`);
  const deadline = options.deadline ?? DEFAULT_DEADLINE_SECONDS;
  if (typeof deadline !== "number" || Number.isNaN(deadline) || deadline < 0)
    throw new RangeError(
      `${where}: deadline must be a number of seconds ≥ 0 (Infinity for none), got ${String(deadline)}`,
    );
  const diagnosisBudgetMs = options.diagnosisBudgetMs;
  if (diagnosisBudgetMs !== undefined && (typeof diagnosisBudgetMs !== "number" || !(diagnosisBudgetMs >= 0)))
    throw new RangeError(
      `${where}: diagnosisBudgetMs must be a number of ms ≥ 0 (Infinity for none), got ${String(diagnosisBudgetMs)}`,
    );
  const domain = parseDomain(spec.domain, where);
  for (const name of domain.keys()) {
    if (Object.hasOwn(RESERVED_NAMES, name)) {
      throw new RangeError(
        `${where}: ${name} is a constant (${RESERVED_NAMES[name]}), not a variable: give the variable another name than ${name}`,
      );
    }
  }
  if (!domain.has(spec.wrt)) throw new RangeError(`${where}: the variable ${spec.wrt} has no declared domain`);
  checkHeadNames(spec, where);
  const defs = definitionsFor(spec, where);
  const texNames = spec.texNames ?? {};
  const prepareExpr = (expr: string, label: string): MathNode => {
    const stepWhere = `${where}, ${label} ("${shortened(expr)}")`;
    const parsed = parseExpression(expr, `${where}, ${label}`);
    checkNoDerivative(parsed, stepWhere);
    const expanded = expandDefinitions(parsed, defs, stepWhere);
    checkNames(expanded, domain, stepWhere);
    return expanded;
  };
  const points = samplePoints(domain, samples, seed);
  const given = prepareExpr(spec.f, "the given function");
  checkFiniteOnPoints(given, points, `${where}, the given function ("${spec.f}")`);
  // a pole inside the domain that no sample meets (x·(1/x) on (−1, 1)): undefined-points.ts
  const hole = undefinedPoint(given, domain);
  if (hole)
    throw new RangeError(
      `${where}, the given function ("${shortened(spec.f)}"): ${hole.text}; a function must be a real number on the whole domain: declare a domain that leaves the point out`,
    );
  checkBuiltinName(spec, given, points, prepareExpr, where);
  for (const [head, body] of Object.entries(spec.defs ?? {})) {
    const d = defs.get(head.trim());
    if (d?.symbol) {
      const node = expandDefinitions(d.body, defs, `${where}, defs entry ${head}`);
      checkNames(node, domain, `${where}, defs entry ${head} ("${body}")`);
      checkFiniteOnPoints(node, points, `${where}, defs entry ${head} ("${body}")`);
    }
  }
  return {
    where,
    wrt: spec.wrt,
    samples,
    seed,
    deadline,
    diagnosisBudgetMs,
    verdictsOnly: options.verdictsOnly === true,
    domain,
    texNames,
    points,
    given,
    lhsName: toTex(math.parse(spec.name), texNames),
    wrtTex: toTex(math.parse(spec.wrt), texNames),
    prepare: prepareExpr,
    prepareForRules: (expr, label) => {
      const own = new Map([...defs].filter(([name]) => name !== "sigma" && name !== "softplus"));
      return expandDefinitions(parseExpression(expr, `${where}, ${label}`), own, `${where}, ${label}`);
    },
  };
}

/**
 * Parses an expression in the context of a derivation and expands the functions it
 * calls (sigma, softplus, the derivation's own name, its defs) into their formulas.
 * @throws SyntaxError / RangeError as {@link verifyDerivation}
 */
export function expandInDerivation(spec: DerivationSpec, expr: string): MathNode {
  const where = `derivation "${spec.title}"`;
  // returned for double-precision use (compile().evaluate with numbers), as before
  return doubleMath.parse(
    expandDefinitions(parseExpression(expr, where), definitionsFor(spec, where), where).toString(),
  );
}

const doubleMath = verifierMath();

function definitionsFor(spec: DerivationSpec, where: string): Map<string, Definition> {
  const defs = parseDefinitions({ ...BUILTIN_DEFINITIONS, ...(spec.defs ?? {}) });
  const own =
    /^[A-Za-z_]\w*$/.test(spec.name) &&
    !defs.has(spec.name) &&
    typeof (math as unknown as Record<string, unknown>)[spec.name] !== "function";
  if (own) defs.set(spec.name, { params: [spec.wrt], body: parseExpression(spec.f, `${where}, the given function`) });
  return defs;
}

/** Letters a reader may type as they are printed, and the names the verifier knows them by. */
const ASCII_NAMES: Readonly<Record<string, string>> = {
  ŷ: "yhat",
  σ: "sigma",
  α: "alpha",
  β: "beta",
  γ: "gamma",
  δ: "delta",
  ε: "epsilon",
  ζ: "zeta",
  η: "eta",
  θ: "theta",
  κ: "kappa",
  λ: "lambda",
  μ: "mu",
  ν: "nu",
  ξ: "xi",
  ρ: "rho",
  τ: "tau",
  φ: "phi",
  χ: "chi",
  ψ: "psi",
  ω: "omega",
};

/** Textbook names of functions the verifier knows under mathjs's name: what it is, and how the kit writes it. */
const USUAL_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  ln: ["the natural logarithm ln u", "log(u)"],
  σ: ["the sigmoid σ(u)", "sigma(u)"],
  arcsin: ["arcsin u", "asin(u)"],
  arccos: ["arccos u", "acos(u)"],
  arctan: ["arctan u", "atan(u)"],
  arsinh: ["arsinh u", "asinh(u)"],
  artanh: ["artanh u", "atanh(u)"],
  sgn: ["the sign sgn u", "sign(u)"],
  sigmoid: ["the sigmoid σ(u)", "sigma(u)"],
  logistic: ["the logistic function σ(u)", "sigma(u)"],
  relu: ["ReLU(u)", "max(u, 0)"],
  ReLU: ["ReLU(u)", "max(u, 0)"],
  arccot: ["arccot u", "acot(u)"],
  arcsec: ["arcsec u", "asec(u)"],
  arccsc: ["arccsc u", "acsc(u)"],
  arcsinh: ["arsinh u", "asinh(u)"],
  arcosh: ["arcosh u", "acosh(u)"],
  arccosh: ["arcosh u", "acosh(u)"],
  arctanh: ["artanh u", "atanh(u)"],
  tg: ["the tangent tg u", "tan(u)"],
  ctg: ["the cotangent ctg u", "cot(u)"],
  cosec: ["the cosecant cosec u", "csc(u)"],
};

/**
 * A name that is a function (the verifier's, sigma, softplus, or a textbook name of one) but
 * stands as a variable, because its argument was typed without brackets (`sin x`, `ln x` read
 * as sin·x, ln·x): what to write instead.
 *
 * @param name a free variable of an expression that has no declared domain
 * @returns e.g. "sin is a function typed without brackets, so it reads as a variable: write
 *   sin(…)"; null for a name that is no function
 */
export function functionWithoutBrackets(name: string): string | null {
  if (isVerifierFunction(name) || name === "sigma" || name === "softplus")
    return `${name} is a function typed without brackets, so it reads as a variable: write ${name}(…)`;
  const usual = USUAL_NAMES[name];
  return usual
    ? `${name} is a function typed without brackets, so it reads as a variable: the kit writes ${usual[0]} as ${usual[1]}`
    : null;
}

/**
 * Checks that an expression uses only declared variables and functions the verifier knows:
 * a variable outside the domain (with "write ŷ as yhat" for a letter typed as printed), a
 * variable called like a function (`yhat(1 - yhat)`), an unknown function, Infinity or NaN, a
 * literal that is not a number (a quoted string, true, null).
 *
 * @param node an expression with its definitions expanded (`expandInDerivation`)
 * @param domain the declared variables
 * @param where what is checked, for errors (a derivation, step and expression)
 * @throws RangeError naming the variable, function or literal
 */
export function checkNames(node: MathNode, domain: Domain, where: string): void {
  node.traverse((n) => {
    const sym = n as { isSymbolNode?: boolean; name?: string };
    if (sym.isSymbolNode && (sym.name === "Infinity" || sym.name === "NaN"))
      throw new RangeError(
        `${where}: ${sym.name} is not a real number; the kit checks expressions of finite real numbers`,
      );
    const c = n as { isConstantNode?: boolean; value?: unknown };
    const v = c.value;
    if (c.isConstantNode && ((typeof v === "number" && !Number.isFinite(v)) || (math.isBigNumber(v) && !v.isFinite())))
      throw new RangeError(
        `${where}: ${n.toString()} is not a real number; the kit checks expressions of finite real numbers`,
      );
    if (c.isConstantNode && !(typeof v === "number" || math.isBigNumber(v)))
      throw new RangeError(
        `${where}: ${n.toString()} is ${c.value === null || c.value === undefined ? String(c.value) : `a ${typeof c.value}`}, not a number; write an expression of numbers and variables (no quotes)`,
      );
  });
  for (const v of freeVariables(node)) {
    if (!domain.has(v)) {
      const called = functionWithoutBrackets(v);
      if (called) throw new RangeError(`${where}: ${called}`);
      const ascii = ASCII_NAMES[v];
      const hint = ascii && domain.has(ascii) ? `; write ${v} as ${ascii}` : "";
      throw new RangeError(
        `${where}: the variable ${shortened(v)} has no declared domain (declared: ${[...domain.keys()].join(", ")})${hint}`,
      );
    }
  }
  for (const fn of calledFunctions(node)) {
    if (domain.has(fn)) {
      throw new RangeError(
        `${where}: ${fn}(…) calls ${fn} as a function, but ${fn} is a variable: write ${fn} * (…) for a product`,
      );
    }
    if (!isVerifierFunction(fn)) {
      const usual = USUAL_NAMES[fn];
      if (usual) throw new RangeError(`${where}: unknown function ${fn}(…): the kit writes ${usual[0]} as ${usual[1]}`);
      throw new RangeError(
        `${where}: unknown function ${fn}(…): the verifier knows ${VERIFIER_FUNCTIONS.join(", ")} ` +
          `(and sigma, softplus); declare ${fn} in defs, e.g. { "${fn}(u)": "…" }`,
      );
    }
  }
}

/**
 * The reference derivative: mathjs `derivative` without its double-precision simplification
 * (constants such as ε = 1e-15, 1/ln 2 or 1/√2 stay exact); the exact tier normalises it.
 * Given the sample points, max, min and abs in `wrt` are first replaced by the piece they
 * equal on the domain (piecewise.ts), so hinge and ReLU-like functions are differentiated.
 *
 * @param points the derivation's sample points; without them max/min are left to mathjs (which refuses them)
 * @throws RangeError naming the place and the construct mathjs cannot differentiate, or the
 *         max/min/abs that has a kink inside the domain
 */
export function differentiate(
  node: MathNode,
  wrt: string,
  where: string,
  points?: readonly Record<string, string>[],
): MathNode {
  let conditional = false;
  node.traverse((n) => {
    if ((n as { isConditionalNode?: boolean }).isConditionalNode) conditional = true;
  });
  if (conditional) {
    throw new RangeError(
      `${where}: cannot differentiate "${node.toString()}": it contains a conditional (a ? b : c); ` +
        "write the function without it (e.g. with abs or max) or derive each case separately",
    );
  }
  const pieces = points ? resolvePieces(node, wrt, points, where) : node;
  try {
    return realRoots(pieces, math.derivative(pieces, wrt, { simplify: false }));
  } catch (err) {
    const msg = (err as Error).message;
    const fn = /Cannot process function "(\w+)"/.exec(msg);
    const why = fn ? `mathjs cannot differentiate ${fn[1]}(…)` : msg;
    throw new RangeError(
      `${where}: cannot differentiate "${node.toString()}": ${why}; write the step with functions mathjs differentiates (sigma, log, exp, powers, …)`,
    );
  }
}

/** A step must be an expression, not a request for mathjs's derivative. */
function checkNoDerivative(node: MathNode, where: string): void {
  for (const fn of calledFunctions(node)) {
    if (fn === "derivative") {
      throw new RangeError(
        `${where}: derivative(…) inside an expression is not allowed: write the derivative as an expression (that is what the step is for)`,
      );
    }
  }
}

/**
 * A derivation may carry the name of a built-in function of one argument only for that
 * function (notebook 10 names ∂log(u)/∂u "log" and ∂(e^u)/∂u "exp"): `name: "sigma"` with
 * f = x² would print σ(x) = x² and then reject `.rewrite("sigma(x)")`. Compares f with
 * name(wrt) at the first sample points in 60-digit arithmetic; a name that cannot be called
 * with one argument (pow, max, a mathjs-only function) is left alone.
 *
 * @param spec     the derivation (its name, wrt and f, for the error)
 * @param given    f, parsed and expanded
 * @param points   the sample points, as decimal strings per variable
 * @param prepare  parses and expands an expression in this derivation (throws on a bad call)
 * @param where    the derivation, for errors
 * @throws RangeError naming the name, f and a point where f and name(wrt) differ
 */
function checkBuiltinName(
  spec: DerivationSpec,
  given: MathNode,
  points: Record<string, string>[],
  prepare: (expr: string, label: string) => MathNode,
  where: string,
): void {
  const name = typeof spec.name === "string" ? spec.name.trim() : "";
  if (!/^[A-Za-z_]\w*$/.test(name) || builtinMeaning(name) === undefined) return;
  if (Object.keys(spec.defs ?? {}).some((h) => h.replace(/\(.*$/, "").trim() === name)) return; // checkHeadNames judged a name defs also defines ("p1" or "p1(u)")
  let call: MathNode;
  try {
    call = prepare(`${name}(${spec.wrt})`, `the name ${name}`);
  } catch {
    return; // not a function of one argument
  }
  const n = Math.min(points.length, 8);
  const fe = evaluator(given.toString(), points);
  const ce = evaluator(call.toString(), points);
  for (let i = 0; i < n; i++) {
    let fv: RealValue;
    let cv: RealValue;
    try {
      fv = fe.at(i, PRECISION_LEVELS[0]);
      cv = ce.at(i, PRECISION_LEVELS[0]);
    } catch {
      return; // name(wrt) cannot be evaluated: not a one-argument function here
    }
    if (typeof fv === "string" || typeof cv === "string") continue;
    const diff = fv.minus(cv).abs();
    if (diff.gt(fv.abs().times(1e-30)) && diff.gt(cv.abs().times(1e-30)) && diff.gt(1e-40)) {
      const at = Object.entries(points[i])
        .map(([k, x]) => `${k} = ${x.length > 14 ? Number(x).toPrecision(12) : x}`)
        .join(", ");
      throw new RangeError(
        `${where}: name "${name}" is ${builtinMeaning(name)}, but f = "${spec.f}" is not ${name}(${spec.wrt}) ` +
          `(they differ at ${at}); give the function another name, e.g. "g"`,
      );
    }
  }
}

/**
 * The given function (or a named quantity) must be a real number the sampling tier can evaluate at
 * every sample point. More digits are tried while the value is unsettled; a real number beyond
 * decimal.js's range (OVERFLOW, e^(e^x) on (40, 41)) is said to be one, not "not finite" (which
 * says there is no value), and no more digits are tried for it (no precision represents it).
 *
 * @param node   the expression, definitions expanded
 * @param points the derivation's sample points
 * @param where  the derivation and the part, for the message
 * @throws RangeError naming the part, the point and what the value is there
 */
function checkFiniteOnPoints(node: MathNode, points: Record<string, string>[], where: string): void {
  const e = evaluator(node.toString(), points);
  const fast = pointIntervals(node.toString(), points);
  for (let i = 0; i < points.length; i++) {
    if (boundedAt(fast, i)) continue; // certainly finite and real (double-interval.ts)
    let v = e.at(i, PRECISION_LEVELS[0]);
    for (let k = 1; typeof v === "string" && v !== OVERFLOW && k < PRECISION_LEVELS.length; k++)
      v = e.at(i, PRECISION_LEVELS[k]);
    if (typeof v === "string") {
      const at = Object.entries(points[i])
        .map(([k, x]) => `${k} = ${x}`)
        .join(", ");
      throw new RangeError(
        v === OVERFLOW
          ? `${where} forms ${OVERFLOW} at ${at} (its value, or a part of it): a finite real number, not an undefined one, but one no precision evaluates; narrow the declared domain, or write it so that it does not form so large a value`
          : unsettled(v)
            ? `${where} is not settled at ${at} by ${PRECISION_BOUND} digits (${v}): write it in a form that does not cancel there, or narrow the declared domain`
            : `${where} is ${v} at ${at}; it must be a finite real number on the whole domain: check the declared domain`,
      );
    }
  }
}

export function derivativeTex(name: string, wrt: string, order: number, variables: number): string {
  if (variables > 1) {
    const power = order > 1 ? `^{${order}}` : "";
    return `\\frac{\\partial${power} ${name}}{\\partial ${wrt}${power}}`;
  }
  return `${name}${"'".repeat(order)}(${wrt})`;
}
