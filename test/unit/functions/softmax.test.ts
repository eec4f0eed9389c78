import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  binaryCrossEntropyWithLogits,
  categoricalCrossEntropy,
  categoricalCrossEntropyGradient,
  categoricalCrossEntropyWithLogits,
  softmax,
  softmaxJacobian,
} from "../../../lib/functions";
import {
  close,
  refCategoricalCrossEntropy,
  refCategoricalCrossEntropyGradient,
  refCategoricalCrossEntropyWithLogits,
  refClip,
  refSoftmax,
  refSoftmaxJacobian,
  throwsWith,
} from "./reference";

/** 1e−14 relative per entry wherever the value is a normal double (underflow rule of `close` otherwise). */
const REL = 1e-14;
/** Logit vectors with exactly representable differences, ordinary and extreme. */
const LOGITS: number[][] = [
  [5],
  [0, 0],
  [1, 2, 3],
  [-10, -5, -1, 0, 0.5, 1, 5, 10, 37],
  [37, 0],
  [30, -30, 0],
  [100, -100],
  [700, 0],
  [-800, -800.5, -801],
  [800, -800],
  [1000, -1000, 0],
];
/** Target distributions (one-hot and soft) paired with logits of the same length. */
const PAIRS: [number[], number[]][] = [
  [
    [1, 0],
    [37, 0],
  ],
  [
    [0, 1],
    [37, 0],
  ],
  [
    [1, 0],
    [700, 0],
  ],
  [
    [0, 1],
    [800, -800],
  ],
  [
    [1, 0, 0],
    [1000, -1000, 0],
  ],
  [
    [0, 0, 1],
    [-800, -800.5, -801],
  ],
  [
    [0.25, 0.75],
    [-10, 5],
  ],
  [
    [0.2, 0.3, 0.5],
    [1, 2, 3],
  ],
  [
    [0.5, 0.5, 0],
    [-1, 0.5, 10],
  ],
];
/** Finite-difference tolerance: central differences with h = 1e−5 are good to ~1e−10 here. */
const FD_TOL = 1e-8;

/** Matrix / vector comparison against references, entry by entry. */
function closeAll(actual: number[], ref: ReturnType<typeof refSoftmax>, label: string): void {
  assert.is(actual.length, ref.length, `${label}: length`);
  actual.forEach((a, i) => close(a, ref[i], REL, `${label}[${i}]`));
}

const sm = suite("softmax");

sm("should match e^(zᵢ)/Σ e^(zⱼ) in 60 digits at ordinary and extreme logits", () => {
  for (const z of LOGITS) closeAll(softmax(z), refSoftmax(z), `softmax([${z}])`);
});

sm("should sum to 1 within a few ulps and never produce NaN", () => {
  for (const z of LOGITS) {
    const sum = softmax(z).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) <= 4 * 2 ** -52, `sum of softmax([${z}]) = ${sum}`);
  }
  for (let x = -1000; x <= 1000; x += 0.5) {
    for (const p of softmax([x, 0, -x])) assert.ok(p >= 0 && p <= 1, `softmax([${x}, 0, ${-x}])`);
  }
});

sm("should be invariant to adding the same constant to every logit", () => {
  // 1e−12 relative: shifting by c = ±1000 rounds each logit by up to ulp(1000)/2 ≈ 1.1e−13.
  const z = [0.1, -2.3, 1.7, 4];
  const p = softmax(z);
  for (const c of [-1000, -3.5, 123.25, 1000]) {
    const shifted = softmax(z.map((zi) => zi + c));
    shifted.forEach((q, i) => assert.ok(Math.abs(q - p[i]) <= 1e-12 * p[i], `c = ${c}, entry ${i}: ${q} vs ${p[i]}`));
  }
});

sm("should reject empty, non-array, NaN and infinite logits naming the argument and value", () => {
  throwsWith(() => softmax([]), RangeError, /^softmax: z must be a non-empty array, got length 0$/);
  throwsWith(
    () => softmax("abc" as unknown as number[]),
    TypeError,
    /^softmax: z must be an array of numbers, got "abc"$/,
  );
  throwsWith(() => softmax([1, NaN]), TypeError, /^softmax: z\[1\] must be a number, got NaN$/);
  throwsWith(() => softmax([Infinity, 0]), RangeError, /^softmax: z\[0\] must be finite, got Infinity$/);
});

sm.run();

const cce = suite("categoricalCrossEntropy");

cce("should match −Σ tᵢ·log(clip(pᵢ)) in 60 digits", () => {
  const cases: [number[], number[]][] = [
    [
      [1, 0, 0],
      [0.7, 0.2, 0.1],
    ],
    [
      [0, 1, 0],
      [0.7, 0.2, 0.1],
    ],
    [
      [0.2, 0.3, 0.5],
      [0.25, 0.25, 0.5],
    ],
    [
      [0, 1, 0],
      [1, 0, 0],
    ],
    [
      [1, 0, 0],
      [1, 0, 0],
    ],
    [
      [0.5, 0.5],
      [1e-9, 1 - 1e-9],
    ],
  ];
  for (const [t, p] of cases) {
    const ref = refCategoricalCrossEntropy(
      t,
      p.map((pi) => refClip(pi, 1e-7)),
    );
    close(categoricalCrossEntropy(t, p), ref, REL, `cce([${t}], [${p}])`);
    const ref3 = refCategoricalCrossEntropy(
      t,
      p.map((pi) => refClip(pi, 1e-3)),
    );
    close(categoricalCrossEntropy(t, p, 1e-3), ref3, REL, `cce([${t}], [${p}], 1e-3)`);
  }
  assert.is(categoricalCrossEntropy([0, 1], [1, 0], 0), Infinity);
});

cce("should agree with the logits form on p = softmax(z) at ordinary logits", () => {
  for (const [t, z] of PAIRS.filter(([, v]) => Math.max(...v) - Math.min(...v) <= 15)) {
    const a = categoricalCrossEntropy(t, softmax(z));
    const b = categoricalCrossEntropyWithLogits(t, z);
    assert.ok(Math.abs(a - b) <= 1e-12 * b, `t = [${t}], z = [${z}]: ${a} vs ${b}`);
  }
});

cce("should reject mismatched, empty and non-distribution inputs naming the argument and value", () => {
  const fn = categoricalCrossEntropy;
  throwsWith(
    () => fn([1, 0], [0.5, 0.25, 0.25]),
    RangeError,
    /^categoricalCrossEntropy: t and p must be non-empty arrays of the same length, got lengths 2 and 3$/,
  );
  throwsWith(() => fn([], []), RangeError, /got lengths 0 and 0$/);
  throwsWith(() => fn([1], []), RangeError, /t and p .* got lengths 1 and 0$/);
  throwsWith(
    () => fn([1, 0], [0.5, 0.4]),
    RangeError,
    /^categoricalCrossEntropy: p must sum to 1 \(within 1e-6\), got sum 0\.9$/,
  );
  throwsWith(
    () => fn([0.5, 0.6], [0.5, 0.5]),
    RangeError,
    /^categoricalCrossEntropy: t must sum to 1 \(within 1e-6\), got sum 1\.1$/,
  );
  throwsWith(
    () => fn([1.5, -0.5], [0.5, 0.5]),
    RangeError,
    /^categoricalCrossEntropy: t\[0\] must be in \[0, 1\], got 1\.5$/,
  );
  throwsWith(
    () => fn([1, 0], [1.25, -0.25]),
    RangeError,
    /^categoricalCrossEntropy: p\[0\] must be in \[0, 1\], got 1\.25$/,
  );
  throwsWith(() => fn([1, 0], [NaN, 1]), TypeError, /^categoricalCrossEntropy: p\[0\] must be a number, got NaN$/);
  throwsWith(
    () => fn([1, 0], [0.5, 0.5], 0.5),
    RangeError,
    /^categoricalCrossEntropy: epsilon must be in \[0, 0\.5\), got 0\.5$/,
  );
});

cce.run();

const ccel = suite("categoricalCrossEntropyWithLogits");

ccel("should match Σ tᵢ·log1p(Σ_{j≠i} e^(zⱼ − zᵢ)) in 60 digits at ordinary and extreme logits", () => {
  for (const [t, z] of PAIRS) {
    close(
      categoricalCrossEntropyWithLogits(t, z),
      refCategoricalCrossEntropyWithLogits(t, z),
      REL,
      `cceLogits([${t}], [${z}])`,
    );
  }
  assert.is(categoricalCrossEntropyWithLogits([0, 1], [800, -800]), 1600);
});

ccel("should equal the binary logits loss for two classes with logits [z, 0] and targets [t, 1 − t]", () => {
  for (const t of [0, 0.25, 0.5, 1]) {
    for (const z of [-800, -30, -10, -1, 0, 0.5, 1, 5, 10, 37, 100, 800]) {
      const a = categoricalCrossEntropyWithLogits([t, 1 - t], [z, 0]);
      const b = binaryCrossEntropyWithLogits(t, z);
      assert.ok(Math.abs(a - b) <= 1e-14 * b, `t = ${t}, z = ${z}: ${a} vs ${b}`);
    }
  }
});

ccel("should reject mismatched lengths and infinite logits naming the argument and value", () => {
  const fn = categoricalCrossEntropyWithLogits;
  throwsWith(
    () => fn([1, 0, 0], [1, 2]),
    RangeError,
    /^categoricalCrossEntropyWithLogits: t and z must be non-empty arrays of the same length, got lengths 3 and 2$/,
  );
  throwsWith(
    () => fn([1, 0], [1, -Infinity]),
    RangeError,
    /^categoricalCrossEntropyWithLogits: z\[1\] must be finite, got -Infinity$/,
  );
  throwsWith(
    () => fn([0.5, 0.25], [1, 2]),
    RangeError,
    /^categoricalCrossEntropyWithLogits: t must sum to 1 \(within 1e-6\), got sum 0\.75$/,
  );
});

ccel.run();

const ccg = suite("categoricalCrossEntropyGradient");

ccg("should match the chain-rule reference Σⱼ (−tⱼ/pⱼ)·∂pⱼ/∂zᵢ in 60 digits", () => {
  for (const [t, z] of PAIRS) {
    closeAll(categoricalCrossEntropyGradient(t, z), refCategoricalCrossEntropyGradient(t, z), `grad([${t}], [${z}])`);
  }
});

ccg("should equal softmax(z) − t at ordinary logits and sum to ~0", () => {
  for (const [t, z] of PAIRS) {
    const g = categoricalCrossEntropyGradient(t, z);
    const p = softmax(z);
    g.forEach((gi, i) => assert.ok(Math.abs(gi - (p[i] - t[i])) <= 2 ** -52, `entry ${i} of grad([${t}], [${z}])`));
    assert.ok(Math.abs(g.reduce((a, b) => a + b, 0)) <= 4 * 2 ** -52);
  }
});

ccg("should agree with central finite differences of the logits loss", () => {
  const h = 1e-5;
  for (const [t, z] of PAIRS.filter(([, v]) => Math.max(...v) - Math.min(...v) <= 50)) {
    const g = categoricalCrossEntropyGradient(t, z);
    z.forEach((_, i) => {
      const up = z.map((v, j) => (j === i ? v + h : v));
      const down = z.map((v, j) => (j === i ? v - h : v));
      const fd = (categoricalCrossEntropyWithLogits(t, up) - categoricalCrossEntropyWithLogits(t, down)) / (2 * h);
      assert.ok(Math.abs(fd - g[i]) <= FD_TOL, `∂/∂z${i} at t = [${t}], z = [${z}]: fd ${fd} vs ${g[i]}`);
    });
  }
});

ccg("should reject bad inputs naming the argument and value", () => {
  throwsWith(
    () => categoricalCrossEntropyGradient([], [1]),
    RangeError,
    /^categoricalCrossEntropyGradient: t and z must be non-empty arrays of the same length, got lengths 0 and 1$/,
  );
  throwsWith(
    () => categoricalCrossEntropyGradient([1], 3 as unknown as number[]),
    TypeError,
    /^categoricalCrossEntropyGradient: z must be an array of numbers, got 3$/,
  );
});

ccg.run();

const jac = suite("softmaxJacobian");

jac("should match pᵢ(δᵢⱼ − pⱼ) in 60 digits at ordinary and extreme logits", () => {
  for (const z of LOGITS) {
    const J = softmaxJacobian(z);
    const R = refSoftmaxJacobian(z);
    assert.is(J.length, z.length);
    J.forEach((row, i) => closeAll(row, R[i], `J([${z}])[${i}]`));
  }
});

jac("should agree with central finite differences of softmax", () => {
  const h = 1e-5;
  for (const z of LOGITS.filter((v) => Math.max(...v) - Math.min(...v) <= 50)) {
    const J = softmaxJacobian(z);
    z.forEach((_, j) => {
      const up = softmax(z.map((v, k) => (k === j ? v + h : v)));
      const down = softmax(z.map((v, k) => (k === j ? v - h : v)));
      up.forEach((u, i) => {
        const fd = (u - down[i]) / (2 * h);
        assert.ok(Math.abs(fd - J[i][j]) <= FD_TOL, `∂p${i}/∂z${j} at [${z}]: fd ${fd} vs ${J[i][j]}`);
      });
    });
  }
});

jac("should be symmetric with rows summing to ~0", () => {
  for (const z of LOGITS) {
    const J = softmaxJacobian(z);
    J.forEach((row, i) => {
      row.forEach((v, j) => assert.is(v, J[j][i], `J[${i}][${j}] vs J[${j}][${i}] at [${z}]`));
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0)) <= 4 * 2 ** -52 * Math.max(...row.map(Math.abs), 2 ** -52));
    });
  }
});

jac("should reject bad logits naming the argument and value", () => {
  throwsWith(() => softmaxJacobian([]), RangeError, /^softmaxJacobian: z must be a non-empty array, got length 0$/);
  throwsWith(() => softmaxJacobian([0, NaN]), TypeError, /^softmaxJacobian: z\[1\] must be a number, got NaN$/);
});

jac.run();
