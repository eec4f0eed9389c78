/**
 * The slip catalogue: the mistakes learners make, as data ("buggy rules", as the IDEAS
 * framework and STACK's response trees call them). One entry per slip id. A slip of a
 * `differentiate` step is a wrong version of one differentiation rule, applied at one
 * rule application of the previous expression's rule tree (explain/differentiate.ts),
 * every other application done right. A slip of a `rewrite` step is a wrong algebra
 * law applied at one node of the previous expression, the rest left as it was.
 *
 * Each entry lists its variants at a place: the wrong result there, the message that names
 * the place, and (rewrites) the right form there. `rank` orders the entries from the most
 * specific (a wrong rule for one construct) to the most generic (a sign, a term): where
 * several slips explain a step, the lowest rank is reported first.
 *
 * Formulas: any calculus text (e.g. Stewart, Calculus, §3.1–3.4) for the rules a slip
 * gets wrong; the slips are the common error classes of the tutoring literature.
 */
import type { MathNode } from "mathjs";
import type { RuleApplication } from "../explain/differentiate";
import { add, call, div, isCall, isOp, mul, neg, num, numericValue, pow, sub, substitute, sym } from "../explain/nodes";
import { minusOne } from "../explain/nodes";
import { simplifySteps } from "../explain/algebra";
import { law, quote, quoteAs } from "./show";

const s = (n: MathNode): string => quote(n);
/** The exponent 1/2 as a fraction (quoted as written, it reads \\frac{1}{2}, never 0.5). */
const half = (): MathNode => div(num(1), num(2));
/** As written (a rewrite's place is quoted exactly, not tidied). */
const w = (n: MathNode): string => quote(n, false);

/** One wrong result at one place, with the words that name it. */
export interface SlipVariant {
  /** The wrong result at the place: the buggy derivative of the node, or the wrongly rewritten node. */
  result: MathNode;
  /**
   * The mistake in words, naming the place, e.g. "the derivative −1 of the inner function −x
   * of e^(−x) is missing" (a function: the words are written only for a slip that matched).
   */
  message: () => string;
  /** Rewrite slips: the right form at the place (the derivative slips take it from the rule tree). */
  correct?: MathNode;
}

/** Where a differentiate slip is tried: a rule application and the expression it stands for. */
export interface ApplicationPlace {
  app: RuleApplication;
  /**
   * The expression the application differentiates, as the learner sees it: the node itself,
   * or for the chain rule's outer function (path "…:outer") the whole composite f(u).
   */
  shown: MathNode;
  /** For an outer function: the inner function u that its placeholder stands for. */
  inner?: MathNode;
  /**
   * For a sum or difference: the whole sum it is a part of, as the learner reads it (the
   * parser makes x^2 − sin(x) + e^x a sum of x^2 − sin(x) and e^x); the node itself otherwise.
   */
  sum?: MathNode;
}

interface SlipBase {
  /** The slip's id, e.g. "chain-inner-missing". */
  id: string;
  /** The slip in words, as the catalogue table states it. */
  summary: string;
  /** Lower is more specific; reported first when several slips explain a step. */
  rank: number;
}

/** A slip of a `differentiate` step: a buggy version of one differentiation rule. */
export interface DifferentiateSlip extends SlipBase {
  kind: "differentiate";
  /** Ids of the rule-table rows (explain/rules.ts) the slip replaces. */
  rules: readonly string[];
  /** The wrong results of the rule at this application (none where the slip does not apply). */
  variants(place: ApplicationPlace): SlipVariant[];
}

/** A slip of a `rewrite` step: a wrong algebra law at one node. */
export interface RewriteSlip extends SlipBase {
  kind: "rewrite";
  /** The wrong rewritings of this node (none where the law does not apply), each with the right form. */
  variants(node: MathNode): SlipVariant[];
}

export type Slip = DifferentiateSlip | RewriteSlip;

// ---- helpers over sums and products ----

/** A term of a sum with its sign. */
export interface Term {
  sign: 1 | -1;
  node: MathNode;
}

/** The terms of a sum or difference, flattened (a − (b + c) → a, −b, −c); a non-sum is one term. */
export function termsOf(node: MathNode, sign: 1 | -1 = 1): Term[] {
  if (isOp(node, "add", 2)) return [...termsOf(node.args[0], sign), ...termsOf(node.args[1], sign)];
  if (isOp(node, "subtract", 2)) return [...termsOf(node.args[0], sign), ...termsOf(node.args[1], sign === 1 ? -1 : 1)];
  return [{ sign, node }];
}

/** Signed terms back into a sum: a − b + c. */
export function sumOf(terms: readonly Term[]): MathNode {
  if (terms.length === 0) return num(0);
  let out = terms[0].sign === 1 ? terms[0].node.cloneDeep() : neg(terms[0].node.cloneDeep());
  for (const t of terms.slice(1)) out = t.sign === 1 ? add(out, t.node.cloneDeep()) : sub(out, t.node.cloneDeep());
  return out;
}

/** The factors of a product, flattened. */
function factorsOf(node: MathNode): MathNode[] {
  return isOp(node, "multiply", 2) ? [...factorsOf(node.args[0]), ...factorsOf(node.args[1])] : [node];
}

function productOf(factors: readonly MathNode[]): MathNode | undefined {
  if (factors.length === 0) return undefined;
  return factors.slice(1).reduce((acc, f) => mul(acc, f.cloneDeep()), factors[0].cloneDeep());
}

export const isSum = (n: MathNode): boolean => isOp(n, "add", 2) || isOp(n, "subtract", 2);
const same = (a: MathNode, b: MathNode): boolean => a.toString() === b.toString();
const isNumber = (n: MathNode, v: number): boolean => numericValue(n)?.eq(v) === true;

/** The base and exponent of a power (u^n, pow(u, n)), or undefined. */
function powerParts(n: MathNode): [MathNode, MathNode] | undefined {
  if (isOp(n, "pow", 2) || isCall(n, "pow", 2)) return [n.args[0], n.args[1]];
  return undefined;
}

/**
 * A derivative as the rules wrote it, in the final form of explain()'s algebra moves, the form
 * explain()'s notes state it in: −(2·x)/2 → −x.
 */
function simplified(node: MathNode): MathNode {
  const steps = simplifySteps(node);
  return steps.length ? steps[steps.length - 1].expr : node;
}

/** The node with `x` (the application's variable) written as the inner function it stands for. */
function real(place: ApplicationPlace, node: MathNode): MathNode {
  return place.inner ? substitute(node, place.app.wrt, place.inner) : node;
}

/**
 * The sign slips of the known derivatives (elementary-derivative-sign): the wrong derivative with
 * respect to the placeholder u, and the law in words.
 */
const WRONG_SIGN: Readonly<Record<string, { result: (u: MathNode) => MathNode; law: () => string }>> = {
  sigma: {
    result: (u) => mul(call("sigma", u.cloneDeep()), add(num(1), call("sigma", u.cloneDeep()))),
    law: () =>
      `${law("σ′(u) = σ(u)·(1 − σ(u))", "\\sigma'(u) = \\sigma(u) \\cdot (1 - \\sigma(u))")}, not ${law("σ(u)·(1 + σ(u))", "\\sigma(u) \\cdot (1 + \\sigma(u))")}`,
  },
  tanh: {
    result: (u) => add(num(1), pow(call("tanh", u.cloneDeep()), num(2))),
    law: () =>
      `${law("tanh′(u) = 1 − tanh²(u)", "\\tanh'(u) = 1 - \\tanh^2(u)")}, not ${law("1 + tanh²(u)", "1 + \\tanh^2(u)")}`,
  },
  sin: {
    result: (u) => neg(call("cos", u.cloneDeep())),
    law: () => `${law("sin′(u) = cos(u)", "\\sin'(u) = \\cos(u)")}, not ${law("−cos(u)", "-\\cos(u)")}`,
  },
  cos: {
    result: (u) => call("sin", u.cloneDeep()),
    law: () => `${law("cos′(u) = −sin(u)", "\\cos'(u) = -\\sin(u)")}, not ${law("sin(u)", "\\sin(u)")}`,
  },
};

// ---- the catalogue ----

const D = (slip: Omit<DifferentiateSlip, "kind">): DifferentiateSlip => ({ kind: "differentiate", ...slip });
const R = (slip: Omit<RewriteSlip, "kind">): RewriteSlip => ({ kind: "rewrite", ...slip });

/** Every slip the diagnosis knows, one entry per id, the differentiate slips first. */
export const SLIPS: readonly Slip[] = [
  D({
    id: "chain-inner-missing",
    rank: 1,
    rules: ["chain"],
    summary: "the inner function's derivative left out: (f∘g)′ written f′(g)",
    variants: ({ app }) => {
      const { inner, placeholder } = app.parts;
      const d = app.derivatives;
      if (isNumber(d.inner, 1)) return [];
      return [
        {
          result: substitute(d.outer, (placeholder as import("mathjs").SymbolNode).name, inner),
          message: () =>
            `the derivative ${s(simplified(d.inner))} of the inner function ${s(inner)} of ${s(app.node)} is missing (chain rule: (f(u))′ = f′(u)·u′)`,
        },
      ];
    },
  }),
  D({
    id: "product-one-term",
    rank: 2,
    rules: ["product"],
    summary: "(uv)′ written u′v or uv′",
    variants: ({ app }) => {
      const { u, v } = app.parts;
      const d = app.derivatives;
      const parts = (): string => `u = ${s(u)}, v = ${s(v)}`;
      return [
        {
          result: mul(d.u, v.cloneDeep()),
          message: () =>
            `the product rule for ${s(app.node)} has two terms, u′·v + u·v′ with ${parts()}: the term u·v′ = ${s(mul(u, d.v))} is missing`,
        },
        {
          result: mul(u.cloneDeep(), d.v),
          message: () =>
            `the product rule for ${s(app.node)} has two terms, u′·v + u·v′ with ${parts()}: the term u′·v = ${s(mul(d.u, v))} is missing`,
        },
      ];
    },
  }),
  D({
    id: "product-of-derivatives",
    rank: 2,
    rules: ["product"],
    summary: "(uv)′ written u′v′",
    variants: ({ app }) => [
      {
        result: mul(app.derivatives.u, app.derivatives.v),
        message: () =>
          `the derivative of the product ${s(app.node)} is not the product of the derivatives: (u·v)′ = u′·v + u·v′ with u = ${s(app.parts.u)}, v = ${s(app.parts.v)}`,
      },
    ],
  }),
  D({
    id: "quotient-numerator-order",
    rank: 2,
    rules: ["quotient"],
    summary: "(u/v)′ written (uv′ − u′v)/v²",
    variants: ({ app }) => {
      const { u, v } = app.parts;
      const d = app.derivatives;
      return [
        {
          result: div(sub(mul(u.cloneDeep(), d.v), mul(d.u, v.cloneDeep())), pow(v.cloneDeep(), num(2))),
          message: () =>
            `the numerator of the quotient rule for ${s(app.node)} is reversed: (u/v)′ = (u′·v − u·v′)/v², u′·v first, with u = ${s(u)}, v = ${s(v)}`,
        },
      ];
    },
  }),
  D({
    id: "quotient-denominator",
    rank: 2,
    rules: ["quotient"],
    summary: "(u/v)′ with v (or nothing) instead of v² under the numerator",
    variants: ({ app }) => {
      const { u, v } = app.parts;
      const d = app.derivatives;
      const numerator = (): MathNode => sub(mul(d.u, v.cloneDeep()), mul(u.cloneDeep(), d.v));
      const rule = (): string =>
        `the quotient rule for ${s(app.node)} divides by v² = ${w(pow(v.cloneDeep(), num(2)))}`;
      return [
        { result: div(numerator(), v.cloneDeep()), message: () => `${rule()}, not by v = ${s(v)}` },
        { result: numerator(), message: () => `${rule()}: the denominator is missing` },
      ];
    },
  }),
  D({
    id: "quotient-of-derivatives",
    rank: 2,
    rules: ["quotient"],
    summary: "(u/v)′ written u′/v′",
    variants: ({ app }) => [
      {
        result: div(app.derivatives.u, app.derivatives.v),
        message: () =>
          `the derivative of the quotient ${s(app.node)} is not the quotient of the derivatives: (u/v)′ = (u′·v − u·v′)/v² with u = ${s(app.parts.u)}, v = ${s(app.parts.v)}`,
      },
    ],
  }),
  D({
    id: "power-exponent-kept",
    rank: 2,
    rules: ["power"],
    summary: "(uⁿ)′ written n·uⁿ·u′",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      const pp = powerParts(f);
      if (pp) {
        const [, n] = pp;
        return [
          {
            result: mul(n.cloneDeep(), pow(x.cloneDeep(), n.cloneDeep())),
            message: () =>
              `the exponent ${s(n)} was kept where the power rule lowers it by one: the derivative of ${s(real(place, f))} has the factor ${s(pow(real(place, x), minusOne(n)))}, not ${s(real(place, f))} itself`,
          },
        ];
      }
      if (f && isCall(f, "sqrt", 1)) {
        return [
          {
            result: mul(num(0.5), call("sqrt", x.cloneDeep())),
            message: () =>
              `the exponent 1/2 of ${s(real(place, f))} = ${quoteAs(pow(real(place, x), half()), `(${s(real(place, x))})^(1/2)`)} was kept where the power rule lowers it by one, to −1/2: the derivative has ${quoteAs(mul(half(), pow(real(place, x), neg(half()))), `1/2·(${s(real(place, x))})^(−1/2)`)}, not ${quoteAs(mul(half(), pow(real(place, x), half())), `1/2·(${s(real(place, x))})^(1/2)`)}`,
          },
        ];
      }
      return [];
    },
  }),
  D({
    id: "power-factor-lost",
    rank: 2,
    rules: ["power"],
    summary: "(uⁿ)′ written uⁿ⁻¹·u′, the factor n left out",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      const pp = powerParts(f);
      if (!pp || isNumber(pp[1], 1) || isNumber(pp[1], 0)) return [];
      const n = pp[1];
      return [
        {
          result: pow(x.cloneDeep(), minusOne(n)),
          message: () =>
            `the factor ${s(n)} is missing: the power rule brings the exponent down in front, so the derivative of ${s(real(place, f))} has the factor ${s(mul(n.cloneDeep(), pow(real(place, x), minusOne(n))))}, not ${s(pow(real(place, x), minusOne(n)))} alone`,
        },
      ];
    },
  }),
  D({
    id: "power-rule-on-exponential",
    rank: 2,
    rules: ["exponential"],
    summary: "(aᵘ)′ written u·a^(u−1)·u′",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      const pp = powerParts(f);
      const base = pp ? pp[0] : isCall(f, "exp", 1) ? sym("e") : undefined;
      if (!base) return [];
      return [
        {
          result: mul(x.cloneDeep(), pow(base.cloneDeep(), sub(x.cloneDeep(), num(1)))),
          message: () =>
            `${s(real(place, f))} has the variable in its exponent: it is an exponential, ${law("(a^u)′ = a^u·ln a·u′", "(a^u)' = a^u \\cdot \\ln a \\cdot u'")}, not a power to differentiate with the power rule`,
        },
      ];
    },
  }),
  D({
    id: "exponential-rule-on-power",
    rank: 2,
    rules: ["power"],
    summary: "(uⁿ)′ written uⁿ·ln(u)·u′",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      if (!powerParts(f) && !(f && isCall(f, "sqrt", 1))) return [];
      return [
        {
          result: mul(f.cloneDeep(), call("log", x.cloneDeep())),
          message: () =>
            `${s(real(place, f))} is a power with a constant exponent: the power rule applies, ${law("(uⁿ)′ = n·uⁿ⁻¹·u′", "(u^n)' = n \\cdot u^{n-1} \\cdot u'")}, not the exponential rule's ${law("a^u·ln a", "a^u \\cdot \\ln a")}`,
        },
      ];
    },
  }),
  D({
    id: "elementary-derivative-sign",
    rank: 6,
    rules: ["sigmoid", "tanh", "trigonometric"],
    summary: "a sign wrong in a known derivative: σ′ = σ(1 + σ), tanh′ = 1 + tanh², sin′ = −cos, cos′ = sin",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      const name = (f as { fn?: { name?: string } } | undefined)?.fn?.name ?? "";
      if (!Object.hasOwn(WRONG_SIGN, name) || !isCall(f, name, 1)) return [];
      const row = WRONG_SIGN[name];
      return [
        {
          result: row.result(x),
          message: () => `the derivative of ${s(real(place, f))} has the wrong sign inside: ${row.law()}`,
        },
      ];
    },
  }),
  D({
    id: "abs-sign",
    rank: 2,
    rules: ["abs"],
    summary: "|u|′ written u′ where u < 0 on the domain, or −u′ where u > 0",
    variants: (place) => {
      const f = place.app.parts.f;
      const x = place.app.parts.x;
      if (!isCall(f, "abs", 1)) return [];
      // the variant that matches a rejected step tells the sign of u: u′ is wrong only where u < 0
      const absLaw = (): string =>
        `(${law("|u|′ = |u|/u·u′", "|u|' = |u|/u \\cdot u'")}: ${law("u′", "u'")} where ${law("u > 0", "u > 0")}, ${law("−u′", "-u'")} where ${law("u < 0", "u < 0")})`;
      const u = (): MathNode => real(place, x);
      const abs = (): MathNode => real(place, f);
      return [
        {
          result: num(1),
          message: () =>
            `${s(u())} < 0 on the domain, so ${s(abs())} = ${s(neg(u()))} there and its derivative is that of ${s(neg(u()))}: the step differentiates ${s(abs())} as if it were ${s(u())} ${absLaw()}`,
        },
        {
          result: num(-1),
          message: () =>
            `${s(u())} > 0 on the domain, so ${s(abs())} = ${s(u())} there and its derivative is that of ${s(u())}: the step differentiates ${s(abs())} as if it were ${s(neg(u()))} ${absLaw()}`,
        },
      ];
    },
  }),
  D({
    id: "constant-not-zero",
    rank: 3,
    rules: ["constant"],
    summary: "a constant term differentiated to itself or to 1",
    variants: ({ app }) => {
      const c = app.parts.c;
      if (isNumber(c, 0)) return [];
      const out: SlipVariant[] = [
        {
          result: c.cloneDeep(),
          message: () => `the constant ${s(c)} differentiates to 0, not to ${isNumber(c, 1) ? "1" : "itself"}`,
        },
      ];
      if (!isNumber(c, 1))
        out.push({ result: num(1), message: () => `the constant ${s(c)} differentiates to 0, not to 1` });
      return out;
    },
  }),
  D({
    id: "constant-factor-lost",
    rank: 3,
    rules: ["constant-multiple"],
    summary: "(c·u)′ written u′",
    variants: ({ app }) => {
      const { c, u } = app.parts;
      if (isNumber(c, 1)) return [];
      const how = (): string =>
        app.parts.cBelow ? `(u/c)′ = u′/c with c = ${s(c)}` : `(c·u)′ = c·u′ with c = ${s(c)}`;
      return [
        {
          result: app.derivatives.u,
          message: () => `the constant factor of ${s(app.node)} is lost: ${how()}, u = ${s(u)}`,
        },
      ];
    },
  }),
  D({
    id: "sum-term-dropped",
    rank: 4,
    rules: ["sum", "difference"],
    summary: "one term of a sum left out",
    variants: ({ app, sum }) => {
      const { u, v } = app.parts;
      const d = app.derivatives;
      const minus = app.rule.id === "difference";
      // a term, or a bracketed group of terms the learner dropped as one (its derivative left out whole)
      const part = (t: MathNode): string => (isSum(t) ? `group (${s(t)})` : `term ${s(t)}`);
      return [
        {
          result: minus ? neg(d.v) : d.v,
          message: () => `the derivative of the ${part(u)} of ${s(sum ?? app.node)} is missing`,
        },
        { result: d.u, message: () => `the derivative of the ${part(v)} of ${s(sum ?? app.node)} is missing` },
      ];
    },
  }),
  D({
    id: "sign-flip",
    rank: 5,
    rules: ["sum", "difference", "product", "quotient"],
    summary: "one term's sign flipped, nothing else wrong",
    variants: ({ app, sum }) => {
      const { u, v } = app.parts;
      const d = app.derivatives;
      const out: SlipVariant[] = [];
      const flipped = (what: string) => `the sign of ${what} is flipped`;
      if (app.rule.id === "sum" || app.rule.id === "difference") {
        const minus = app.rule.id === "difference";
        // a term, or a bracketed group of terms whose derivative's sign was flipped as one
        const part = (t: MathNode): string => (isSum(t) ? `group (${s(t)})` : `term ${s(t)}`);
        out.push({
          result: minus ? sub(neg(d.u), d.v) : add(neg(d.u), d.v),
          message: () => flipped(`the derivative of the ${part(u)} in the derivative of ${s(sum ?? app.node)}`),
        });
        out.push({
          result: minus ? add(d.u, d.v) : sub(d.u, d.v),
          message: () => flipped(`the derivative of the ${part(v)} in the derivative of ${s(sum ?? app.node)}`),
        });
      } else if (app.rule.id === "product") {
        out.push({
          result: add(neg(mul(d.u, v.cloneDeep())), mul(u.cloneDeep(), d.v)),
          message: () => flipped(`the term u′·v = ${s(mul(d.u, v))} of the product rule for ${s(app.node)}`),
        });
        out.push({
          result: sub(mul(d.u, v.cloneDeep()), mul(u.cloneDeep(), d.v)),
          message: () => flipped(`the term u·v′ = ${s(mul(u, d.v))} of the product rule for ${s(app.node)}`),
        });
      } else {
        const v2 = (): MathNode => pow(v.cloneDeep(), num(2));
        out.push({
          result: div(add(mul(d.u, v.cloneDeep()), mul(u.cloneDeep(), d.v)), v2()),
          message: () =>
            flipped(`the term u·v′ = ${s(mul(u, d.v))} in the numerator of the quotient rule for ${s(app.node)}`),
        });
        out.push({
          result: div(sub(neg(mul(d.u, v.cloneDeep())), mul(u.cloneDeep(), d.v)), v2()),
          message: () =>
            flipped(`the term u′·v = ${s(mul(d.u, v))} in the numerator of the quotient rule for ${s(app.node)}`),
        });
      }
      return out;
    },
  }),
  R({
    id: "split-denominator-sum",
    rank: 2,
    summary: "a/(b + c) rewritten a/b + a/c",
    variants: (node) => {
      if (!isOp(node, "divide", 2) || !isSum(node.args[1])) return [];
      const [a, den] = node.args;
      const terms = termsOf(den);
      return [
        {
          result: sumOf(terms.map((t) => ({ sign: t.sign, node: div(a.cloneDeep(), t.node.cloneDeep()) }))),
          correct: node.cloneDeep(),
          message: () =>
            `a fraction does not split over a sum in its denominator: ${w(node)} is not ${terms.map((t, i) => `${i === 0 ? (t.sign === 1 ? "" : "−") : t.sign === 1 ? " + " : " − "}${w(a)}/${w(t.node)}`).join("")}`,
        },
      ];
    },
  }),
  R({
    id: "cancel-across-sum",
    rank: 2,
    summary: "a term of a sum cancelled against a factor: (a + b)/a → b",
    variants: (node) => {
      if (!isOp(node, "divide", 2) || !isSum(node.args[0])) return [];
      const [top, den] = node.args;
      const terms = termsOf(top);
      const denFactors = factorsOf(den);
      const out: SlipVariant[] = [];
      terms.forEach((t, i) => {
        const tf = factorsOf(t.node);
        for (let j = 0; j < tf.length; j++) {
          const k = denFactors.findIndex((f) => same(f, tf[j]));
          if (k < 0) continue;
          const rest = terms.filter((_, m) => m !== i);
          const keptFactors = tf.filter((_, m) => m !== j);
          const newDen = productOf(denFactors.filter((_, m) => m !== k));
          const over = (n: MathNode): MathNode => (newDen ? div(n, newDen.cloneDeep()) : n);
          const kept = productOf(keptFactors);
          const cancelled = kept ? { sign: t.sign, node: kept } : undefined;
          // the slip: the factor cancelled from one term and the denominator, the other terms not divided
          const wrongTerms = cancelled ? [...rest.slice(0, i), cancelled, ...rest.slice(i)] : rest;
          const fixedTerm = cancelled ? over(cancelled.node) : over(num(1));
          const correct = add(t.sign === 1 ? fixedTerm : neg(fixedTerm), div(sumOf(rest), den.cloneDeep()));
          const message = (): string =>
            `${w(tf[j])} divides only the term ${w(t.node)} of the numerator ${w(top)}, so it cannot be cancelled against the denominator of ${w(node)}`;
          out.push({ result: over(sumOf(wrongTerms)), correct, message });
          if (!cancelled)
            out.push({ result: over(sumOf([{ sign: t.sign, node: num(1) }, ...rest])), correct, message });
          break;
        }
      });
      return out;
    },
  }),
  R({
    id: "exponential-of-sum",
    rank: 2,
    summary: "e^(a+b) rewritten e^a + e^b",
    variants: (node) => {
      const pp = powerParts(node);
      const base = pp ? pp[0] : isCall(node, "exp", 1) ? sym("e") : undefined;
      const exponent = pp ? pp[1] : isCall(node, "exp", 1) ? node.args[0] : undefined;
      if (!base || !exponent || !isSum(exponent)) return [];
      const terms = termsOf(exponent);
      const powerOf = (t: Term): MathNode => pow(base.cloneDeep(), t.node.cloneDeep());
      const correct = terms
        .map((t) => (t.sign === 1 ? powerOf(t) : pow(base.cloneDeep(), neg(t.node.cloneDeep()))))
        .reduce((acc, f) => mul(acc, f));
      return [
        {
          result: sumOf(terms.map((t) => ({ sign: t.sign, node: powerOf(t) }))),
          correct,
          message: () =>
            `a power whose exponent is a sum is a product of powers, not a sum: ${w(node)} = ${w(correct)}`,
        },
      ];
    },
  }),
  R({
    id: "log-of-sum",
    rank: 2,
    summary: "log(a + b) rewritten log a + log b",
    variants: (node) => {
      if (!(isCall(node, "log", 1) || isCall(node, "log10", 1)) || !isSum(node.args[0])) return [];
      const fn = (node as import("mathjs").FunctionNode & { fn: import("mathjs").SymbolNode }).fn.name;
      const terms = termsOf(node.args[0]);
      return [
        {
          result: sumOf(terms.map((t) => ({ sign: t.sign, node: call(fn, t.node.cloneDeep()) }))),
          correct: node.cloneDeep(),
          message: () =>
            `the logarithm of a sum does not split: ${law("log(a·b) = log a + log b", "\\log(a \\cdot b) = \\log a + \\log b")} holds for a product, and ${w(node)} has a sum inside`,
        },
      ];
    },
  }),
  R({
    id: "power-of-sum",
    rank: 2,
    summary: "(a + b)ⁿ rewritten aⁿ + bⁿ",
    variants: (node) => {
      const pp = powerParts(node);
      const root = isCall(node, "sqrt", 1);
      const base = pp ? pp[0] : root ? node.args[0] : undefined;
      if (!base || !isSum(base) || (pp && isNumber(pp[1], 1))) return [];
      const terms = termsOf(base);
      const powerOf = (t: MathNode): MathNode =>
        root ? call("sqrt", t.cloneDeep()) : pow(t.cloneDeep(), pp![1].cloneDeep());
      const message = (): string =>
        `a power of a sum is not the sum of the powers: ${w(node)} ≠ ${terms.map((t, i) => `${i === 0 ? (t.sign === 1 ? "" : "−") : t.sign === 1 ? " + " : " − "}${w(powerOf(t.node))}`).join("")}`;
      const out: SlipVariant[] = [
        {
          result: sumOf(terms.map((t) => ({ sign: t.sign, node: powerOf(t.node) }))),
          correct: node.cloneDeep(),
          message,
        },
      ];
      if (!root && terms.some((t) => t.sign === -1)) {
        out.push({
          result: sumOf(terms.map((t) => ({ sign: 1, node: powerOf(t.sign === 1 ? t.node : neg(t.node)) }))),
          correct: node.cloneDeep(),
          message,
        });
      }
      return out;
    },
  }),
  R({
    id: "negation-distribution",
    rank: 2,
    summary: "−(a − b) rewritten −a − b",
    variants: (node) => {
      let inside: MathNode | undefined;
      let before: MathNode | undefined;
      if (isOp(node, "unaryMinus", 1) && isSum(node.args[0])) inside = node.args[0];
      else if (isOp(node, "subtract", 2) && isSum(node.args[1])) [before, inside] = node.args;
      if (!inside) return [];
      const within = inside;
      const terms = termsOf(within);
      const wrong: Term[] = [{ sign: terms[0].sign === 1 ? -1 : 1, node: terms[0].node }, ...terms.slice(1)];
      const right: Term[] = terms.map((t) => ({ sign: t.sign === 1 ? -1 : 1, node: t.node }));
      const build = (ts: Term[]): MathNode => (before ? sumOf([{ sign: 1, node: before }, ...ts]) : sumOf(ts));
      return [
        {
          result: build(wrong),
          correct: build(right),
          message: () =>
            `the minus sign in front of (${w(within)}) changes the sign of every term inside, not only of the first: ${w(node)} = ${w(build(right))}`,
        },
      ];
    },
  }),
];

/** The catalogue entry with this id. @throws RangeError naming the id and the known ids */
export function slipById(id: string): Slip {
  const slip = SLIPS.find((x) => x.id === id);
  if (!slip) throw new RangeError(`no slip with id "${id}" (known: ${SLIPS.map((x) => x.id).join(", ")})`);
  return slip;
}
