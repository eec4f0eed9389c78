import { checkField, checkHistory, checkTrainingOptions } from "../check";
import { axis, baseLayout, chartColor } from "./theme";
import { finite, type PlotTrainingOptions, type SigmoidSlopeRecord } from "./training-history";
import type { Figure, Trace } from "./types";

/**
 * σ′ of the logits over training: for each epoch the mean of σ′(zᵢ) over the
 * examples, the median, and the band from the 10th to the 90th percentile, with a
 * dotted line at σ′(0) = 0.25, the largest value σ′ takes. Falling values mean the
 * logits move into the sigmoid's flat tails: the model grows confident.
 *
 * @param history records `{ epoch, sigmoidSlope: { mean, p10, median, p90 } }`, at least one
 * @param opts title (default "σ′ of the logits during training")
 * @returns a figure with five "lines" traces: 90th percentile, 10th percentile (filled up to
 *   the 90th: the band), median, mean, and the 0.25 reference
 * @throws TypeError when history is empty or a record lacks a number field (names the record)
 */
export function plotSigmoidSlopeHistory(history: SigmoidSlopeRecord[], opts: PlotTrainingOptions = {}): Figure {
  const fn = "plotSigmoidSlopeHistory";
  checkTrainingOptions(fn, opts);
  const rows = checkHistory(fn, history, (r, i) => {
    for (const key of ["mean", "p10", "median", "p90"] as const)
      checkField(fn, r.sigmoidSlope?.[key], `history[${i}].sigmoidSlope.${key}`);
  });
  const epochs = rows.map((r) => r.epoch);
  const series = (
    name: string,
    pick: (r: SigmoidSlopeRecord) => number,
    color: string,
    extra: Partial<Trace> = {},
  ): Trace => ({
    type: "scatter",
    mode: "lines",
    name,
    x: [...epochs],
    y: rows.map((r) => finite(pick(r))),
    line: { color, width: 2.5 },
    ...extra,
  });
  const band = { legendgroup: "band", line: { color: chartColor(0), width: 0.5 } };
  const data = [
    series("90th percentile", (r) => r.sigmoidSlope.p90, chartColor(0), { ...band, showlegend: false }),
    series("10th–90th percentile", (r) => r.sigmoidSlope.p10, chartColor(0), {
      ...band,
      fill: "tonexty",
      fillcolor: "rgba(0, 114, 178, 0.15)",
    }),
    series("median", (r) => r.sigmoidSlope.median, chartColor(0), {
      line: { color: chartColor(0), width: 2, dash: "dash" },
    }),
    series("mean", (r) => r.sigmoidSlope.mean, chartColor(1)),
    {
      type: "scatter",
      mode: "lines",
      name: "σ′(0) = 0.25, the maximum",
      x: [Math.min(...epochs), Math.max(...epochs)],
      y: [0.25, 0.25],
      line: { color: "#777777", width: 1.5, dash: "dot" },
    } satisfies Trace,
  ];
  const layout = baseLayout(opts.title ?? "σ′ of the logits during training", "epoch", "σ′(zᵢ) over the examples");
  layout.yaxis = axis("σ′(zᵢ) over the examples", { range: [0, 0.27] });
  return { data, layout };
}
