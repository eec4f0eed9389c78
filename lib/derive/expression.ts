import type { MathNode, FunctionNode, SymbolNode } from "mathjs";
import { bigMath, PRECISION } from "./evaluate";
import { mathjsNotation } from "./typed-notation";

/**
 * The mathjs instance the engine parses and differentiates with: BigNumber numbers, so a
 * literal keeps every digit it is written with ("2.0000000000000000001" is not 2).
 */
export const math = bigMath(PRECISION);

/** Names that are constants, not variables: Euler's number and π. */
const CONSTANTS = new Set(["e", "pi", "E", "PI"]);

/**
 * Names mathjs reads as constants (Euler's number, π, the imaginary unit, …): none of them
 * may be declared as a variable.
 */
export const RESERVED_NAMES: Readonly<Record<string, string>> = {
  e: "Euler's number",
  E: "Euler's number",
  pi: "π",
  PI: "π",
  i: "the imaginary unit",
  Infinity: "infinity",
  NaN: "not-a-number",
  phi: "the golden ratio",
  tau: "2π",
  LN2: "ln 2",
  LN10: "ln 10",
  LOG2E: "log₂ e",
  LOG10E: "log₁₀ e",
  SQRT2: "√2",
  SQRT1_2: "√(1/2)",
  true: "a boolean",
  false: "a boolean",
  null: "null",
  undefined: "undefined",
  version: "the mathjs version",
};

/**
 * A user function the steps may call, such as sigma(u) = 1 / (1 + e^(-u)), or a
 * named quantity (no parameters, `symbol: true`), such as p1 = e^z1 / (e^z1 + e^z2).
 */
export interface Definition {
  params: string[];
  body: MathNode;
  symbol?: boolean;
}

/** Function names every derivation knows, with their defining formulas. */
export const BUILTIN_DEFINITIONS: Readonly<Record<string, string>> = {
  "sigma(u)": "1 / (1 + e^(-u))",
  "softplus(u)": "log(1 + e^u)",
};

/**
 * Parses an expression in mathjs syntax, naming where it came from when it fails.
 *
 * @param expr  the expression text, e.g. "e^(-x) / (1 + e^(-x))^2"
 * @param where what the expression is, for the error, e.g. `step 3 of "σ′ by the quotient rule"`
 * @param explainNodes explain()'s own bound on its function, in nodes (MAX_EXPLAIN_NODES of
 *   lib/derive/explain, passed in by explain, which imports this module): given, a text over
 *   this module's bounds is refused in explain's words ("explain takes at most 300 nodes"), so
 *   that any size over explain's bound reads the same; explain checks its bound itself after parsing
 * @returns the mathjs expression tree of the text as typed, after {@link mathjsNotation} (x², √x, π, −, ·, **)
 * @throws SyntaxError `<where>: cannot parse "<expr>": <mathjs message>` (with `(read as "…")` when the notation was rewritten), or when it holds
 *   something other than real arithmetic, names, calls and conditions (an assignment,
 *   `a; b`, a range, a matrix, the imaginary unit i); RangeError when it is longer than
 *   {@link MAX_EXPRESSION_CHARS} characters, nests brackets deeper than
 *   {@link MAX_EXPRESSION_DEPTH} or has more than {@link MAX_EXPRESSION_NODES} nodes
 */
export function parseExpression(expr: string, where: string, explainNodes?: number): MathNode {
  if (typeof expr !== "string" || expr.trim() === "") {
    throw new SyntaxError(`${where}: the expression is empty`);
  }
  checkExpressionSize(expr, where, explainNodes);
  const mathjs = mathjsNotation(expr);
  let node: MathNode;
  try {
    node = math.parse(mathjs);
  } catch (err) {
    const read = mathjs === expr ? "" : ` (read as "${shortened(mathjs)}")`;
    throw new SyntaxError(`${where}: cannot parse "${shortened(expr)}"${read}: ${(err as Error).message}`);
  }
  checkExpressionNodes(node, expr, where, explainNodes);
  return node;
}

/** The longest expression text the kit reads, in characters (the tutorials' longest is under 150). */
export const MAX_EXPRESSION_CHARS = 6000;
/** The most nodes (numbers, names, operators, calls) of one expression (explain() takes fewer, its own bound). */
export const MAX_EXPRESSION_NODES = 1000;
/** The deepest nesting of brackets in one expression. */
export const MAX_EXPRESSION_DEPTH = 100;

/**
 * Refuses, before parsing, a text too long or too deeply bracketed to check: the checks after
 * it recurse over the tree, and a page must stay responsive while it verifies.
 *
 * @param explainNodes explain()'s bound, when the text is explain's function (see {@link parseExpression})
 * @throws RangeError naming where, the size found and the bound
 */
function checkExpressionSize(expr: string, where: string, explainNodes?: number): void {
  if (expr.length > MAX_EXPRESSION_CHARS && explainNodes !== undefined)
    throw new RangeError(`${where} is ${expr.length} characters long; explain takes at most ${explainNodes} nodes`);
  if (expr.length > MAX_EXPRESSION_CHARS)
    throw new RangeError(
      `${where}: the expression is ${expr.length} characters long, more than the ${MAX_EXPRESSION_CHARS} the kit checks; split the step into shorter ones`,
    );
  let depth = 0;
  let deepest = 0;
  for (const c of expr) {
    if (c === "(" || c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === ")" || c === "]" || c === "}") depth--;
  }
  if (deepest > MAX_EXPRESSION_DEPTH)
    throw new RangeError(
      `${where}: the expression nests ${deepest} brackets deep, more than the ${MAX_EXPRESSION_DEPTH} the kit checks`,
    );
}

/**
 * The operators a step may use, by mathjs's function names: real arithmetic, and the
 * comparisons and logic of a condition `c ? a : b` (a piecewise function the verifier evaluates).
 */
const ARITHMETIC = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
  "smaller",
  "smallerEq",
  "larger",
  "largerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);

/** What a mathjs node that is not real arithmetic is, for the error that refuses it. */
function notArithmetic(n: MathNode): string | null {
  switch (n.type) {
    case "ConstantNode":
    case "ParenthesisNode":
    case "FunctionNode":
    case "ConditionalNode":
    case "RelationalNode":
      return null;
    case "SymbolNode":
      return (n as SymbolNode).name === "i" ? "the imaginary unit i (the kit works with real numbers)" : null;
    case "OperatorNode": {
      const op = n as MathNode & { fn: string; op: string };
      return ARITHMETIC.has(op.fn) ? null : `the operator "${op.op}"`;
    }
    case "AssignmentNode":
    case "FunctionAssignmentNode":
      return "an assignment (write the expression alone, without a name and =)";
    case "BlockNode":
      return "several expressions (one step is one expression)";
    case "RangeNode":
      return "a range (:)";
    default:
      return `${n.type.replace(/Node$/, "").toLowerCase()} syntax`;
  }
}

/**
 * Refuses a parsed expression that holds something other than real arithmetic, names,
 * function calls and conditions (an assignment `x = 3`, `a; b`, a range, a matrix, `x!`,
 * `mod`, the imaginary unit),
 * or more than {@link MAX_EXPRESSION_NODES} nodes.
 *
 * @param explainNodes explain()'s bound, when the text is explain's function (see {@link parseExpression})
 * @throws SyntaxError naming where, the expression and what it holds; RangeError for the size
 */
function checkExpressionNodes(node: MathNode, expr: string, where: string, explainNodes?: number): void {
  let count = 0;
  let refused: string | null = null;
  node.traverse((n) => {
    count++;
    refused ??= notArithmetic(n);
  });
  if (refused)
    throw new SyntaxError(`${where}: "${shortened(expr)}" is not an expression the kit checks: it holds ${refused}`);
  if (count > MAX_EXPRESSION_NODES) {
    // explain() reads whole functions, not steps: its words for a function too large, at any size
    if (explainNodes !== undefined)
      throw new RangeError(`${where} has ${count} nodes; explain takes at most ${explainNodes}`);
    throw new RangeError(
      `${where}: the expression has ${count} nodes (numbers, names, operators, calls), more than the ${MAX_EXPRESSION_NODES} the kit checks; split the step into shorter ones`,
    );
  }
}

/**
 * An expression as error messages quote it: whole up to 80 characters, else its first 77 and "…".
 *
 * @param expr any text
 * @returns at most 80 characters
 */
export function shortened(expr: string): string {
  return expr.length > 80 ? `${expr.slice(0, 77)}…` : expr;
}

/**
 * Parses definitions written as `{"sigma(u)": "1 / (1 + e^(-u))"}` (a function) or
 * `{"p1": "e^z1 / (e^z1 + e^z2)"}` (a named quantity, replaced wherever it appears).
 *
 * @throws SyntaxError naming the definition that does not parse or has a malformed head
 */
export function parseDefinitions(defs: Readonly<Record<string, string>>): Map<string, Definition> {
  const out = new Map<string, Definition>();
  for (const [head, body] of Object.entries(defs)) {
    const bare = /^\s*([A-Za-z_]\w*)\s*$/.exec(head);
    if (bare) {
      out.set(bare[1], { params: [], body: parseExpression(body, `definition "${head}"`), symbol: true });
      continue;
    }
    const m = /^\s*([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*\)\s*$/.exec(head);
    if (!m) throw new SyntaxError(`definition "${head}": expected a head like "f(u)", "f(u, v)" or a bare name "p1"`);
    out.set(m[1], {
      params: m[2].split(",").map((p) => p.trim()),
      body: parseExpression(body, `definition "${head}"`),
    });
  }
  return out;
}

/**
 * Replaces every call of a defined function by its body, with the arguments
 * substituted for the parameters, until no defined call is left.
 *
 * @throws RangeError when a call has the wrong number of arguments, or definitions recurse
 */
export function expandDefinitions(node: MathNode, defs: ReadonlyMap<string, Definition>, where: string): MathNode {
  let current = node;
  for (let depth = 0; depth < 16; depth++) {
    let changed = false;
    current = current.transform((n, path) => {
      if (isSymbol(n) && path !== "fn" && defs.get(n.name)?.symbol) {
        changed = true;
        return math.parse(`(${defs.get(n.name)!.body.toString()})`);
      }
      if (!isFunctionCall(n) || !defs.has(n.fn.name) || defs.get(n.fn.name)!.symbol) return n;
      const def = defs.get(n.fn.name)!;
      if (n.args.length !== def.params.length) {
        throw new RangeError(
          `${where}: ${n.fn.name} takes ${def.params.length} argument(s), got ${n.args.length} in "${n.toString()}"`,
        );
      }
      changed = true;
      const args = new Map(def.params.map((p, i) => [p, n.args[i]] as const));
      const body = def.body.transform((b) =>
        isSymbol(b) && args.has(b.name) ? math.parse(`(${args.get(b.name)!.toString()})`) : b,
      );
      return math.parse(`(${body.toString()})`);
    });
    if (!changed) return current;
  }
  throw new RangeError(`${where}: definitions expand without end (a definition calls itself?)`);
}

/** The variables an expression uses: symbols that are neither constants nor called as functions. */
export function freeVariables(node: MathNode): Set<string> {
  const names = new Set<string>();
  node.traverse((n, path) => {
    if (isSymbol(n) && path !== "fn" && !CONSTANTS.has(n.name)) names.add(n.name);
  });
  return names;
}

/** Names called as functions in an expression, e.g. "sigma" in "sigma(x) * 2". */
export function calledFunctions(node: MathNode): Set<string> {
  const names = new Set<string>();
  node.traverse((n) => {
    if (isFunctionCall(n)) names.add(n.fn.name);
  });
  return names;
}

export function isSymbol(n: MathNode): n is SymbolNode {
  return (n as SymbolNode).isSymbolNode === true;
}

export function isFunctionCall(n: MathNode): n is FunctionNode & { fn: SymbolNode } {
  return (n as FunctionNode).isFunctionNode === true && isSymbol((n as FunctionNode).fn as MathNode);
}
