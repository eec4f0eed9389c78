import { suite } from "uvu";
import seedrandom from "seedrandom";
import { plotErrorVsStep, plotFunctions, plotLossCurves } from "../../../lib/charts";
import { matchSnapshot } from "./helpers";

// One suite per builder, each comparing a small deterministic figure with its committed snapshot.

const functions = suite("plotFunctions snapshot");
functions("should match the committed snapshot", () => {
  const fig = plotFunctions(
    [
      { name: "x²", f: (x) => x * x },
      { name: "1/x", f: (x) => 1 / x, dash: "dash" },
    ],
    { xMin: -1, xMax: 1, points: 5, title: "x² and 1/x", xTitle: "x", yTitle: "y" },
  );
  matchSnapshot("plot-functions", fig);
});
functions.run();

const loss = suite("plotLossCurves snapshot");
loss("should match the committed snapshot", () => {
  // Rational stand-ins for the loss and its derivative: exact in binary floating point on this grid.
  const fig = plotLossCurves(
    { loss: (t, y) => (t === 1 ? 1 - y : y), dLoss: (t, y) => (y - t) / (y * (1 - y)) },
    { yhatMin: 0.125, yhatMax: 0.875, points: 4 },
  );
  matchSnapshot("plot-loss-curves", fig);
});
loss.run();

const steps = suite("plotErrorVsStep snapshot");
steps("should match the committed snapshot", () => {
  const rng = seedrandom("stepwise-charts");
  const hs = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
  const fig = plotErrorVsStep([
    // Forward difference of x³ at x = 1: the error is 3h + h² (a polynomial, so exact to rounding).
    { name: "forward", rows: hs.map((h) => ({ h, error: 3 * h + h * h })) },
    // A noisy series from a seeded generator, with one exact zero (dropped on the log axis).
    { name: "noisy", rows: hs.map((h, i) => ({ h, error: i === 3 ? 0 : h * h * (1 + rng()) })), dash: "dot" },
  ]);
  matchSnapshot("plot-error-vs-step", fig);
});
steps.run();
