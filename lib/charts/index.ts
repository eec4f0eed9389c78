/** Plotly chart builders: plain `{ data, layout }` figures, deterministic and JSON-serialisable. */
export type { Axis, ChartSample, Figure, Layout, LineStyle, Title, Trace } from "./types";
export { CHART_PALETTE, CHART_HEIGHT, TWO_PANEL_HEIGHT, chartColor } from "./theme";
export { evenGrid } from "./sample";
export { plotFunctions, DEFAULT_CHART_POINTS } from "./plot-functions";
export type { NamedFunction, PlotFunctionsOptions } from "./plot-functions";
export { plotLossCurves } from "./plot-loss-curves";
export type { LossFunctions, PlotLossCurvesOptions } from "./plot-loss-curves";
export { plotErrorVsStep } from "./plot-error-vs-step";
export type { StepErrorRow, StepErrorSeries, PlotErrorVsStepOptions } from "./plot-error-vs-step";
export { plotTrainingLoss } from "./plot-training-loss";
export { plotDecisionBoundary, type BoundaryLine } from "./plot-decision-boundary";
export { plotSigmoidSlopeHistory } from "./plot-sigmoid-slope-history";
export type { LossRecord, SigmoidSlopeRecord, PlotTrainingOptions } from "./training-history";
export {
  plotDecisionRegions,
  levelSegments,
  type ClassifierCurve,
  type PlotDecisionRegionsOptions,
} from "./plot-decision-regions";
export { plotComputationGraph, MAX_DRAWN_NODES, type PlotComputationGraphOptions } from "./plot-computation-graph";
