import { suite } from "uvu";
import * as assert from "uvu/assert";
import { chartColor, plotDecisionBoundary, plotSigmoidSlopeHistory, plotTrainingLoss } from "../../../lib/charts";
import { close, matchSnapshot, throwsError } from "./helpers";

const loss = suite("plotTrainingLoss");

loss("should draw the loss against the epoch as one line", () => {
  const fig = plotTrainingLoss([
    { epoch: 0, loss: 0.75 },
    { epoch: 1, loss: 0.5 },
    { epoch: 2, loss: 0.25 },
  ]);
  assert.is(fig.data.length, 1);
  assert.equal(fig.data[0].x, [0, 1, 2]);
  assert.equal(fig.data[0].y, [0.75, 0.5, 0.25]);
  assert.is(fig.data[0].mode, "lines");
  assert.is(fig.layout.title.text, "Training loss");
  assert.is(fig.layout.xaxis.title?.text, "epoch");
  assert.is(fig.layout.yaxis.rangemode, "tozero");
  assert.is(plotTrainingLoss([{ epoch: 0, loss: 1 }], { title: "mine" }).layout.title.text, "mine");
});

loss("should turn a non-finite loss into a gap", () => {
  assert.equal(
    plotTrainingLoss([
      { epoch: 0, loss: Infinity },
      { epoch: 1, loss: 1 },
    ]).data[0].y,
    [null, 1],
  );
});

loss("should name the bad record", () => {
  throwsError(() => plotTrainingLoss([]), TypeError, /plotTrainingLoss: history must be a non-empty array/);
  throwsError(
    () =>
      plotTrainingLoss([
        { epoch: 0, loss: 1 },
        { epoch: 1, loss: NaN },
      ]),
    TypeError,
    /history\[1\]\.loss must be a number, got NaN/,
  );
  throwsError(
    () => plotTrainingLoss([{ loss: 1 } as never]),
    TypeError,
    /history\[0\]\.epoch must be a number, got undefined/,
  );
});

loss.run();

const boundary = suite("plotDecisionBoundary");
// Corners (0, 0) and (10, 10): the plotted box is [−0.5, 10.5]² (5 % padding on each side).
const square = {
  X: [
    [0, 0],
    [10, 10],
    [2, 8],
    [7, 1],
  ],
  t: [0, 1, 0, 1],
};

boundary("should draw one marker trace per class, then one line per boundary", () => {
  const fig = plotDecisionBoundary(square, [{ name: "diagonal", w: [1, -1], b: 0 }]);
  assert.equal(
    fig.data.map((d) => d.name),
    ["t = 0", "t = 1", "diagonal"],
  );
  assert.equal(
    [fig.data[0].x, fig.data[0].y],
    [
      [0, 2],
      [0, 8],
    ],
  );
  assert.equal(
    [fig.data[1].x, fig.data[1].y],
    [
      [10, 7],
      [10, 1],
    ],
  );
  assert.ok(fig.data[0].mode === "markers" && fig.data[1].mode === "markers" && fig.data[2].mode === "lines");
  assert.is(fig.data[0].marker?.color, chartColor(0));
  assert.is(fig.data[1].marker?.color, chartColor(1));
});

boundary("should clip each line to the padded data box and use equal axis scales", () => {
  const fig = plotDecisionBoundary(square, [
    { name: "diagonal", w: [1, -1], b: 0 },
    { name: "vertical x₁ = 2", w: [1, 0], b: -2, dash: "dash" },
    { name: "horizontal x₂ = 3", w: [0, 2], b: -6 },
    { name: "steep", w: [4, 1], b: -20 },
  ]);
  assert.equal(fig.layout.xaxis.range, [-0.5, 10.5]);
  assert.equal(fig.layout.yaxis.range, [-0.5, 10.5]);
  assert.is(fig.layout.yaxis.scaleanchor, "x");
  assert.is(fig.layout.yaxis.scaleratio, 1);
  const [diag, vertical, horizontal, steep] = fig.data.slice(2);
  assert.equal(
    [diag.x, diag.y],
    [
      [-0.5, 10.5],
      [-0.5, 10.5],
    ],
  );
  assert.equal(
    [vertical.x, vertical.y],
    [
      [2, 2],
      [-0.5, 10.5],
    ],
  );
  assert.is(vertical.line.dash, "dash");
  assert.equal(
    [horizontal.x, horizontal.y],
    [
      [-0.5, 10.5],
      [3, 3],
    ],
  );
  // 4x₁ + x₂ = 20 meets the bottom edge at x₁ = 5.125 and the top edge at x₁ = 2.375.
  close(steep.x[0], 2.375, 1e-12, "steep x at the top");
  close(steep.y[0], 10.5, 1e-12, "steep y at the top");
  close(steep.x[1], 5.125, 1e-12, "steep x at the bottom");
  close(steep.y[1], -0.5, 1e-12, "steep y at the bottom");
});

boundary("should leave a line that misses the box empty but keep it in the legend", () => {
  const fig = plotDecisionBoundary(square, [{ name: "far away", w: [1, 1], b: 100 }]);
  assert.equal([fig.data[2].x, fig.data[2].y], [[], []]);
  assert.is(fig.data[2].name, "far away");
});

boundary("should throw for bad data or boundaries, naming them", () => {
  throwsError(() => plotDecisionBoundary({ X: [], t: [] }, []), RangeError, /data\.X must be a non-empty array/);
  throwsError(
    () => plotDecisionBoundary({ X: [[1, 2, 3]], t: [0] }, []),
    RangeError,
    /data\.X\[0\] must be two finite numbers/,
  );
  throwsError(
    () => plotDecisionBoundary({ X: [[1, 2]], t: [3] }, []),
    RangeError,
    /data\.t\[0\] must be 0 or 1, got 3/,
  );
  throwsError(
    () => plotDecisionBoundary(square, [{ name: "", w: [1, 1], b: 0 }]),
    TypeError,
    /boundaries\[0\]\.name must be a non-empty string/,
  );
  throwsError(
    () => plotDecisionBoundary(square, [{ name: "zero", w: [0, 0], b: 1 }]),
    RangeError,
    /boundaries\[0\]\.w must be two finite numbers, not both 0/,
  );
  throwsError(
    () => plotDecisionBoundary(square, [{ name: "b", w: [1, 0], b: NaN }]),
    RangeError,
    /boundaries\[0\]\.b must be finite, got NaN/,
  );
});

boundary.run();

const slope = suite("plotSigmoidSlopeHistory");
const slopes = [
  { epoch: 0, sigmoidSlope: { mean: 0.25, p10: 0.25, median: 0.25, p90: 0.25 } },
  { epoch: 1, sigmoidSlope: { mean: 0.125, p10: 0.0625, median: 0.1, p90: 0.2 } },
];

slope("should draw the 10–90 % band, the median, the mean and the 0.25 reference", () => {
  const fig = plotSigmoidSlopeHistory(slopes);
  assert.equal(
    fig.data.map((d) => d.name),
    ["90th percentile", "10th–90th percentile", "median", "mean", "σ′(0) = 0.25, the maximum"],
  );
  assert.equal(
    fig.data.map((d) => d.y),
    [
      [0.25, 0.2],
      [0.25, 0.0625],
      [0.25, 0.1],
      [0.25, 0.125],
      [0.25, 0.25],
    ],
  );
  assert.equal(fig.data[4].x, [0, 1]);
  assert.is(fig.data[1].fill, "tonexty");
  assert.is(fig.data[0].showlegend, false);
  assert.is(fig.data[0].legendgroup, fig.data[1].legendgroup);
  assert.equal(fig.layout.yaxis.range, [0, 0.27]);
});

slope("should name the bad record", () => {
  throwsError(
    () => plotSigmoidSlopeHistory([]),
    TypeError,
    /plotSigmoidSlopeHistory: history must be a non-empty array/,
  );
  throwsError(
    () => plotSigmoidSlopeHistory([{ epoch: 0, sigmoidSlope: { mean: 0.2, p10: 0.1, median: 0.2 } as never }]),
    TypeError,
    /history\[0\]\.sigmoidSlope\.p90 must be a number, got undefined/,
  );
});

slope.run();

const snapshot = suite("plot-training snapshots");

snapshot("should match the committed snapshot", () => {
  const history = [0, 1, 2, 3].map((k) => ({
    epoch: k,
    loss: 0.75 / (k + 1),
    accuracy: 0.5,
    sigmoidSlope: { mean: 0.25 / (k + 1), p10: 0.125 / (k + 1), median: 0.25 / (k + 1), p90: 0.25 },
  }));
  matchSnapshot("plot-training", {
    loss: plotTrainingLoss(history),
    boundary: plotDecisionBoundary(square, [
      { name: "start", w: [1, 0], b: -2, dash: "dash" },
      { name: "end", w: [1, -1], b: 0 },
    ]),
    sigmoidSlope: plotSigmoidSlopeHistory(history),
  });
});

snapshot.run();
