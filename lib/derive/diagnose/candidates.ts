/**
 * The wrong steps the slip catalogue predicts from a previous expression: for a
 * `differentiate` step, every differentiate slip at every rule application of the
 * expression's rule tree where it applies (the rest of the derivative done right); for a
 * `rewrite` step, every rewrite slip at every node of the expression where it applies (the
 * rest left as written).
 */
import type { MathNode } from "mathjs";
import { math } from "../expression";
import { ruleApplications, ruleTree, type RuleApplication } from "../explain/differentiate";
import { childrenOf, isFunction, isOperator, withoutParens, type NodePath } from "../explain/nodes";
import { expAsPower, regroupedReadings, rootsAsPowers } from "./groupings";
import { SLIPS, type ApplicationPlace, type DifferentiateSlip, type RewriteSlip } from "./slips";

/** One predicted wrong step. */
export interface Candidate {
  /** The slip's id. */
  id: string;
  /** The slip's rank (lower: more specific). */
  rank: number;
  /** Where it is applied: a rule application's path (differentiate) or a node's path (rewrite). */
  path: NodePath;
  /** The message naming the place (written on demand). */
  message: () => string;
  /** The whole wrong step: the previous expression's derivative or rewrite with the slip at one place. */
  expr: MathNode;
  /** The right expression for the step (the derivative done right, or the right rewrite at that place). */
  expected: MathNode;
  /**
   * Differentiate slips: the slip's wrong result at its place (u′/v′ for the quotient of the
   * derivatives), and the rule's right result there; a wrong result that is 0 where the right one
   * is not explains nothing (see diagnose.ts's `vanishesThere`).
   */
  local?: { wrong: MathNode; right: MathNode };
}

const DIFFERENTIATE_SLIPS = SLIPS.filter((s): s is DifferentiateSlip => s.kind === "differentiate");
const REWRITE_SLIPS = SLIPS.filter((s): s is RewriteSlip => s.kind === "rewrite");

/**
 * Every wrong derivative the differentiate slips predict.
 * @param previous the expression differentiated (parentheses may be present; functions the rule table knows)
 * @param wrt the differentiation variable
 * @returns the candidates, in catalogue order within each application, applications in pre-order;
 *   then the same for `previous` with its roots and reciprocals written as powers (rootsAsPowers),
 *   each with the expected derivative of `previous` as written
 * @throws RangeError from the rule tree when no rule applies to a part of `previous`
 */
export function differentiateCandidates(previous: MathNode, wrt: string): Candidate[] {
  const root = withoutParens(previous);
  const tree = ruleTree(root, wrt);
  const out = slipsOfTree(root, tree, wrt, tree.result);
  // the same function with its roots and reciprocals read as powers (groupings.ts), after the
  // function as written: a power-rule slip on √x or 1/u is the slip on x^(1/2) or u^(−1)
  const powers = rootsAsPowers(root, wrt);
  if (powers) {
    try {
      out.push(...slipsOfTree(powers, ruleTree(powers, wrt), wrt, tree.result));
    } catch {
      // no rule for the power reading: the function as written is enough
    }
  }
  return out;
}

/** The candidates of every differentiate slip at every application of one rule tree of `root`. */
function slipsOfTree(root: MathNode, tree: RuleApplication, wrt: string, expected: MathNode): Candidate[] {
  const apps = ruleApplications(tree);
  const byPath = new Map(apps.map((a) => [a.path, a] as const));
  const rebuild = resultsUpward(apps);
  const out: Candidate[] = [];
  for (const app of apps) {
    const place = placeOf(app, byPath);
    for (const slip of DIFFERENTIATE_SLIPS) {
      if (!slip.rules.includes(app.rule.id)) continue;
      for (const variant of slip.variants(place)) {
        let expr: MathNode;
        try {
          expr =
            rebuild(app, variant.result.cloneDeep()) ??
            ruleTree(root, wrt, {
              replace: { at: app.path, rule: { ...app.rule, id: slip.id, result: () => variant.result.cloneDeep() } },
            }).result;
        } catch {
          continue;
        }
        out.push({
          id: slip.id,
          rank: slip.rank,
          path: app.path,
          message: variant.message,
          expr,
          expected,
          local: { wrong: variant.result, right: app.result },
        });
      }
    }
  }
  return out;
}

/**
 * The derivative with another result at one application, every other application as the
 * right tree has it: only the applications above it are applied again (each rule's result
 * from its parts and its parts' derivatives), instead of the whole tree as
 * `ruleTree(f, wrt, { replace })` would. The same expression (test/unit/derive/diagnose/
 * candidates.test.ts compares the two on seeded random functions), in time proportional to
 * the depth rather than the size of the tree.
 * @returns (app, result) => the whole derivative (a tree of its own), or undefined where a
 *   parent's derivatives cannot be matched to its children (then call ruleTree)
 */
function resultsUpward(
  apps: readonly RuleApplication[],
): (app: RuleApplication, result: MathNode) => MathNode | undefined {
  const parents = new Map<RuleApplication, { parent: RuleApplication; part: string } | null>();
  for (const a of apps) {
    const parts = Object.keys(a.derivatives);
    a.children.forEach((child, i) => {
      // each child computed one part's derivative, in the order of the rule's requests
      const part =
        parts.length === a.children.length && a.derivatives[parts[i]] === child.result ? parts[i] : undefined;
      parents.set(child, part === undefined ? null : { parent: a, part });
    });
  }
  return (app, result) => {
    let at = app;
    let value = result;
    for (;;) {
      const up = parents.get(at);
      if (up === undefined) return value.cloneDeep(); // the root
      if (up === null) return undefined;
      const { parent, part } = up;
      value = parent.rule.result(parent.parts, { ...parent.derivatives, [part]: value }, parent.wrt);
      at = parent;
    }
  };
}

const SUMS = new Set(["sum", "difference"]);

/**
 * The place an application stands for: the chain rule's outer function reads as the whole
 * composite; a sum or difference carries the whole sum it is a term of.
 */
function placeOf(app: RuleApplication, byPath: ReadonlyMap<NodePath, RuleApplication>): ApplicationPlace {
  if (SUMS.has(app.rule.id)) {
    // up through the sums this one is a term of, to the whole sum the learner wrote
    let top = app;
    for (;;) {
      const dot = top.path.lastIndexOf(".");
      const up = dot >= 0 ? top.path.slice(0, dot) : top.path === "" || top.path.includes(":") ? undefined : "";
      const parent = up === undefined ? undefined : byPath.get(up);
      if (!parent || !SUMS.has(parent.rule.id)) break;
      top = parent;
    }
    return { app, shown: app.node, sum: top.node };
  }
  if (!app.path.endsWith(":outer")) return { app, shown: app.node };
  const parent = byPath.get(app.path.slice(0, -":outer".length));
  return parent ? { app, shown: parent.node, inner: parent.parts.inner } : { app, shown: app.node };
}

/**
 * Every wrong rewrite the rewrite slips predict: at every node, as written and with its sums
 * read in other groups (see groupings.ts), and again with exp(u) spelled e^u where it occurs.
 * @param previous the expression rewritten
 * @returns the candidates, nodes in pre-order
 */
export function rewriteCandidates(previous: MathNode): Candidate[] {
  const written = withoutParens(previous);
  const out: Candidate[] = [];
  const visit = (root: MathNode, node: MathNode, path: NodePath): void => {
    // the node as written, then read with its sums in other groups (groupings.ts)
    for (const reading of [node, ...regroupedReadings(node)]) {
      for (const slip of REWRITE_SLIPS) {
        for (const variant of slip.variants(reading)) {
          out.push({
            id: slip.id,
            rank: slip.rank,
            path,
            message: variant.message,
            expr: replaceAt(root, path, variant.result),
            expected: replaceAt(root, path, variant.correct ?? reading),
          });
        }
      }
    }
    childrenOf(node).forEach((child, i) => visit(root, child, path === "" ? `${i}` : `${path}.${i}`));
  };
  visit(written, written, "");
  // a factor written exp(u) in one place and e^u in another is one factor
  const spelled = expAsPower(written);
  if (spelled) visit(spelled, spelled, "");
  return out;
}

/** A copy of `root` with the node at `path` replaced by `value`. */
export function replaceAt(root: MathNode, path: NodePath, value: MathNode): MathNode {
  if (path === "") return value.cloneDeep();
  const [head, ...rest] = path.split(".");
  const i = Number(head);
  const args = childrenOf(root).map((c, k) => (k === i ? replaceAt(c, rest.join("."), value) : c.cloneDeep()));
  if (isOperator(root)) return new math.OperatorNode(root.op as never, root.fn as never, args);
  if (isFunction(root)) return new math.FunctionNode(new math.SymbolNode(root.fn.name), args);
  throw new RangeError(`replaceAt: no node at path "${path}" of "${root.toString()}"`);
}
