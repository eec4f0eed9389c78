/**
 * Small helpers over mathjs expression trees for the rule-by-rule differentiator: building
 * nodes (with the engine's BigNumber instance, so every constant stays exact), asking
 * whether a node depends on a variable, substituting, and addressing a node by its path.
 *
 * A *path* names a node of an expression by the argument indices that lead to it from the
 * root, joined with ".": "" is the root, "0" its first argument, "0.1" the second argument
 * of that. Parentheses are not nodes here ({@link withoutParens} removes them first), so a
 * path is the same whether the text was written with or without redundant parentheses.
 */
import type {
  BigNumber,
  ConstantNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
} from "mathjs";
import { math } from "../expression";
import { powerExponent } from "../math-text";
import { memoOf } from "./node-memo";

/** A node's address in an expression; see the module comment. */
export type NodePath = string;

export const isConstant = (n: MathNode): n is ConstantNode => (n as ConstantNode).isConstantNode === true;
export const isSymbolNode = (n: MathNode): n is SymbolNode => (n as SymbolNode).isSymbolNode === true;
export const isOperator = (n: MathNode): n is OperatorNode => (n as OperatorNode).isOperatorNode === true;
export const isFunction = (n: MathNode): n is FunctionNode & { fn: SymbolNode } =>
  (n as FunctionNode).isFunctionNode === true && isSymbolNode((n as FunctionNode).fn as MathNode);

/** True when `n` is the operator `fn` ("add", "multiply", "unaryMinus", …) with `arity` arguments. */
export function isOp(n: MathNode, fn: string, arity?: number): n is OperatorNode {
  return isOperator(n) && n.fn === fn && (arity === undefined || n.args.length === arity);
}

/** True when `n` calls the function `name`, with `arity` arguments when given. */
export function isCall(n: MathNode, name: string, arity?: number): n is FunctionNode & { fn: SymbolNode } {
  return isFunction(n) && n.fn.name === name && (arity === undefined || n.args.length === arity);
}

/**
 * The tree without ParenthesisNodes (mathjs prints the parentheses a tree needs by itself). A
 * subtree without brackets is returned as it is, not copied (mathjs's transform copies every
 * node), so the keys, texts and sizes kept for its nodes stay valid; a node of a kind the
 * explain code does not build (arrays, conditionals, …) goes through mathjs's transform.
 */
export function withoutParens(node: MathNode): MathNode {
  let m = node;
  while ((m as ParenthesisNode).isParenthesisNode) m = (m as ParenthesisNode).content;
  if (isOperator(m) || isFunction(m)) {
    const args = m.args.map(withoutParens);
    for (let i = 0; i < args.length; i++) if (args[i] !== m.args[i]) return withArgs(m, args);
    return m;
  }
  if (isSymbolNode(m) || isConstant(m)) return m;
  return m.transform((n) => {
    let c = n;
    while ((c as ParenthesisNode).isParenthesisNode) c = (c as ParenthesisNode).content;
    return c === n ? n : withoutParens(c);
  });
}

/** Whether the expression contains the variable `name` (not as a called function's name). */
export function dependsOn(node: MathNode, name: string): boolean {
  let found = false;
  node.traverse((n, path) => {
    if (!found && isSymbolNode(n) && n.name === name && path !== "fn") found = true;
  });
  return found;
}

/** The children of a node the paths index (operator and function arguments). */
export function childrenOf(node: MathNode): readonly MathNode[] {
  return isOperator(node) || isFunction(node) ? node.args : [];
}

/**
 * The node at a path.
 * @param root an expression without ParenthesisNodes
 * @param path e.g. "0.1"
 * @returns the node
 * @throws RangeError naming the path and the expression when the path leads nowhere
 */
export function nodeAt(root: MathNode, path: NodePath): MathNode {
  let n = root;
  for (const part of path === "" ? [] : path.split(".")) {
    const kids = childrenOf(n);
    const i = Number(part);
    if (!Number.isInteger(i) || i < 0 || i >= kids.length) {
      throw new RangeError(
        `no node at path "${path}" of "${root.toString()}" ("${n.toString()}" has ${kids.length} argument(s))`,
      );
    }
    n = kids[i];
  }
  return n;
}

/**
 * A new operator or function node like `node` with other arguments (the arguments are shared,
 * not copied: the explain code never changes a node once built).
 */
export function withArgs(node: MathNode, args: MathNode[]): MathNode {
  if (isOperator(node))
    return new math.OperatorNode(node.op as never, node.fn as never, args, (node as { implicit?: boolean }).implicit);
  if (isFunction(node)) return new math.FunctionNode(node.fn, args);
  throw new TypeError(`withArgs: "${node.toString()}" has no arguments`);
}

/** The path of argument `i` of the node at `path`. */
export const childPath = (path: NodePath, i: number): NodePath => (path === "" ? `${i}` : `${path}.${i}`);

/** The number of nodes of an expression (parentheses not counted): the size the bench and the input bound use. */
export function nodeCount(node: MathNode): number {
  let count = 0;
  node.traverse((n) => {
    if (!(n as ParenthesisNode).isParenthesisNode) count++;
  });
  // a FunctionNode's name is a SymbolNode traversed as a child: do not count it
  node.traverse((n, path) => {
    if (path === "fn" && isSymbolNode(n)) count--;
  });
  return count;
}

/** Replaces every free occurrence of the variable `name` by `value` (a fresh copy each time). */
export function substitute(node: MathNode, name: string, value: MathNode): MathNode {
  return node.transform((n, path) => (isSymbolNode(n) && n.name === name && path !== "fn" ? value.cloneDeep() : n));
}

/**
 * The interned structures: the text of a node built from its children's ids ("multiply(#3,#7)")
 * → the node's id ("#12"). Every key is short (one operator and a few ids), so taking a key,
 * hashing it in a Map and comparing two keys cost the same for a large tree as for a leaf, where
 * prefix text of the whole subtree grows with the tree's size times its depth. Emptied when it
 * holds {@link KEY_TABLE_LIMIT} entries, at a point where no key is held ({@link releaseKeys}).
 */
const interned = new Map<string, string>();
/** Bumped when the table is emptied (caches elsewhere keyed by keys compare it, see {@link keyGeneration}). */
let generation = 0;
const KEY_TABLE_LIMIT = 1_000_000;
/** The interned text "fn(k1,k2)" of an operator or function whose arguments have keys; written out for one and two arguments (most nodes), as map and join cost more than the key itself. */
function callText(fn: string, args: readonly MathNode[]): string {
  if (args.length === 1) return `${fn}(${keyOf(args[0])})`;
  if (args.length === 2) return `${fn}(${keyOf(args[0])},${keyOf(args[1])})`;
  return `${fn}(${args.map(keyOf).join(",")})`;
}

/**
 * A node's structural key: equal keys, equal trees (parentheses skipped), for one process
 * between two {@link releaseKeys} calls. The key of a leaf is its text ("x", "2"); that of an
 * operator or function an id ("#12") of its name and its arguments' keys, interned, so it is
 * short whatever the size of the tree. Cached per node: nodes must not be changed after their
 * key is taken. Keys are for equality and maps only (their order and text mean nothing).
 */
export function keyOf(n: MathNode): string {
  const memo = memoOf(n);
  if (memo.keyGeneration === generation) return memo.key as string;
  let k: string;
  if ((n as ParenthesisNode).isParenthesisNode) k = keyOf((n as ParenthesisNode).content);
  else if (isConstant(n)) k = String(n.value);
  else if (isSymbolNode(n)) k = n.name;
  else {
    const text = isOperator(n) ? callText(n.fn, n.args) : isFunction(n) ? callText(n.fn.name, n.args) : n.toString();
    let id = interned.get(text);
    if (id === undefined) {
      id = `#${interned.size}`;
      interned.set(text, id);
    }
    k = id;
  }
  memo.key = k;
  memo.keyGeneration = generation;
  return k;
}

/**
 * Empties the table of keys when it has grown past its bound (a long-running kernel); call only
 * where no key taken before is still held to be compared with a key taken after (at the start
 * of a top-level explain()). Keys cached on nodes are then taken again.
 * @returns true when the table was emptied (the caller empties its own caches of keys too)
 */
export function releaseKeys(): boolean {
  if (interned.size < KEY_TABLE_LIMIT) return false;
  interned.clear();
  generation++;
  return true;
}

/** The generation of the keys: changes when {@link releaseKeys} empties the table (caches keyed by keys are then stale). */
export const keyGeneration = (): number => generation;

/** mathjs's private printer of one node (its own text, its arguments through the handler). */
type OwnPrinter = { _toString(options: object): string };

/**
 * {@link textbookText}, kept per node (node-memo.ts, `subtext`): the handler {@link printed} prints
 * with. A subtree's text does not depend on where it stands: mathjs prints each argument with the
 * same options and the parent adds any parentheses around it (OperatorNode._toString). The lines of
 * a simplification share all but their rewritten part, so each line prints its new nodes only.
 */
function cachedText(node: MathNode, options: object): string | undefined {
  if (!isOperator(node) && !isFunction(node)) return textbookText(node, options);
  const memo = memoOf(node);
  let t = memo.subtext;
  if (t === undefined) {
    t =
      textbookText(node, options) ?? operatorText(node, options) ?? (node as unknown as OwnPrinter)._toString(options);
    memo.subtext = t;
  }
  return t;
}

/**
 * The precedence mathjs gives the explain code's operators (the order of their groups in mathjs's
 * expression/operators.js: sums below products below unary signs below powers); only the order matters.
 */
const PRECEDENCE: Readonly<Record<string, number>> = {
  add: 1,
  subtract: 1,
  multiply: 2,
  divide: 2,
  unaryPlus: 3,
  unaryMinus: 3,
  pow: 4,
};

/**
 * A node's precedence as mathjs's getPrecedence gives it with parenthesis "keep": null for a
 * symbol, a literal or a function call (never bracketed); undefined for a node this printer leaves
 * to mathjs (brackets, implicit products, other operators and node types).
 */
function precedenceOf(n: MathNode): number | null | undefined {
  if (isOperator(n)) {
    const p = PRECEDENCE[n.fn];
    if (p === undefined || (n as { implicit?: boolean }).implicit) return undefined;
    return n.args.length === (p === 3 ? 1 : 2) ? p : undefined;
  }
  return isSymbolNode(n) || isConstant(n) || isFunction(n) ? null : undefined;
}

/**
 * mathjs's OperatorNode text (its _toString with parenthesis "keep" and implicit "hide") for the
 * operators of {@link PRECEDENCE} with their usual arity, the arguments printed through `options`
 * (so through the cache); undefined for any other node, which mathjs prints. Brackets follow
 * mathjs's calculateNecessaryParentheses: an argument of lower precedence is bracketed; of equal
 * precedence, the left one of a right-associative power and the right one of a left-associative
 * operator unless the operator is associative with it (+ with + and −, · with · and ÷); a unary
 * sign's operand of equal or lower precedence. mathjs's own getPrecedence scans its whole table of
 * operators for each argument, most of the cost of printing a line. printed.test compares the two
 * on every node of the explain corpus and of random trees.
 */
function operatorText(node: MathNode, options: object): string | undefined {
  if (!isOperator(node)) return undefined;
  const p = precedenceOf(node);
  if (p === undefined || p === null) return undefined;
  const args = node.args;
  if (p === 3) {
    const q = precedenceOf(args[0]);
    if (q === undefined) return undefined;
    const operand = args[0].toString(options);
    return node.op + (q !== null && q <= p ? `(${operand})` : operand);
  }
  const lp = precedenceOf(args[0]);
  const rp = precedenceOf(args[1]);
  if (lp === undefined || rp === undefined) return undefined;
  const fn = node.fn;
  const withRight = (arg: MathNode) =>
    (fn === "add" && (isOp(arg, "add") || isOp(arg, "subtract"))) ||
    (fn === "multiply" && (isOp(arg, "multiply") || isOp(arg, "divide")));
  // only pow is right-associative among these: its left argument of equal precedence is bracketed
  const lhsParens = lp !== null && (lp < p || (lp === p && fn === "pow"));
  const rhsParens = rp !== null && (rp < p || (rp === p && fn !== "pow" && !withRight(args[1])));
  const lhs = args[0].toString(options);
  const rhs = args[1].toString(options);
  return `${lhsParens ? `(${lhs})` : lhs} ${node.op} ${rhsParens ? `(${rhs})` : rhs}`;
}

/** The options of {@link printed}'s toString (one object: mathjs passes it down the tree). */
const PRINT_OPTIONS = { handler: cachedText };

/**
 * mathjs's text of a node as a textbook writes it (its toString, with e ^ (x ^ 2) in
 * parentheses; and {@link signsInFront}: no bare minus factor inside a product), kept per node: a
 * step's line is printed once however often it is asked for.
 */
export function printed(n: MathNode): string {
  const memo = memoOf(n);
  let t = memo.text;
  if (t === undefined) {
    t = signsInFront(n).toString(PRINT_OPTIONS);
    memo.text = t;
  }
  return t;
}

/**
 * {@link printed}'s text made by mathjs's own OperatorNode printer throughout (no cache, no
 * {@link operatorText}): the reference printed.test compares {@link printed} with.
 */
export function printedByMathjs(n: MathNode): string {
  return signsInFront(n).toString({ handler: textbookText });
}

/** Structural equality (parentheses ignored). */
export function sameNode(a: MathNode, b: MathNode): boolean {
  return keyOf(a) === keyOf(b);
}

/**
 * mathjs's toString handler of {@link printed}: a number in plain digits (1250000000 and 0.00001,
 * never mathjs's 1.25e+9 and 1e-5), a power's exponent that is a power in parentheses (powerExponent).
 */
function textbookText(node: MathNode, options?: object): string | undefined {
  if (isConstant(node) && math.isBigNumber(node.value) && node.value.isFinite()) return node.value.toFixed();
  return powerExponent(node, options);
}

/**
 * The same expression with the sign of every product in front: a unary minus that is a later
 * factor of a product or the divisor of a quotient (x ^ 2 * -e ^ (-x), a / -b), or the minus of a
 * whole product (-(x ^ 2 * e ^ (-x)), -(3 / 4)), moves to the product's first factor
 * (-x ^ 2 * e ^ (-x), -a / b, -3 / 4); a negative factor after a negative first one is put in
 * parentheses (-a * (-b)), as is a negative term after + or − (a - (-b)). mathjs reads -a * b as (-a)·b and
 * -x ^ 2 as −(x²), so the value is the same.
 * @param n an expression without parentheses (not modified; untouched subtrees are shared)
 * @returns the expression with no unary minus as a non-leading factor
 */
export function signsInFront(n: MathNode): MathNode {
  if (!isOperator(n) && !isFunction(n)) return n;
  const memo = memoOf(n);
  let out = memo.signed;
  if (out === undefined) {
    out = signsInFrontOnce(n);
    memo.signed = out;
  }
  return out;
}

/**
 * {@link signsInFront}'s result for each operator or function node it was given: a node's result
 * depends on its subtree only, and the lines of a simplification share all but their rewritten
 * part, so printing a new line walks its new nodes only. Nodes are never changed once built.
 */

/** {@link signsInFront} of an operator or function node, its arguments through the cache. */
function signsInFrontOnce(n: OperatorNode | FunctionNode): MathNode {
  const args = n.args.map(signsInFront);
  let changed = false;
  for (let i = 0; i < args.length; i++) if (args[i] !== n.args[i]) changed = true;
  if (isOp(n, "multiply", 2) || isOp(n, "divide", 2)) {
    const [a, b] = args;
    // both negative (the chain rule's −u^(−2)·(−e^(−x))): both signs stay, for the next step to cancel
    if (startsNegative(b) && startsNegative(a))
      return new math.OperatorNode(n.op, n.fn, [a, new math.ParenthesisNode(b)]);
    if (startsNegative(b)) return new math.OperatorNode(n.op, n.fn, [negateFirst(a), negateFirst(b)]);
  }
  // −(2·u·v) → −2·u·v, −(x / 4) → −x / 4: the minus of a product or quotient goes on its first factor
  if (isOp(n, "unaryMinus", 1) && (isOp(args[0], "multiply", 2) || isOp(args[0], "divide", 2)))
    return negateFirst(args[0]);
  // a − −b and a + −b (a term the rules left negative, −b or −b·c) in parentheses: a − (−b), a + (−b·c)
  if ((isOp(n, "add", 2) || isOp(n, "subtract", 2)) && startsNegative(args[1]))
    return new math.OperatorNode(n.op, n.fn, [args[0], new math.ParenthesisNode(args[1])]);
  if (!changed) return n;
  return isOperator(n) ? new math.OperatorNode(n.op, n.fn, args) : new math.FunctionNode(n.fn, args);
}

/** Whether a term prints with a minus first: −a, or a product or quotient whose first factor is −a. */
function startsNegative(n: MathNode): boolean {
  if (isOp(n, "unaryMinus", 1)) return true;
  return (isOp(n, "multiply", 2) || isOp(n, "divide", 2)) && startsNegative(n.args[0]);
}

/** −a with the minus on a's first factor (through products and numerators); −(−a) is a. */
function negateFirst(a: MathNode): MathNode {
  if (isOp(a, "unaryMinus", 1)) return a.args[0];
  if (isOp(a, "multiply", 2) || isOp(a, "divide", 2))
    return new math.OperatorNode(a.op, a.fn, [negateFirst(a.args[0]), a.args[1]]);
  return new math.OperatorNode("-", "unaryMinus", [a]);
}

// ---- builders: plain nodes, no simplification (the rules write what the textbook writes) ----

/**
 * The BigNumber of each value {@link num} was given, by the value (a number or a string: a Map
 * keeps 1 and "1" apart, and both are the same number anyway): the rules write the same few
 * constants (1, 2, −1, the exponents) for every function, and mathjs's bignumber() (a
 * typed-function dispatch, then the digits parsed) costs more than the node. A BigNumber is
 * never changed (decimal.js returns new ones), so nodes may share it. Emptied at 10 000 entries.
 */
const numbers = new Map<number | string, BigNumber>();

/** An exact numeric literal (BigNumber); a negative value is the unary minus of its absolute value. */
export function num(value: number | string): MathNode {
  // −0 is not looked up: a Map takes it for the key 0
  let big = Object.is(value, -0) ? undefined : numbers.get(value);
  if (big === undefined) {
    if (numbers.size >= 10_000) numbers.clear();
    big = math.bignumber(value) as BigNumber;
    if (!Object.is(value, -0)) numbers.set(value, big);
  }
  if (big.isNegative() && !big.isZero()) return neg(new math.ConstantNode(big.neg()));
  return new math.ConstantNode(big);
}
export const sym = (name: string): MathNode => new math.SymbolNode(name);
export const add = (a: MathNode, b: MathNode): MathNode => new math.OperatorNode("+", "add", [a, b]);
export const sub = (a: MathNode, b: MathNode): MathNode => new math.OperatorNode("-", "subtract", [a, b]);
export const mul = (a: MathNode, b: MathNode): MathNode => new math.OperatorNode("*", "multiply", [a, b]);
export const div = (a: MathNode, b: MathNode): MathNode => new math.OperatorNode("/", "divide", [a, b]);
export const pow = (a: MathNode, b: MathNode): MathNode => new math.OperatorNode("^", "pow", [a, b]);
export const neg = (a: MathNode): MathNode => new math.OperatorNode("-", "unaryMinus", [a]);
export const call = (name: string, ...args: MathNode[]): MathNode =>
  new math.FunctionNode(new math.SymbolNode(name), args);

/** The numeric value of a literal or the unary minus of one, else undefined. */
export function numericValue(n: MathNode): import("mathjs").BigNumber | undefined {
  if (isConstant(n)) {
    const v = n.value as unknown;
    if (math.isBigNumber(v)) return v;
    if (typeof v === "number") return math.bignumber(v);
    return undefined;
  }
  if (isOp(n, "unaryMinus", 1)) return numericValue(n.args[0])?.neg();
  return undefined;
}

/**
 * `n − 1` for an exponent: computed exactly when n is a number (2 → 1, −1 → −2, 0.5 → −0.5),
 * else written out as n − 1.
 */
export function minusOne(n: MathNode): MathNode {
  const v = numericValue(n);
  return v === undefined ? sub(n, num(1)) : num(v.minus(1).toString());
}

/** Parses a template such as "1 / (2 * sqrt(u))" once (parentheses removed). */
export function template(text: string): MathNode {
  return withoutParens(math.parse(text));
}
