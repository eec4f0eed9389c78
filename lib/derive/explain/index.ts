/**
 * explain: the kit writes a derivation itself. The rule table (rules.ts), the rule-by-rule
 * differentiator over it (differentiate.ts) and the node helpers (nodes.ts).
 */
export { ruleTree, ruleApplications, differentiateByRules, type RuleApplication, type RuleTreeOptions } from "./differentiate";
export {
  DIFF_RULES, KNOWN_DERIVATIVES, ELEMENTARY_RULE_NAMES, ruleById, elementaryOf, knownDerivativeOf, placeholderFor,
  type DiffRule, type RuleMatch, type PartRequest, type Parts, type KnownDerivative, type Elementary,
} from "./rules";
export { nodeAt, childPath, nodeCount, withoutParens, substitute, dependsOn, type NodePath } from "./nodes";
