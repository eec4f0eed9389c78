import { checkField, checkHistory, checkTrainingOptions } from "../check";
import { axis, baseLayout, chartColor } from "./theme";
import { finite, type LossRecord, type PlotTrainingOptions } from "./training-history";
import type { Figure, Trace } from "./types";

/**
 * The training loss against the epoch: one line with the loss after 0, 1, 2, …
 * gradient steps. Non-finite losses become gaps (null).
 *
 * @param history records `{ epoch, loss }`, at least one, e.g. `trainLogisticRegression(...).history`
 * @param opts title (default "Training loss")
 * @returns a figure with one "lines" trace named "mean binary cross-entropy"
 * @throws TypeError when history is empty or a record has a non-number epoch or loss (names the record)
 */
export function plotTrainingLoss(history: LossRecord[], opts: PlotTrainingOptions = {}): Figure {
  checkTrainingOptions("plotTrainingLoss", opts);
  const rows = checkHistory("plotTrainingLoss", history, (r, i) =>
    checkField("plotTrainingLoss", r.loss, `history[${i}].loss`),
  );
  const data: Trace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "mean binary cross-entropy",
      x: rows.map((r) => r.epoch),
      y: rows.map((r) => finite(r.loss)),
      line: { color: chartColor(0), width: 2.5 },
    },
  ];
  const layout = baseLayout(opts.title ?? "Training loss", "epoch", "loss J (nats)");
  layout.yaxis = axis("loss J (nats)", { rangemode: "tozero" });
  return { data, layout };
}
