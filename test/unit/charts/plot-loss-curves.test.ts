import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotLossCurves } from "../../../lib/charts";
import { close, throwsError } from "./helpers";

const s = suite("plotLossCurves");
// Binary cross-entropy and its derivative with respect to ŷ, written out here (target first).
const bce = {
  loss: (t: number, y: number) => -(t * Math.log(y) + (1 - t) * Math.log(1 - y)),
  dLoss: (t: number, y: number) => (y - t) / (y * (1 - y)),
};

s("should draw L and ∂L/∂ŷ for t = 0 and t = 1 in two panels", () => {
  const fig = plotLossCurves(bce);
  assert.is(fig.data.length, 4);
  assert.equal(
    fig.data.map((d) => d.name),
    ["t = 0", "t = 1", "t = 0", "t = 1"],
  );
  assert.equal(
    fig.data.map((d) => d.yaxis),
    [undefined, undefined, "y2", "y2"],
  );
  assert.equal(
    fig.data.map((d) => d.xaxis),
    [undefined, undefined, "x2", "x2"],
  );
  assert.equal(
    fig.data.map((d) => d.showlegend),
    [true, true, false, false],
  );
  assert.is(fig.data[0].line.color, fig.data[2].line.color);
  assert.is(fig.data[1].line.color, fig.data[3].line.color);
  assert.is.not(fig.data[0].line.color, fig.data[1].line.color);
  const top = fig.layout.yaxis.domain as number[];
  const bottom = fig.layout.yaxis2?.domain as number[];
  assert.ok(bottom[1] < top[0], "the panels overlap");
  assert.is(fig.layout.xaxis2?.matches, "x");
});

s("should sample ŷ from 0.005 to 0.995 by default", () => {
  const x = plotLossCurves(bce).data[0].x;
  assert.is(x[0], 0.005);
  assert.is(x[x.length - 1], 0.995);
  assert.is(x.length, 397);
  for (let i = 1; i < x.length; i++) close((x[i] as number) - (x[i - 1] as number), 0.0025, 1e-12, `step ${i}`);
});

s("should give the known values at ŷ = 0.5", () => {
  const fig = plotLossCurves(bce);
  const i = fig.data[0].x.indexOf(0.5);
  assert.is(i, 198);
  // L(t, 0.5) = ln 2 for both targets; ∂L/∂ŷ = (0.5 − t)/0.25 = +2 for t = 0, −2 for t = 1.
  close(fig.data[0].y[i], Math.LN2, 1e-15, "L(0, 0.5)");
  close(fig.data[1].y[i], Math.LN2, 1e-15, "L(1, 0.5)");
  close(fig.data[2].y[i], 2, 1e-15, "∂L/∂ŷ(0, 0.5)");
  close(fig.data[3].y[i], -2, 1e-15, "∂L/∂ŷ(1, 0.5)");
});

s("should call the functions with the target first", () => {
  const fig = plotLossCurves(
    { loss: (t, y) => 10 * t + y, dLoss: (t, y) => 100 * t + y },
    { points: 3, yhatMin: 0.25, yhatMax: 0.75 },
  );
  assert.equal(fig.data[0].y, [0.25, 0.5, 0.75]);
  assert.equal(fig.data[1].y, [10.25, 10.5, 10.75]);
  assert.equal(fig.data[3].y, [100.25, 100.5, 100.75]);
});

s("should clip the derivative panel to ±20 unless told otherwise", () => {
  assert.equal(plotLossCurves(bce).layout.yaxis2?.range, [-20, 20]);
  assert.equal(plotLossCurves(bce, { derivativeRange: [-5, 8] }).layout.yaxis2?.range, [-5, 8]);
  assert.is(plotLossCurves(bce, { derivativeRange: null }).layout.yaxis2?.range, undefined);
});

s("should turn non-finite values into null", () => {
  const fig = plotLossCurves(
    { loss: bce.loss, dLoss: (_t, y) => 1 / (y - 0.5) },
    { points: 3, yhatMin: 0.25, yhatMax: 0.75 },
  );
  assert.equal(fig.data[2].y, [-4, null, 4]);
});

s("should throw for bad functions, intervals and ranges", () => {
  throwsError(() => plotLossCurves({ loss: bce.loss } as never), TypeError, /fns\.dLoss must be a function/);
  throwsError(() => plotLossCurves(bce, { yhatMin: 0 }), RangeError, /yhatMin must be in \(0, 1\), got 0/);
  throwsError(() => plotLossCurves(bce, { yhatMax: 1 }), RangeError, /yhatMax must be in \(yhatMin, 1\).*got 1/);
  throwsError(() => plotLossCurves(bce, { yhatMin: 0.6, yhatMax: 0.4 }), RangeError, /got 0.4/);
  throwsError(() => plotLossCurves(bce, { derivativeRange: [5, -5] }), RangeError, /derivativeRange.*\[5,-5\]/);
  throwsError(
    () => plotLossCurves(bce, { points: 1e9 }),
    RangeError,
    /plotLossCurves: opts\.points must be an integer from 2 to 100000, got 1000000000/,
  );
  throwsError(
    () => plotLossCurves(bce, { yhatMin: "0.1" as never }),
    TypeError,
    /plotLossCurves: opts\.yhatMin must be a number, got "0\.1"/,
  );
  throwsError(
    () => plotLossCurves(bce, { derivativeRange: "wide" as never }),
    TypeError,
    /opts\.derivativeRange must be an array, got "wide"/,
  );
});

s.run();
