import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { close, throwsError } from "./helpers";

const s = suite("plotFunctions");
const square = (x: number) => x * x;
const opts = { xMin: -2, xMax: 2, points: 5, title: "t", xTitle: "x", yTitle: "y" };

s("should sample 401 points including both ends by default", () => {
  const fig = plotFunctions([{ name: "square", f: square }], { ...opts, xMin: -10, xMax: 10, points: undefined });
  const { x, y } = fig.data[0];
  assert.is(x.length, 401);
  assert.is(y.length, 401);
  assert.is(x[0], -10);
  assert.is(x[400], 10);
  close(x[1], -9.95, 1e-12, "x[1]");
  assert.is(y[0], 100);
  assert.is(y[200], 0);
  close(y[300], 25, 1e-12, "y at x = 5");
});

s("should evaluate every function on the same grid", () => {
  const fig = plotFunctions(
    [
      { name: "x²", f: square },
      { name: "2x + 1", f: (x) => 2 * x + 1 },
    ],
    opts,
  );
  assert.equal(fig.data[0].x, [-2, -1, 0, 1, 2]);
  assert.equal(fig.data[1].x, [-2, -1, 0, 1, 2]);
  assert.equal(fig.data[0].y, [4, 1, 0, 1, 4]);
  assert.equal(fig.data[1].y, [-3, -1, 1, 3, 5]);
  assert.equal(
    fig.data.map((t) => t.name),
    ["x²", "2x + 1"],
  );
  assert.ok(fig.data.every((t) => t.type === "scatter" && t.mode === "lines"));
});

s("should turn NaN and ±Infinity into null gaps, never NaN", () => {
  const fig = plotFunctions(
    [
      { name: "1/x", f: (x) => 1 / x },
      { name: "ln x", f: Math.log },
    ],
    { ...opts, xMin: -1, xMax: 1, points: 3 },
  );
  assert.equal(fig.data[0].y, [-1, null, 1]);
  assert.equal(fig.data[1].y, [null, null, 0]);
  assert.not.match(JSON.stringify(fig), /NaN|Infinity/);
});

s("should give each function its own colour and pass its dash style through", () => {
  const fig = plotFunctions(
    [
      { name: "a", f: square },
      { name: "b", f: square, dash: "dot" },
    ],
    opts,
  );
  assert.is.not(fig.data[0].line.color, fig.data[1].line.color);
  assert.is(fig.data[0].line.dash, undefined);
  assert.is(fig.data[1].line.dash, "dot");
});

s("should put the titles into the layout", () => {
  const fig = plotFunctions([{ name: "a", f: square }], { ...opts, title: "σ and σ′", xTitle: "x", yTitle: "value" });
  assert.is(fig.layout.title.text, "σ and σ′");
  assert.is(fig.layout.xaxis.title?.text, "x");
  assert.is(fig.layout.yaxis.title?.text, "value");
});

s("should be plain JSON that round-trips", () => {
  const fig = plotFunctions([{ name: "a", f: square }], opts);
  assert.equal(JSON.parse(JSON.stringify(fig)), fig);
});

s("should throw TypeError for bad functions", () => {
  throwsError(() => plotFunctions([], opts), RangeError, /fns must be a non-empty array/);
  throwsError(() => plotFunctions(undefined as never, opts), TypeError, /fns must be a non-empty array, got undefined/);
  throwsError(
    () => plotFunctions([{ name: "", f: square }], opts),
    RangeError,
    /fns\[0\]\.name must be a non-empty string, got ""/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: 3 as never }], opts),
    TypeError,
    /fns\[0\]\.f must be a function, got 3/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: (() => "1") as never }], opts),
    TypeError,
    /a: f\(-2\) must return a number, got string/,
  );
});

s("should throw RangeError for a bad interval or number of points", () => {
  throwsError(
    () => plotFunctions([{ name: "a", f: square }], { ...opts, xMin: 2, xMax: -2 }),
    RangeError,
    /opts\.xMin must be less than opts\.xMax, got xMin = 2, xMax = -2/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: square }], { ...opts, points: 1 }),
    RangeError,
    /opts\.points must be an integer from 2 to 100000, got 1$/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: square }], { ...opts, points: 1e9 }),
    RangeError,
    /opts\.points must be an integer from 2 to 100000, got 1000000000/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: square }], { ...opts, xMin: "0" as never }),
    TypeError,
    /plotFunctions: opts\.xMin must be a number, got "0"/,
  );
  throwsError(
    () => plotFunctions([{ name: "a", f: square }], { ...opts, xMax: Infinity }),
    RangeError,
    /opts\.xMax must be a finite number, got Infinity/,
  );
});

s.run();
