/**
 * The rule-by-rule differentiator: a derivative as a tree of named rule applications (as SymPy
 * Gamma's diffsteps builds it), each node of the tree one row of the rule table (rules.ts)
 * applied at one node of the expression, with the parts it named and the derivatives of
 * those parts as child applications.
 *
 * API (what explain() and the slip diagnosis of issue 20 build on):
 * - `ruleTree(f, wrt, options?)` → the {@link RuleApplication} tree of f′: `.result` is f′,
 *   `.rule` the row applied at the root, `.parts` its parts (u, v for the product and quotient
 *   rules; outer, inner for the chain rule), `.derivatives` the parts' derivatives (u → u′),
 *   `.children` the applications that computed them.
 * - `ruleApplications(tree)` → every application, root first (pre-order), each with its `path`.
 * - `differentiateByRules(f, wrt, { replace: { at: path, rule } })` → f′ computed with `rule`
 *   (any {@link DiffRule}, e.g. a buggy one) at the node at `path` instead of the table's
 *   choice, every other node done right. `options.choose` picks rules more generally.
 */
import type { MathNode } from "mathjs";
import { parseExpression, shortened } from "../expression";
import { childPath, withoutParens, type NodePath } from "./nodes";
import { DIFF_RULES, type DiffRule, type Parts, type RuleMatch } from "./rules";

/** One rule applied at one node: a node of the derivative's rule tree. */
export interface RuleApplication {
  /**
   * Where: the node's path in the differentiated expression (see nodes.ts: "" is the root,
   * "0.1" the second argument of its first argument). The chain rule's outer function is no
   * node of the expression: its application has the chain node's path plus ":outer", and
   * paths below it continue from there ("0:outer.0").
   */
  path: NodePath;
  /** The row of the rule table applied (its `id`, `name`, `formula`). */
  rule: DiffRule;
  /** The expression differentiated here (a subtree of f, or the chain rule's outer function over its placeholder). */
  node: MathNode;
  /** The variable: the differentiation variable, or the chain rule's placeholder for an outer function. */
  wrt: string;
  /** The parts the rule named, e.g. { u: 1, v: 1 + e^(−x) } or { outer: u^(−1), inner: 1 + e^(−x), placeholder: u }. */
  parts: Parts;
  /** The derivative of each part the rule needed, keyed by the part's name ("u" → u′), as the result uses them. */
  derivatives: Parts;
  /** The derivative of `node` with respect to `wrt`, as the rule writes it (unsimplified). */
  result: MathNode;
  /** The applications that computed `derivatives`, in the order of the rule's requests. */
  children: RuleApplication[];
}

/** Options of {@link ruleTree}. */
export interface RuleTreeOptions {
  /**
   * Apply `rule` at the node at path `at` instead of the table's choice (the rest done by the
   * table). The rule's matcher must accept that node.
   */
  replace?: { at: NodePath; rule: DiffRule };
  /**
   * Picks the rule at a node: return a row to use, or undefined for the table's first match
   * (explain()'s strategy uses it). A returned row's matcher must accept the node.
   */
  choose?: (node: MathNode, path: NodePath, wrt: string) => DiffRule | undefined;
  /**
   * Applied to each part's derivative before the rule that asked for it uses it (explain()
   * passes its simplifier, so the quotient rule reads v′ = −e^(−x) rather than the raw form).
   * Must return an expression equal to its argument. Default: none.
   */
  tidyPart?: (derivative: MathNode, application: RuleApplication) => MathNode;
  /** The rule table (default {@link DIFF_RULES}). */
  rules?: readonly DiffRule[];
}

/**
 * The rule tree of the derivative of `f` with respect to `wrt`.
 *
 * @example
 *   const t = ruleTree("1 / (1 + e^(-x))", "x");
 *   t.rule.id                 // "quotient"
 *   t.parts.v.toString()      // "1 + e ^ -x"
 *   t.derivatives.v.toString() // "0 + e ^ -x * (0 - 1)" … the sum rule's result
 * @param f   the function (mathjs syntax, or a parsed tree; parentheses are dropped)
 * @param wrt the differentiation variable, e.g. "x"
 * @param options a replaced rule at one node, a rule chooser, a part tidier, another table
 * @returns the root application; `.result` is f′
 * @throws SyntaxError when f does not parse
 * @throws RangeError naming the subexpression and its path when no rule applies to it (e.g.
 *   max(x, 0), or a function outside the table), when a replaced or chosen rule does not apply
 *   at its node, or when `replace.at` names no node of f
 */
export function ruleTree(f: string | MathNode, wrt: string, options: RuleTreeOptions = {}): RuleApplication {
  const root = withoutParens(typeof f === "string" ? parseExpression(f, "ruleTree") : f);
  const rules = options.rules ?? DIFF_RULES;
  let replaced = false;
  const apply = (node: MathNode, path: NodePath, variable: string): RuleApplication => {
    let rule: DiffRule | undefined;
    let match: RuleMatch | null = null;
    const forced =
      options.replace && options.replace.at === path ? options.replace.rule : options.choose?.(node, path, variable);
    if (forced) {
      match = forced.match(node, variable);
      if (!match) {
        throw new RangeError(
          `the ${forced.name} ("${forced.id}") does not apply to "${shortened(node.toString())}" at path "${path}" of "${shortened(root.toString())}"`,
        );
      }
      rule = forced;
      if (options.replace && options.replace.at === path) replaced = true;
    } else {
      for (const r of rules) {
        match = r.match(node, variable);
        if (match) {
          rule = r;
          break;
        }
      }
    }
    if (!rule || !match) {
      throw new RangeError(
        // the whole expression is named once: "of …" only for a part of it
        `no differentiation rule applies to "${shortened(node.toString())}"${path === "" ? "" : ` (path "${path}") of "${shortened(root.toString())}"`}: ` +
          "the rules know sums, constant multiples, products, quotients, powers, exp, log, sigma, softplus, the trigonometric and hyperbolic functions and their inverses, roots and abs",
      );
    }
    const children: RuleApplication[] = [];
    const derivatives: Parts = {};
    for (const req of match.needs) {
      const where = req.at === "outer" ? `${path}:outer` : childPath(path, Number(req.at));
      const child = apply(req.node, where, req.wrt);
      children.push(child);
      derivatives[req.part] = options.tidyPart ? options.tidyPart(child.result, child) : child.result;
    }
    const result = rule.result(match.parts, derivatives, variable);
    return { path, rule, node, wrt: variable, parts: match.parts, derivatives, result, children };
  };
  const tree = apply(root, "", wrt);
  if (options.replace && !replaced) {
    throw new RangeError(
      `replace: no rule is applied at path "${options.replace.at}" of "${shortened(root.toString())}" ` +
        "(the paths are those of ruleApplications(ruleTree(f, wrt)))",
    );
  }
  return tree;
}

/**
 * Every application of a rule tree, root first, then each child's subtree in order (pre-order).
 * @param tree a {@link ruleTree} result
 * @returns the applications, each with its `path`, `rule`, `parts` and `derivatives`
 */
export function ruleApplications(tree: RuleApplication): RuleApplication[] {
  const out: RuleApplication[] = [];
  const walk = (a: RuleApplication): void => {
    out.push(a);
    a.children.forEach(walk);
  };
  walk(tree);
  return out;
}

/**
 * The derivative of `f` by the rules, optionally with another rule at one node (see
 * {@link ruleTree}): `differentiateByRules(f, "x", { replace: { at: "1", rule: buggy } })`.
 *
 * @returns f′ as the rules write it (unsimplified)
 * @throws as {@link ruleTree}
 */
export function differentiateByRules(f: string | MathNode, wrt: string, options: RuleTreeOptions = {}): MathNode {
  return ruleTree(f, wrt, options).result;
}
