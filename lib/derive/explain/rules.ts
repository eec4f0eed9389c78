/**
 * The differentiation rules as data, in the way SymPy Gamma's diffsteps names them: each rule
 * is a row of {@link DIFF_RULES} with an id, the name a teacher writes, its formula, a matcher
 * that names the parts of an expression it applies to (u and v of a quotient, the inner
 * function of a chain, …), and the result it builds from those parts and their derivatives.
 * The differentiator (differentiate.ts) tries the rows in order and applies the first that
 * matches; a caller may put another row (a buggy rule, say) in at one node.
 *
 * The elementary derivatives (exponential, logarithm, σ, softplus, tanh, the trigonometric
 * and hyperbolic functions and their inverses, roots, |u|) are a second table,
 * {@link KNOWN_DERIVATIVES}, read by the elementary rules and by the chain rule. It leaves out
 * the functions the verifier cannot differentiate (expm1, log2, log1p, square, cube, sign,
 * max, min): a generated step must be one the verifier checks.
 * Formulas: any calculus text (e.g. Stewart, Calculus, §3.1–3.6); σ′ = σ(1 − σ) and
 * softplus′ = σ follow from σ(u) = 1/(1 + e^(−u)) and softplus(u) = ln(1 + e^u).
 */
import type { MathNode, SymbolNode } from "mathjs";
import {
  add,
  call,
  dependsOn,
  div,
  isCall,
  isConstant,
  isFunction,
  isOp,
  isSymbolNode,
  minusOne,
  mul,
  neg,
  num,
  pow,
  substitute,
  sub,
  sym,
  template,
} from "./nodes";

/** Named parts of an expression or of its derivative, e.g. { u: 1, v: 1 + e^(−x) }. */
export type Parts = Record<string, MathNode>;

/**
 * A derivative a rule needs before it can write its result: the derivative of part `part`
 * (it is called `part′` in the result's `derivatives`) with respect to `wrt`.
 */
export interface PartRequest {
  /** The part's name, e.g. "u". */
  part: string;
  /** The expression to differentiate. */
  node: MathNode;
  /** The variable: the differentiation variable, or the chain rule's placeholder for the outer function. */
  wrt: string;
  /**
   * Where the part sits in the expression: the argument index of the node ("0", "1"), so its
   * path is the node's path extended by it; or "outer" for the chain rule's outer function,
   * which is no node of the expression (its path is the node's path with ":outer").
   */
  at: string;
}

/** What a rule's matcher found: the parts, and the derivatives of parts it needs. */
export interface RuleMatch {
  parts: Parts;
  needs: PartRequest[];
}

/** One differentiation rule: a row of the table. */
export interface DiffRule {
  /** Stable id, e.g. "quotient" (buggy rules of issue 20 use ids of their own). */
  id: string;
  /** The rule's name as a step writes it, e.g. "quotient rule". */
  name: string;
  /** The rule in symbols as `$…$` TeX, typeset in notes, e.g. "$(u/v)' = (u' \\cdot v - u \\cdot v')/v^2$". */
  formula: string;
  /**
   * The parts of `node` if the rule applies to it, else null.
   * @param node an expression without parentheses
   * @param wrt  the differentiation variable
   */
  match(node: MathNode, wrt: string): RuleMatch | null;
  /**
   * The derivative of the node, written as the rule writes it (no simplification).
   * @param parts       the matcher's parts
   * @param derivatives the derivative of each requested part, keyed by the part's name ("u" → u′)
   * @param wrt         the differentiation variable
   */
  result(parts: Parts, derivatives: Parts, wrt: string): MathNode;
}

/** A known derivative of a function of one argument u (or of u and a constant b). */
export interface KnownDerivative {
  /** The mathjs function name, e.g. "tanh". */
  fn: string;
  /** Number of arguments (2 only for log(u, b): b must be constant). */
  arity: 1 | 2;
  /** Id of the elementary rule that applies it when u is the variable itself. */
  rule: string;
  /** The derivative with respect to u, in mathjs syntax over u (and b). */
  derivative: string;
  /** The fact in symbols, for notes, as `$…$` TeX. */
  formula: string;
}

/** The elementary rules' names by id (the vocabulary a step's `rule` may name). */
export const ELEMENTARY_RULE_NAMES: Readonly<Record<string, string>> = {
  exponential: "exponential rule",
  logarithm: "logarithm rule",
  power: "power rule",
  sigmoid: "sigmoid derivative",
  softplus: "softplus derivative",
  tanh: "tanh derivative",
  trigonometric: "trigonometric derivative",
  "inverse-trigonometric": "inverse trigonometric derivative",
  hyperbolic: "hyperbolic derivative",
  "inverse-hyperbolic": "inverse hyperbolic derivative",
  abs: "absolute value derivative",
};

/**
 * A rule's name as a sentence uses it: "the quotient rule", but "logarithmic differentiation"
 * (a method, not a rule: no article).
 *
 * @param name a rule name of the vocabulary, e.g. "chain rule"
 * @returns e.g. "the chain rule"
 */
export function theRule(name: string): string {
  return name.endsWith("differentiation") ? name : `the ${name}`;
}

/** The elementary derivatives, one row per function (u is the argument). */
export const KNOWN_DERIVATIVES: readonly KnownDerivative[] = [
  { fn: "exp", arity: 1, rule: "exponential", derivative: "exp(u)", formula: "$(e^u)' = e^u$" },
  { fn: "log", arity: 1, rule: "logarithm", derivative: "1 / u", formula: "$(\\ln u)' = 1/u$" },
  { fn: "log", arity: 2, rule: "logarithm", derivative: "1 / (u * log(b))", formula: "$(\\log_b u)' = 1/(u \\ln b)$" },
  {
    fn: "log10",
    arity: 1,
    rule: "logarithm",
    derivative: "1 / (u * log(10))",
    formula: "$(\\log_{10} u)' = 1/(u \\ln 10)$",
  },
  {
    fn: "sqrt",
    arity: 1,
    rule: "power",
    derivative: "1 / (2 * sqrt(u))",
    formula: "$(\\sqrt{u})' = (u^{1/2})' = 1/(2\\sqrt{u})$",
  },
  {
    fn: "cbrt",
    arity: 1,
    rule: "power",
    derivative: "1 / (3 * cbrt(u)^2)",
    formula: "$(\\sqrt[3]{u})' = 1/(3\\sqrt[3]{u}^2)$",
  },
  // the real n-th root (b = n): ⁿ√u = u^(1/n) for u > 0, and for an odd n also −ⁿ√(−u) for u < 0; the
  // derivative (1/n)·u^(1/n − 1) is written ⁿ√u/(n·u), which holds on both sides of 0 (odd-roots.ts)
  {
    fn: "nthRoot",
    arity: 2,
    rule: "power",
    derivative: "nthRoot(u, b) / (b * u)",
    formula: "$(\\sqrt[n]{u})' = \\sqrt[n]{u}/(n \\cdot u)$",
  },
  {
    fn: "sigma",
    arity: 1,
    rule: "sigmoid",
    derivative: "sigma(u) * (1 - sigma(u))",
    formula: "$\\sigma'(u) = \\sigma(u)(1 - \\sigma(u))$",
  },
  {
    fn: "softplus",
    arity: 1,
    rule: "softplus",
    derivative: "sigma(u)",
    formula: "$\\operatorname{softplus}'(u) = \\sigma(u)$",
  },
  { fn: "tanh", arity: 1, rule: "tanh", derivative: "1 - tanh(u)^2", formula: "$\\tanh'(u) = 1 - \\tanh^2(u)$" },
  { fn: "sin", arity: 1, rule: "trigonometric", derivative: "cos(u)", formula: "$\\sin' = \\cos$" },
  { fn: "cos", arity: 1, rule: "trigonometric", derivative: "-sin(u)", formula: "$\\cos' = -\\sin$" },
  { fn: "tan", arity: 1, rule: "trigonometric", derivative: "sec(u)^2", formula: "$\\tan' = \\sec^2$" },
  {
    fn: "sec",
    arity: 1,
    rule: "trigonometric",
    derivative: "sec(u) * tan(u)",
    formula: "$\\sec' = \\sec \\cdot \\tan$",
  },
  {
    fn: "csc",
    arity: 1,
    rule: "trigonometric",
    derivative: "-csc(u) * cot(u)",
    formula: "$\\csc' = -\\csc \\cdot \\cot$",
  },
  { fn: "cot", arity: 1, rule: "trigonometric", derivative: "-csc(u)^2", formula: "$\\cot' = -\\csc^2$" },
  {
    fn: "asin",
    arity: 1,
    rule: "inverse-trigonometric",
    derivative: "1 / sqrt(1 - u^2)",
    formula: "$\\arcsin'(u) = 1/\\sqrt{1 - u^2}$",
  },
  {
    fn: "acos",
    arity: 1,
    rule: "inverse-trigonometric",
    derivative: "-1 / sqrt(1 - u^2)",
    formula: "$\\arccos'(u) = -1/\\sqrt{1 - u^2}$",
  },
  {
    fn: "atan",
    arity: 1,
    rule: "inverse-trigonometric",
    derivative: "1 / (1 + u^2)",
    formula: "$\\arctan'(u) = 1/(1 + u^2)$",
  },
  { fn: "sinh", arity: 1, rule: "hyperbolic", derivative: "cosh(u)", formula: "$\\sinh' = \\cosh$" },
  { fn: "cosh", arity: 1, rule: "hyperbolic", derivative: "sinh(u)", formula: "$\\cosh' = \\sinh$" },
  {
    fn: "sech",
    arity: 1,
    rule: "hyperbolic",
    derivative: "-sech(u) * tanh(u)",
    formula: "$\\operatorname{sech}' = -\\operatorname{sech} \\cdot \\tanh$",
  },
  {
    fn: "csch",
    arity: 1,
    rule: "hyperbolic",
    derivative: "-csch(u) * coth(u)",
    formula: "$\\operatorname{csch}' = -\\operatorname{csch} \\cdot \\coth$",
  },
  { fn: "coth", arity: 1, rule: "hyperbolic", derivative: "1 - coth(u)^2", formula: "$\\coth' = 1 - \\coth^2$" },
  {
    fn: "asinh",
    arity: 1,
    rule: "inverse-hyperbolic",
    derivative: "1 / sqrt(u^2 + 1)",
    formula: "$\\operatorname{arsinh}'(u) = 1/\\sqrt{u^2 + 1}$",
  },
  {
    fn: "acosh",
    arity: 1,
    rule: "inverse-hyperbolic",
    derivative: "1 / sqrt(u^2 - 1)",
    formula: "$\\operatorname{arcosh}'(u) = 1/\\sqrt{u^2 - 1}$",
  },
  {
    fn: "atanh",
    arity: 1,
    rule: "inverse-hyperbolic",
    derivative: "1 / (1 - u^2)",
    formula: "$\\operatorname{artanh}'(u) = 1/(1 - u^2)$",
  },
  { fn: "abs", arity: 1, rule: "abs", derivative: "abs(u) / u", formula: "$|u|' = |u|/u \\ (u \\neq 0)$" },
];

const KNOWN_TEMPLATES = new Map(
  KNOWN_DERIVATIVES.map((k) => [`${k.fn}/${k.arity}`, { ...k, node: template(k.derivative) }]),
);

/** The known derivative of a call such as tanh(u), or undefined when the table has none. */
export function knownDerivativeOf(node: MathNode): (KnownDerivative & { node: MathNode }) | undefined {
  if (!isFunction(node)) return undefined;
  const row = KNOWN_TEMPLATES.get(`${node.fn.name}/${node.args.length}`);
  return row;
}

const isE = (n: MathNode): boolean => isSymbolNode(n) && (n.name === "e" || n.name === "E");
const isVar = (n: MathNode, wrt: string): boolean => isSymbolNode(n) && n.name === wrt;
const free = (n: MathNode, wrt: string): boolean => !dependsOn(n, wrt);
const request = (part: string, node: MathNode, wrt: string, at: string): PartRequest => ({ part, node, wrt, at });
/** The matcher of a binary operator's rule (sum, difference, product, quotient): u and v are its arguments, both differentiated. */
const bothArgs =
  (op: string): DiffRule["match"] =>
  (node, wrt) =>
    isOp(node, op, 2)
      ? {
          parts: { u: node.args[0], v: node.args[1] },
          needs: [request("u", node.args[0], wrt, "0"), request("v", node.args[1], wrt, "1")],
        }
      : null;

/**
 * What the elementary part of a node is, when it has one: a call of a known function, a
 * power with a constant exponent, or a constant raised to a power. Returns the argument that
 * depends on the variable (`inner`, at argument index `at`), the id of the elementary rule,
 * and the outer function's derivative with respect to that argument, as a function of it.
 */
export interface Elementary {
  rule: string;
  inner: MathNode;
  at: number;
  /** The derivative of the outer function with respect to its argument, evaluated at `arg`. */
  outerDerivative(arg: MathNode): MathNode;
  /** The outer function applied to `arg` (the node with `arg` in place of the inner function). */
  outer(arg: MathNode): MathNode;
  formula: string;
}

/**
 * The elementary structure of a node (see {@link Elementary}), or undefined when it has none:
 * known function calls of {@link KNOWN_DERIVATIVES}, u^n with n free of the variable (power
 * rule), a^u and e^u with a free of the variable (exponential rule), pow(u, n) as u^n.
 */
export function elementaryOf(node: MathNode, wrt: string): Elementary | undefined {
  const known = knownDerivativeOf(node);
  if (known && isFunction(node)) {
    if (known.arity === 2 && !free(node.args[1], wrt)) return undefined;
    const fn = node.fn.name;
    const rest = node.args.slice(1);
    const fill = (arg: MathNode): MathNode => {
      let d = substitute(known.node, "u", arg);
      if (known.arity === 2) d = substitute(d, "b", rest[0]);
      return d;
    };
    return {
      rule: known.rule,
      inner: node.args[0],
      at: 0,
      formula: known.formula,
      outerDerivative: fill,
      outer: (arg) => call(fn, arg, ...rest.map((r) => r.cloneDeep())),
    };
  }
  const powArgs = isOp(node, "pow", 2) ? node.args : isCall(node, "pow", 2) ? node.args : undefined;
  if (powArgs) {
    const [base, exponent] = powArgs;
    if (free(exponent, wrt)) {
      return {
        rule: "power",
        inner: base,
        at: 0,
        formula: "$(u^n)' = n \\cdot u^{n-1}$",
        outerDerivative: (arg) => mul(exponent.cloneDeep(), pow(arg, minusOne(exponent))),
        outer: (arg) => pow(arg, exponent.cloneDeep()),
      };
    }
    if (free(base, wrt)) {
      return {
        rule: "exponential",
        inner: exponent,
        at: 1,
        formula: isE(base) ? "$(e^u)' = e^u$" : "$(a^u)' = a^u \\cdot \\ln a$",
        outerDerivative: (arg) =>
          isE(base) ? pow(base.cloneDeep(), arg) : mul(pow(base.cloneDeep(), arg), call("log", base.cloneDeep())),
        outer: (arg) => pow(base.cloneDeep(), arg),
      };
    }
  }
  return undefined;
}

/** Placeholder name for the chain rule's outer function: "u", or the first of w, s, r, u1, u2, … not used. */
export function placeholderFor(node: MathNode, wrt: string): string {
  for (const name of ["u", "w", "s", "r", "q"]) if (name !== wrt && !dependsOn(node, name)) return name;
  for (let i = 1; ; i++) if (!dependsOn(node, `u${i}`)) return `u${i}`;
}

/** The rows of the rule table, in the order the differentiator tries them. */
export const DIFF_RULES: readonly DiffRule[] = [
  {
    id: "constant",
    name: "constant rule",
    formula: "$c' = 0$",
    match: (node, wrt) => (free(node, wrt) ? { parts: { c: node }, needs: [] } : null),
    result: () => num(0),
  },
  {
    id: "variable",
    name: "power rule",
    formula: "$x' = 1$",
    match: (node, wrt) => (isVar(node, wrt) ? { parts: { x: node }, needs: [] } : null),
    result: () => num(1),
  },
  {
    id: "sum",
    name: "sum rule",
    formula: "$(u + v)' = u' + v'$",
    match: bothArgs("add"),
    result: (_p, d) => add(d.u, d.v),
  },
  {
    id: "difference",
    name: "sum rule",
    formula: "$(u - v)' = u' - v'$",
    match: bothArgs("subtract"),
    result: (_p, d) => sub(d.u, d.v),
  },
  {
    id: "constant-multiple",
    name: "constant multiple rule",
    formula: "$(c \\cdot u)' = c \\cdot u'$, $(u/c)' = u'/c$, $(-u)' = -u'$",
    match: (node, wrt): RuleMatch | null => {
      if (isOp(node, "unaryMinus", 1))
        return { parts: { c: num(-1), u: node.args[0] }, needs: [request("u", node.args[0], wrt, "0")] };
      if (isOp(node, "unaryPlus", 1))
        return { parts: { c: num(1), u: node.args[0] }, needs: [request("u", node.args[0], wrt, "0")] };
      if (isOp(node, "multiply", 2)) {
        const [a, b] = node.args;
        if (free(a, wrt)) return { parts: { c: a, u: b }, needs: [request("u", b, wrt, "1")] };
        if (free(b, wrt)) return { parts: { c: b, u: a, cRight: b }, needs: [request("u", a, wrt, "0")] };
      }
      if (isOp(node, "divide", 2) && free(node.args[1], wrt)) {
        return {
          parts: { c: node.args[1], u: node.args[0], cBelow: node.args[1] },
          needs: [request("u", node.args[0], wrt, "0")],
        };
      }
      return null;
    },
    result: (p, d) => {
      if (p.cBelow) return div(d.u, p.c.cloneDeep());
      if (p.cRight) return mul(d.u, p.c.cloneDeep());
      if (isConstant(p.c) && p.c.toString() === "1") return d.u;
      return isOp(p.c, "unaryMinus", 1) && p.c.args[0].toString() === "1" ? neg(d.u) : mul(p.c.cloneDeep(), d.u);
    },
  },
  {
    id: "product",
    name: "product rule",
    formula: "$(u \\cdot v)' = u' \\cdot v + u \\cdot v'$",
    match: bothArgs("multiply"),
    result: (p, d) => add(mul(d.u, p.v.cloneDeep()), mul(p.u.cloneDeep(), d.v)),
  },
  {
    id: "quotient",
    name: "quotient rule",
    formula: "$(u/v)' = (u' \\cdot v - u \\cdot v')/v^2$",
    match: bothArgs("divide"),
    result: (p, d) => div(sub(mul(d.u, p.v.cloneDeep()), mul(p.u.cloneDeep(), d.v)), pow(p.v.cloneDeep(), num(2))),
  },
  {
    id: "chain",
    name: "chain rule",
    formula: "$(f(u))' = f'(u) \\cdot u'$",
    match: (node, wrt) => {
      const el = elementaryOf(node, wrt);
      if (!el || isVar(el.inner, wrt)) return null;
      const ph = placeholderFor(node, wrt);
      const outer = el.outer(sym(ph));
      return {
        parts: { outer, inner: el.inner, placeholder: sym(ph) },
        needs: [request("outer", outer, ph, "outer"), request("inner", el.inner, wrt, String(el.at))],
      };
    },
    result: (p, d) => mul(substitute(d.outer, (p.placeholder as SymbolNode).name, p.inner), d.inner),
  },
  ...[
    "power",
    "exponential",
    "logarithm",
    "sigmoid",
    "softplus",
    "tanh",
    "trigonometric",
    "inverse-trigonometric",
    "hyperbolic",
    "inverse-hyperbolic",
    "abs",
  ].map(
    (id): DiffRule => ({
      id,
      name: ELEMENTARY_RULE_NAMES[id],
      formula:
        KNOWN_DERIVATIVES.filter((k) => k.rule === id)
          .map((k) => k.formula)
          .join("; ") || (id === "power" ? "$(x^n)' = n \\cdot x^{n-1}$" : "$(a^x)' = a^x \\cdot \\ln a$"),
      match: (node, wrt) => {
        const el = elementaryOf(node, wrt);
        return el && el.rule === id && isVar(el.inner, wrt) ? { parts: { x: el.inner, f: node }, needs: [] } : null;
      },
      result: (p, _d, wrt) => elementaryOf(p.f, wrt)!.outerDerivative(p.x.cloneDeep()),
    }),
  ),
  {
    id: "general-power",
    name: "logarithmic differentiation",
    formula: "$(u^v)' = u^v \\cdot (v' \\cdot \\ln u + v \\cdot u'/u)$",
    match: (node, wrt) => {
      const args = isOp(node, "pow", 2) || isCall(node, "pow", 2) ? node.args : undefined;
      if (!args || free(args[0], wrt) || free(args[1], wrt)) return null;
      return {
        parts: { u: args[0], v: args[1] },
        needs: [request("u", args[0], wrt, "0"), request("v", args[1], wrt, "1")],
      };
    },
    result: (p, d) =>
      mul(
        pow(p.u.cloneDeep(), p.v.cloneDeep()),
        add(mul(d.v, call("log", p.u.cloneDeep())), div(mul(p.v.cloneDeep(), d.u), p.u.cloneDeep())),
      ),
  },
];

/** The row of {@link DIFF_RULES} with this id. @throws RangeError naming the id and the known ids */
export function ruleById(id: string): DiffRule {
  const rule = DIFF_RULES.find((r) => r.id === id);
  if (!rule)
    throw new RangeError(`no differentiation rule with id "${id}" (known: ${DIFF_RULES.map((r) => r.id).join(", ")})`);
  return rule;
}
