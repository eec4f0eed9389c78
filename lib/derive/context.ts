/**
 * What verifying a derivation needs before any step is compared: the parsed domain,
 * the seeded sample points, the function definitions, and helpers that parse a step,
 * expand its definitions and check its names. Used by verify.ts.
 */
import type { MathNode } from "mathjs";
import { parseDomain, samplePoints, type Domain } from "./domain";
import {
  BUILTIN_DEFINITIONS, calledFunctions, expandDefinitions, freeVariables, math, parseDefinitions, parseExpression,
  type Definition,
} from "./expression";
import type { DerivationSpec } from "./spec";
import { toTex } from "./tex";

/** Options of {@link verifyDerivation}. */
export interface VerifyOptions {
  /** Sample points of the numeric tier (default 24, at least 16). */
  samples?: number;
  /** Seed of the sample points (default "stepwise"). */
  seed?: string;
}

/** Everything prepared once per derivation. */
export interface Context {
  where: string;
  wrt: string;
  samples: number;
  seed: string;
  domain: Domain;
  points: Record<string, string>[];
  given: MathNode;
  texNames: Readonly<Record<string, string>>;
  lhsName: string;
  wrtTex: string;
  prepare(expr: string, label: string): MathNode;
}

/**
 * Parses the domain and definitions, draws the sample points and prepares the given function.
 * @throws as verifyDerivation
 */
export function prepare(spec: DerivationSpec, options: VerifyOptions): Context {
  const where = `derivation "${spec.title}"`;
  const samples = options.samples ?? 24;
  const seed = options.seed ?? "stepwise";
  if (!Array.isArray(spec.steps) || spec.steps.length === 0) throw new RangeError(`${where} has no steps: add .differentiate(…) or .rewrite(…)`);
  if (!Number.isInteger(samples) || samples < 16) throw new RangeError(`${where}: samples must be an integer ≥ 16, got ${samples}`);
  const domain = parseDomain(spec.domain, where);
  if (!domain.has(spec.wrt)) throw new RangeError(`${where}: the variable ${spec.wrt} has no declared domain`);
  const defs = definitionsFor(spec, where);
  const texNames = spec.texNames ?? {};
  const prepareExpr = (expr: string, label: string): MathNode => {
    const stepWhere = `${where}, ${label} ("${expr}")`;
    const expanded = expandDefinitions(parseExpression(expr, `${where}, ${label}`), defs, stepWhere);
    checkNames(expanded, domain, stepWhere);
    return expanded;
  };
  return {
    where, wrt: spec.wrt, samples, seed, domain, texNames,
    points: samplePoints(domain, samples, seed),
    given: prepareExpr(spec.f, "the given function"),
    lhsName: toTex(math.parse(spec.name), texNames),
    wrtTex: toTex(math.parse(spec.wrt), texNames),
    prepare: prepareExpr,
  };
}

/**
 * Parses an expression in the context of a derivation and expands the functions it
 * calls (sigma, softplus, the derivation's own name, its defs) into their formulas.
 * @throws SyntaxError / RangeError as {@link verifyDerivation}
 */
export function expandInDerivation(spec: DerivationSpec, expr: string): MathNode {
  const where = `derivation "${spec.title}"`;
  return expandDefinitions(parseExpression(expr, where), definitionsFor(spec, where), where);
}

function definitionsFor(spec: DerivationSpec, where: string): Map<string, Definition> {
  const defs = parseDefinitions({ ...BUILTIN_DEFINITIONS, ...(spec.defs ?? {}) });
  const own = /^[A-Za-z_]\w*$/.test(spec.name) && !defs.has(spec.name) && typeof (math as unknown as Record<string, unknown>)[spec.name] !== "function";
  if (own) defs.set(spec.name, { params: [spec.wrt], body: parseExpression(spec.f, `${where}, the given function`) });
  return defs;
}

function checkNames(node: MathNode, domain: Domain, where: string): void {
  for (const v of freeVariables(node)) {
    if (!domain.has(v)) {
      throw new RangeError(`${where}: the variable ${v} has no declared domain (declared: ${[...domain.keys()].join(", ")})`);
    }
  }
  for (const fn of calledFunctions(node)) {
    if (typeof (math as unknown as Record<string, unknown>)[fn] !== "function") {
      throw new RangeError(`${where}: unknown function ${fn}(…); declare it in defs, e.g. { "${fn}(u)": "…" }`);
    }
  }
}

export function differentiate(node: MathNode, wrt: string, where: string): MathNode {
  try {
    return math.derivative(node, wrt);
  } catch (err) {
    throw new RangeError(`${where}: mathjs derivative() failed on "${node.toString()}": ${(err as Error).message}`);
  }
}

export function derivativeTex(name: string, wrt: string, order: number, variables: number): string {
  if (variables > 1) {
    const power = order > 1 ? `^{${order}}` : "";
    return `\\frac{\\partial${power} ${name}}{\\partial ${wrt}${power}}`;
  }
  return `${name}${"'".repeat(order)}(${wrt})`;
}
