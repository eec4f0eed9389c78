import { suite } from "uvu";
import * as assert from "uvu/assert";
import { makeBlobs } from "../../../lib/models";
import { throwsWith } from "../functions/reference";

const s = suite("makeBlobs");

s("should return n examples of 2 features with alternating labels 0, 1", () => {
  const { X, t } = makeBlobs("shape", 7);
  assert.is(X.length, 7);
  assert.ok(X.every((row) => row.length === 2 && row.every(Number.isFinite)));
  assert.equal(t, [0, 1, 0, 1, 0, 1, 0]);
});

s("should give the same data for the same seed and different data for another seed", () => {
  const a = makeBlobs("stepwise-06", 50);
  const b = makeBlobs("stepwise-06", 50);
  assert.equal(a, b);
  const c = makeBlobs("stepwise-07", 50);
  assert.equal(c.t, a.t);
  assert.ok(
    a.X.every((row, i) => row[0] !== c.X[i][0] && row[1] !== c.X[i][1]),
    "every coordinate should change with the seed",
  );
  // A number seed is its string.
  assert.equal(makeBlobs(42, 10), makeBlobs("42", 10));
});

s("should make the first rows of a longer dataset equal to a shorter one with the same seed", () => {
  assert.equal(makeBlobs("prefix", 100).X.slice(0, 10), makeBlobs("prefix", 10).X);
});

s("should centre each class at its centre with the given spread", () => {
  // 10 000 points per class: a sample mean has standard error spread/100, and the sample sd a relative
  // standard error of about 1/√20 000 ≈ 0.7 %. Allow 5 standard errors for the mean and 3 % for the sd.
  const centers: [number[], number[]] = [
    [-2, 0.5],
    [3, -1],
  ];
  const spread = 0.5;
  const { X, t } = makeBlobs("moments", 20000, { centers, spread });
  for (const label of [0, 1]) {
    const rows = X.filter((_, i) => t[i] === label);
    for (const j of [0, 1]) {
      const v = rows.map((r) => r[j]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
      assert.ok(
        Math.abs(mean - centers[label][j]) < (5 * spread) / Math.sqrt(v.length),
        `class ${label}, x${j + 1}: mean ${mean}`,
      );
      assert.ok(Math.abs(sd / spread - 1) < 0.03, `class ${label}, x${j + 1}: sd ${sd}`);
    }
  }
});

s("should give uncorrelated, symmetric coordinates (a check of the Box–Muller pairs)", () => {
  const { X } = makeBlobs("pairs", 20000, {
    centers: [
      [0, 0],
      [0, 0],
    ],
  });
  const n = X.length;
  const corr = X.reduce((a, r) => a + r[0] * r[1], 0) / n;
  assert.ok(Math.abs(corr) < 5 / Math.sqrt(n), `E[x₁x₂] = ${corr}`);
  // P(|g| > 1.96) = 0.05 for a standard normal; binomial sd √(0.05·0.95/40000) ≈ 0.0011.
  const tail = X.flat().filter((v) => Math.abs(v) > 1.959963984540054).length / (2 * n);
  assert.ok(Math.abs(tail - 0.05) < 0.006, `two-sided 5 % tail frequency ${tail}`);
});

s("should support other dimensions", () => {
  const { X } = makeBlobs("3d", 4, {
    centers: [
      [0, 0, 0],
      [1, 1, 1],
    ],
  });
  assert.ok(X.every((row) => row.length === 3));
});

s("should throw errors that name the argument and value", () => {
  throwsWith(
    () => makeBlobs("", 10),
    TypeError,
    /makeBlobs: seed must be a non-empty string or a finite number, got ""/,
  );
  throwsWith(() => makeBlobs(NaN, 10), TypeError, /seed .* got NaN/);
  throwsWith(() => makeBlobs("s", 1), RangeError, /makeBlobs: n must be an integer from 2 to 1000000, got 1/);
  throwsWith(
    () => makeBlobs("s", 1e9),
    RangeError,
    /makeBlobs: n must be an integer from 2 to 1000000, got 1000000000/,
  );
  throwsWith(
    () => makeBlobs("s", 10, { spread: "1" as never }),
    TypeError,
    /makeBlobs: opts\.spread must be a number, got "1"/,
  );
  throwsWith(() => makeBlobs("s", 2.5), RangeError, /n must be an integer from 2 to 1000000, got 2.5/);
  throwsWith(() => makeBlobs("s", 10, { spread: 0 }), RangeError, /spread must be finite and > 0, got 0/);
  throwsWith(
    () => makeBlobs("s", 10, { centers: [[0, 0], [1]] }),
    RangeError,
    /centers must have the same dimension, got 2 and 1/,
  );
  throwsWith(
    () =>
      makeBlobs("s", 10, {
        centers: [
          [0, Infinity],
          [1, 1],
        ],
      }),
    RangeError,
    /centers\[0\]\[1\] must be finite, got Infinity/,
  );
  throwsWith(
    () => makeBlobs("s", 10, { centers: [[0, 0]] as never }),
    TypeError,
    /centers must be two non-empty arrays/,
  );
});

s.run();
