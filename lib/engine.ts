/**
 * stepwise/engine: everything behind the notebook API of "stepwise", for tools, tests
 * and advanced notebooks. Every name is listed here, by the folder that holds it; the
 * notebook API ("stepwise", lib/index.ts) is a subset of these. Test tooling (the
 * mutation harness, tooling/mutation/) is not exported.
 */

// Numeric functions (lib/functions): the sigmoid family, cross-entropies, softmax, gradient checks
export {
  sigmoid,
  sigmoidDerivative,
  logSigmoid,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyDerivative,
  binaryCrossEntropyGradientLogit,
  softmax,
  categoricalCrossEntropy,
  categoricalCrossEntropyWithLogits,
  categoricalCrossEntropyGradient,
  softmaxJacobian,
  centralDifference,
  centralDifferenceStep,
  gradientCheck,
  type GradientCheckRow,
} from "./functions";

// Argument checks of every public function (lib/check)
export {
  describeValue,
  PROBABILITY_SUM_TOLERANCE,
  checkNumber,
  checkFinite,
  checkUnitInterval,
  checkEpsilon,
  checkArray,
  checkVector,
  checkSameLength,
  checkDistribution,
  checkArg,
  checkOptions,
  type ArgCheck,
  type OptionsSchema,
  checkFeatures,
  checkLabels,
  checkParameters,
  checkModelInputs,
  checkTrainingOptions,
  checkHistory,
  checkField,
} from "./check";

// Derivations and the verifier (lib/derive)
export {
  // writing a derivation, and rebuilding one from its spec
  derive,
  Derivation,
  type DeriveHead,
  derivationFromSpec,
  type DerivationSpec,
  type StepSpec,
  // verifying it
  verifyDerivation,
  verifyStep,
  stepChecker,
  type VerifyOptions,
  assertVerified,
  failureMessage,
  DerivationFailedError,
  VerifierInternalError,
  // the verdicts
  type Interval,
  type StepKind,
  type Tier,
  type Certificate,
  type Counterexample,
  type StepResult,
  type DerivationResult,
  // the sampling tier: comparison, precision, domains and sample points
  compare,
  expectation,
  formatPoint,
  TOLERANCE,
  GUARD_DIGITS,
  type Verdict,
  PRECISION,
  PRECISION_BOUND,
  PRECISION_LEVELS,
  parseDomain,
  samplePoints,
  contentSeed,
  DEFAULT_SAMPLES,
  type Domain,
  type DomainSpec,
  // the exact tier
  proveEqual,
  normalFormText,
  type ExactOutcome,
  // expressions and their TeX
  BUILTIN_DEFINITIONS,
  toTex,
  DEFAULT_TEX_NAMES,
} from "./derive";

// Charts (lib/charts): plotly figures as plain { data, layout }
export {
  type Axis,
  type ChartSample,
  type Figure,
  type Layout,
  type LineStyle,
  type Title,
  type Trace,
  CHART_PALETTE,
  CHART_HEIGHT,
  TWO_PANEL_HEIGHT,
  chartColor,
  evenGrid,
  plotFunctions,
  DEFAULT_CHART_POINTS,
  type NamedFunction,
  type PlotFunctionsOptions,
  plotLossCurves,
  type LossFunctions,
  type PlotLossCurvesOptions,
  plotErrorVsStep,
  type StepErrorRow,
  type StepErrorSeries,
  type PlotErrorVsStepOptions,
  plotTrainingLoss,
  plotDecisionBoundary,
  type BoundaryLine,
  plotSigmoidSlopeHistory,
  type LossRecord,
  type SigmoidSlopeRecord,
  type PlotTrainingOptions,
} from "./charts";

// Display in a notebook (lib/display): MIME bundles, the display sink, show* functions
export {
  type MimeBundle,
  sendBundle,
  setDisplaySink,
  type DisplaySink,
  type DisplayTarget,
  // figures
  PLOTLY_ASSET_PATH,
  PLOTLY_ASSET_URL,
  PLOTLY_SCRIPT_ATTR,
  withPlotlySource,
  figureSummary,
  figureTitle,
  figureBundle,
  FIGURE_MARKERS,
  type FigureBundleOptions,
  showFigure,
  type ShowFigureOptions,
  // derivations
  derivationMarkdown,
  derivationText,
  derivationBundle,
  type DerivationDisplayOptions,
  showDerivation,
  showVerified,
  // tables
  showTable,
  tableBundle,
  formatCell,
  type Table,
} from "./display";

// The logistic regression of notebook 06 (lib/models)
export {
  type Dataset,
  type LogisticRegressionParameters,
  makeBlobs,
  type MakeBlobsOptions,
  logits,
  logisticRegressionLoss,
  logisticRegressionGradient,
  type LogisticRegressionGradient,
  logisticRegressionGradientCheck,
  type ParameterGradientCheck,
  accuracy,
  predictClasses,
  quantile,
  trainLogisticRegression,
  type TrainLogisticRegressionOptions,
  type TrainingRecord,
  type TrainingResult,
  type SigmoidSlopeSummary,
} from "./models";

// The kit's outputs (lib/outputs): MIME types, the derivation payload and its reader, the view and HTML
export {
  PLOTLY_MIME,
  DERIVATION_MIME,
  DERIVATION_PAYLOAD_VERSION,
  readDerivationPayload,
  derivationPayload,
  type DerivationPayload,
  type PayloadSpec,
  type PayloadVerdict,
  derivationView,
  MARK_GLYPHS,
  MARK_WORDS,
  type DerivationRowView,
  type DerivationView,
  type StepMark,
  derivationHtml,
  type DisplayMath,
  escapeHtml,
  escapeMarkdown,
  jsonForScript,
  notebookDerivations,
  type NotebookWithOutputs,
  type ShownDerivation,
} from "./outputs";

// Derivations and the verifier, added since (lib/derive)
export type { Diagnosis } from "./derive";

// The kit's own derivations: explain() and its rule engine (lib/derive/explain)
export {
  explain,
  explainSteps,
  verifyExplained,
  ExplainInternalError,
  MAX_EXPLAIN_NODES,
  type ExplainHead,
  type ExplainStrategy,
  ALGEBRA_MOVES,
  applyMove,
  simplifySteps,
  formSize,
  type AlgebraMove,
  type AlgebraStep,
  ruleTree,
  ruleApplications,
  differentiateByRules,
  type RuleApplication,
  type RuleTreeOptions,
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
  nodeAt,
  childPath,
  nodeCount,
  withoutParens,
  substitute,
  dependsOn,
  type NodePath,
} from "./derive/explain";

// Naming the mistake: the slip catalogue and the diagnosis (lib/derive/diagnose)
export {
  SLIPS,
  slipById,
  type Slip,
  type DifferentiateSlip,
  type RewriteSlip,
  type SlipVariant,
  type ApplicationPlace,
  differentiateCandidates,
  rewriteCandidates,
  replaceAt,
  type Candidate,
  diagnoseStep,
  emptyStats,
  type DiagnoseInput,
  type DiagnoseStats,
  showExpr,
  stepDiagnoser,
} from "./derive/diagnose";

// Hints: the next rule and the next step (lib/derive/hint)
export {
  hint,
  nextStep,
  ruleInWords,
  type NextStep,
} from "./derive/hint";

// Reverse-mode automatic differentiation of notebook 10 (lib/autodiff)
export {
  Value,
  topologicalOrder,
  type NodeKind,
  type ValueLike,
  LOCAL_RULES,
  type LocalRule,
  type Operation,
  computationGraph,
  type GraphNode,
} from "./autodiff";

// Models, added for notebook 09: two moons and the one-hidden-layer network (lib/models)
export {
  makeMoons,
  type MakeMoonsOptions,
  initNetwork,
  networkForward,
  networkGradient,
  networkLoss,
  networkPredict,
  networkAccuracy,
  type Activation,
  type Network,
  type NetworkGradient,
  type ForwardPass,
  networkGradientCheck,
  trainNetwork,
  type NetworkParameterCheck,
  type NetworkTrainingRecord,
  type TrainNetworkOptions,
} from "./models";

// Charts, added for notebooks 09 and 10 (lib/charts)
export {
  plotDecisionRegions,
  levelSegments,
  type ClassifierCurve,
  type PlotDecisionRegionsOptions,
  plotComputationGraph,
  MAX_DRAWN_NODES,
  type PlotComputationGraphOptions,
} from "./charts";
