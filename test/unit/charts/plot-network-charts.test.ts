import { test } from "uvu";
import * as assert from "uvu/assert";
import { Value } from "../../../lib/autodiff";
import { levelSegments, plotComputationGraph, plotDecisionRegions } from "../../../lib/charts";
import { thrown } from "../derive/helpers";

const data = {
  X: [
    [-1, -1],
    [1, 1],
    [-1, 1],
    [1, -1],
  ],
  t: [0, 1, 0, 1],
};

/** The segment ends of a "lines" trace (pairs separated by null). */
function ends(x: (number | null)[], y: (number | null)[]): [number, number][] {
  const out: [number, number][] = [];
  x.forEach((v, i) => {
    if (v !== null) out.push([v, y[i] as number]);
  });
  return out;
}

test("levelSegments: a linear function's zero line exactly, a circle to O(h²), every cell crossed once", () => {
  const line = levelSegments((x, y) => x + 2 * y - 0.3, [-1, 1], [-1, 1], 41);
  const lineEnds = ends(line.x, line.y);
  assert.ok(lineEnds.length > 40);
  for (const [x, y] of lineEnds) assert.ok(Math.abs(x + 2 * y - 0.3) < 1e-12, `(${x}, ${y})`);
  assert.ok(
    line.x.every((v, i) => (i % 3 === 2) === (v === null)),
    "two ends, then a gap",
  );
  const circle = levelSegments((x, y) => 1 - x * x - y * y, [-2, 2], [-2, 2], 200);
  const circleEnds = ends(circle.x, circle.y);
  for (const [x, y] of circleEnds) assert.ok(Math.abs(Math.hypot(x, y) - 1) < 1e-3, `(${x}, ${y}) off the unit circle`);
  const quadrants = new Set(circleEnds.map(([x, y]) => `${x > 0}${y > 0}`));
  assert.is(quadrants.size, 4);
  assert.equal(
    levelSegments(() => 1, [0, 1], [0, 1], 10),
    { x: [], y: [] },
  );
});

test("plotDecisionRegions: the data by class and one boundary trace per classifier", () => {
  const fig = plotDecisionRegions(
    data,
    [
      { name: "network", probability: (a, b) => 1 / (1 + Math.exp(-(a * b))) },
      { name: "linear", probability: (a, b) => 0.5 + 0.1 * (a - b), dash: "dash" },
    ],
    { resolution: 30 },
  );
  assert.equal(
    fig.data.map((d) => d.name),
    ["t = 0", "t = 1", "network", "linear"],
  );
  assert.equal(fig.data[0].x, [-1, -1]);
  for (const [x, y] of ends(fig.data[2].x, fig.data[2].y))
    assert.ok(Math.abs(x * y) < 1e-2, `ŷ = 0.5 needs x₁x₂ = 0, got (${x}, ${y})`);
  for (const [x, y] of ends(fig.data[3].x, fig.data[3].y)) assert.ok(Math.abs(x - y) < 1e-12);
  assert.is(fig.data[3].line.dash, "dash");
  assert.equal(fig.layout.xaxis.range, [-1.1, 1.1]);
  assert.match(
    thrown(() => plotDecisionRegions(data, [{ name: "bad", probability: () => NaN }])).message,
    /^plotDecisionRegions: classifiers\[0\]\.probability\(-1\.1, -1\.1\) must be a finite number, got NaN/,
  );
  assert.match(
    thrown(() => plotDecisionRegions(data, [{ name: "", probability: () => 0 }])).message,
    /^plotDecisionRegions: classifiers\[0\]\.name must be a non-empty string/,
  );
  assert.match(
    thrown(() => plotDecisionRegions({ X: [[0, 0]], t: [2] }, [])).message,
    /^plotDecisionRegions: data\.t\[0\] must be 0 or 1, got 2/,
  );
  assert.match(
    thrown(() => plotDecisionRegions(data, [], { resolution: 5 })).message,
    /^plotDecisionRegions: opts\.resolution must be an integer from 10 to 400, got 5/,
  );
});

test("plotComputationGraph: a node per value with its value and gradient, an edge per input, inputs left of their uses", () => {
  const x = new Value(2, "x");
  const w = new Value(-0.5, "w");
  const y = x.mul(w).add(1).sigmoid();
  y.backward();
  const fig = plotComputationGraph(y, { title: "σ(wx + 1)" });
  const [edges, inputs, constants, ops] = fig.data;
  assert.equal(inputs.text, ["<b>x</b><br>2<br>grad -0.125", "<b>w</b><br>-0.5<br>grad 0.5"]);
  assert.equal(constants.text, ["<b>1</b><br>1<br>grad 0.25"]);
  assert.equal(ops.text, ["<b>×</b><br>-1<br>grad 0.25", "<b>+</b><br>0<br>grad 0.25", "<b>σ</b><br>0.5<br>grad 1"]);
  assert.equal(ops.x, [1, 2, 3]);
  assert.equal(inputs.x, [0, 0], "the inputs one column left of ×");
  assert.equal(constants.x, [1], "the constant one column left of +, its first user");
  assert.is(edges.x.filter((v) => v === null).length, 5, "x→×, w→×, ×→+, 1→+, +→σ");
  let big = new Value(1);
  for (let k = 0; k < 70; k++) big = big.add(1);
  assert.match(
    thrown(() => plotComputationGraph(big)).message,
    /^plotComputationGraph: the graph has 141 nodes, more than 60/,
  );
  assert.match(thrown(() => plotComputationGraph(1 as unknown as Value)).message, /root must be a Value, got number/);
});

test.run();
