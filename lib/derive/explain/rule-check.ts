/**
 * The rule check of a hand-written `differentiate` step: when its `rule` names a rule of the
 * vocabulary (rules.ts), is the step what that rule gives on the previous expression, or what
 * another rule gives? The step's truth is the verifier's business; this only names the rule,
 * so a true step is never marked wrong here: at most it gets a note naming the rule it is.
 */
import type { MathNode, SymbolNode } from "mathjs";
import { parseExpression } from "../expression";
import { ALGEBRA_MOVES, applyMove } from "./algebra";
import { ruleTree, type RuleApplication } from "./differentiate";
import { keyOf, releaseKeys, withoutParens } from "./nodes";
import { simplifySteps } from "./algebra";
import { DIFF_RULES, ELEMENTARY_RULE_NAMES, theRule, type DiffRule } from "./rules";

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** What the rule check found, carried by the step's verdict (`StepResult.ruleCheck`). */
export interface RuleCheck {
  /** The vocabulary rule the step names, e.g. "quotient rule". */
  named: string;
  /** The rule the step is, when the check could tell (one of the vocabulary's names), else "". */
  applied: string;
  /** True when the step is what the named rule gives (or no other rule's result matches it). */
  agrees: boolean;
  /** For a step that is another rule's result: a sentence naming it; else "". */
  note: string;
}

/** Words a step may name a rule by, and the vocabulary name they mean. */
const SYNONYMS: Readonly<Record<string, string>> = {
  "log rule": "logarithm rule",
  "ln rule": "logarithm rule",
  "exp rule": "exponential rule",
  "difference rule": "sum rule",
  "constant factor rule": "constant multiple rule",
  "sigmoid rule": "sigmoid derivative",
};

/** The vocabulary names a rule text mentions, e.g. "sum rule, exponential rule, chain rule" → three names. */
export function namedRules(text: string): string[] {
  if (typeof text !== "string") return [];
  const lower = text.toLowerCase();
  const names = new Set<string>();
  for (const name of [...DIFF_RULES.map((r) => r.name), ...Object.values(ELEMENTARY_RULE_NAMES)])
    if (lower.includes(name)) names.add(name);
  for (const [word, name] of Object.entries(SYNONYMS)) if (lower.includes(word)) names.add(name);
  return [...names];
}

/**
 * A form for comparing a rule's result with a hand-written step: the tidy move (zeros, ones,
 * double minus) to a fixed point, nothing that rearranges the rule's shape.
 */
function shape(node: MathNode): string {
  let n = withoutParens(node);
  const moves = ALGEBRA_MOVES.filter((m) => m.id === "tidy");
  for (let i = 0; i < 6; i++) {
    const next = moves.reduce((acc, m) => applyMove(m, acc), n);
    if (keyOf(next) === keyOf(n)) break;
    n = next;
  }
  return flatKey(n);
}

/** A key with products flattened and their factors sorted (x·(σ·(1 − σ)) = x·σ·(1 − σ) = σ·x·(1 − σ)), sums flattened in order. */
function flatKey(n: MathNode): string {
  const o = n as { fn?: string | { name: string }; args?: MathNode[]; isOperatorNode?: boolean };
  if (o.isOperatorNode && (o.fn === "multiply" || o.fn === "add") && o.args?.length === 2) {
    const parts: string[] = [];
    const walk = (m: MathNode): void => {
      const p = m as typeof o;
      if (p.isOperatorNode && p.fn === o.fn && p.args?.length === 2) p.args.forEach(walk);
      else parts.push(flatKey(m));
    };
    walk(n);
    if (o.fn === "multiply") parts.sort();
    return `${o.fn}(${parts.join(",")})`;
  }
  if (o.args) return `${typeof o.fn === "string" ? o.fn : o.fn?.name}(${o.args.map(flatKey).join(",")})`;
  return keyOf(n);
}

/** The part derivatives as a teacher writes them: each simplified by the algebra moves. */
const tidyPart = (d: MathNode): MathNode => {
  const s = simplifySteps(d, { maxSteps: 8 });
  return s.length ? s[s.length - 1].expr : d;
};

/** The candidate results at the root of `prev`: every table rule that applies, and the chain and product routes of a quotient. */
function candidates(prev: MathNode, wrt: string): { rule: DiffRule; shapes: string[] }[] {
  const out: { rule: DiffRule; shapes: string[] }[] = [];
  const add = (rule: DiffRule, tree: RuleApplication) => {
    const shapes = [
      shape(tree.result),
      shape(ruleTree(tree.node, wrt, { replace: { at: "", rule }, tidyPart }).result),
    ];
    const seen = out.find((c) => c.rule.name === rule.name);
    if (seen) seen.shapes.push(...shapes);
    else out.push({ rule, shapes });
  };
  for (const rule of DIFF_RULES) {
    if (!rule.match(prev, wrt)) continue;
    try {
      add(rule, ruleTree(prev, wrt, { replace: { at: "", rule } }));
    } catch {
      // a part no rule differentiates: this candidate cannot be formed
    }
  }
  // c/v read as c·v^(−1) (chain rule), u/v as u·v^(−1) (product rule)
  const n = prev as { fn?: string; args?: MathNode[] };
  if (n.fn === "divide" && n.args) {
    for (const text of [
      `(${n.args[1].toString()})^(-1) * (${n.args[0].toString()})`,
      `(${n.args[0].toString()}) * (${n.args[1].toString()})^(-1)`,
      `(${n.args[1].toString()})^(-1)`,
    ]) {
      if (text.endsWith("^(-1)") && n.args[0].toString() !== "1") continue;
      const node = withoutParens(parseExpression(text, "rule check"));
      try {
        const tree = ruleTree(node, wrt);
        const rule = tree.rule.id === "constant-multiple" ? (tree.children[0]?.rule ?? tree.rule) : tree.rule;
        add(rule, tree);
      } catch {
        // not differentiable by the rules
      }
    }
  }
  return out;
}

/** The rules a learner may do in the same step as the ones below them: a sum's terms, a constant's multiple. */
const LINEAR_RULES = ["constant multiple rule", "sum rule"];

/**
 * The names of the rules the kit's own derivation of `node` applies at its top: the root's rule,
 * below a sum or a constant multiple the rules of its terms (recursively), and a chain rule's
 * outer function (e^(−x) is "the exponential rule" too); empty when no rule applies. A rule
 * only used deeper (the power rule for the x in x^x, whose rule is logarithmic differentiation)
 * is not the step's rule.
 */
function rulesAtTop(node: MathNode, wrt: string): Set<string> {
  const names = new Set<string>();
  const walk = (a: RuleApplication): void => {
    names.add(a.rule.name);
    if (LINEAR_RULES.includes(a.rule.name)) a.children.forEach(walk);
    else if (a.rule.id === "chain") for (const c of a.children) if (c.path.endsWith(":outer")) names.add(c.rule.name);
  };
  try {
    walk(ruleTree(node, wrt));
  } catch {
    // outside the rules: nothing applies
  }
  return names;
}

/**
 * Checks the rule a hand-written differentiate step names.
 *
 * @param prevText the previous expression as written (definitions not expanded, so σ stays σ)
 * @param stepText the step's expression as written
 * @param wrt      the differentiation variable
 * @param ruleText the step's `rule`, e.g. "quotient rule"
 * @param definedNames the names the derivation's `defs` define (p1 for { p1: "e^z1 / …" }): the rules
 *   read such a name as a constant, so a previous expression that holds one is not checked
 * @returns undefined when the text names no vocabulary rule, the previous expression is outside
 *   the rules or holds a defined name (then there is nothing to check); else what the check found.
 *   A named rule the kit applies at the top of its own derivation of the previous expression (the
 *   chain rule inside a constant multiple, the sum rule under a minus, the outer function of a
 *   chain) is never said not to apply; one it uses only deeper (the power rule for the x of x^x)
 *   is, when the step's shape is no candidate's.
 */
export function checkNamedRule(
  prevText: string,
  stepText: string,
  wrt: string,
  ruleText: string,
  definedNames: readonly string[] = [],
): RuleCheck | undefined {
  const named = namedRules(ruleText);
  if (named.length === 0) return undefined;
  releaseKeys(); // no key is held between two calls
  let prev: MathNode;
  let step: MathNode;
  try {
    prev = withoutParens(parseExpression(prevText, "rule check"));
    step = withoutParens(parseExpression(stepText, "rule check"));
  } catch {
    return undefined;
  }
  if (
    definedNames.length &&
    prev.filter((n) => (n as SymbolNode).isSymbolNode && definedNames.includes((n as SymbolNode).name)).length
  )
    return undefined;
  let cands: { rule: DiffRule; shapes: string[] }[];
  try {
    cands = candidates(prev, wrt);
  } catch {
    return undefined;
  }
  if (cands.length === 0) return undefined;
  const mine = shape(step);
  const applied = cands.find((c) => c.shapes.includes(mine))?.rule.name ?? "";
  const first = named[0];
  // a step may do several rules at once: a named rule the kit applies below a sum or a constant
  // multiple (the chain rule in 0.5·(y − x)², the sum rule under a minus) is applied too
  if (!applied || LINEAR_RULES.includes(applied)) {
    const used = rulesAtTop(prev, wrt);
    if (named.some((name) => used.has(name))) return { named: first, applied, agrees: true, note: "" };
  }
  if (applied && !named.includes(applied)) {
    return {
      named: first,
      applied,
      agrees: false,
      note: `This step is ${theRule(applied)}, not ${named.map(theRule).join(" or ")}: it is true all the same.`,
    };
  }
  if (!applied && !cands.some((c) => named.includes(c.rule.name))) {
    const root = cands[0].rule.name;
    return {
      named: first,
      applied: "",
      agrees: false,
      note: `${capitalised(named.map(theRule).join(" or "))} does not apply to the line above (the kit would use ${theRule(root)}); the step is true all the same.`,
    };
  }
  return { named: applied || first, applied, agrees: true, note: "" };
}
