/**
 * diagnose: naming the mistake of a rejected step. The slip catalogue as data (slips.ts),
 * the wrong steps it predicts from a previous expression (candidates.ts) and the matching of
 * a rejected step against them by the verifier's own comparison (diagnose.ts).
 */
export {
  SLIPS,
  slipById,
  type Slip,
  type DifferentiateSlip,
  type RewriteSlip,
  type SlipVariant,
  type ApplicationPlace,
} from "./slips";
export { differentiateCandidates, rewriteCandidates, replaceAt, type Candidate } from "./candidates";
export { diagnoseStep, emptyStats, type DiagnoseInput, type DiagnoseStats } from "./diagnose";
export { showExpr } from "./show";
export { stepDiagnoser } from "./in-derivation";
