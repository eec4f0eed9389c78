/**
 * explain: the kit writes a derivation itself (explain.ts). The rule table (rules.ts), the
 * rule-by-rule differentiator over it (differentiate.ts), the algebra moves (algebra.ts, over
 * the sum and product views of forms.ts), the input checks (input.ts), node helpers (nodes.ts).
 */
export {
  explain,
  explainSteps,
  verifyExplained,
  ExplainInternalError,
  MAX_EXPLAIN_NODES,
  type ExplainHead,
  type ExplainStrategy,
} from "./explain";
export { ALGEBRA_MOVES, applyMove, simplifySteps, formSize, type AlgebraMove, type AlgebraStep } from "./algebra";
export {
  ruleTree,
  ruleApplications,
  differentiateByRules,
  type RuleApplication,
  type RuleTreeOptions,
} from "./differentiate";
export {
  DIFF_RULES,
  KNOWN_DERIVATIVES,
  ELEMENTARY_RULE_NAMES,
  ruleById,
  elementaryOf,
  knownDerivativeOf,
  placeholderFor,
  type DiffRule,
  type RuleMatch,
  type PartRequest,
  type Parts,
  type KnownDerivative,
  type Elementary,
} from "./rules";
export { nodeAt, childPath, nodeCount, withoutParens, substitute, dependsOn, type NodePath } from "./nodes";
