/**
 * A network with one hidden layer for a binary label (notebook 09), in float64:
 *
 *   z₁ = W₁x + b₁,  h = a(z₁) with a = σ or tanh,  z₂ = w₂·h + b₂,  ŷ = σ(z₂),
 *   L = binary cross-entropy of ŷ against t, J = mean of L over the examples,
 *
 * and its gradient by exactly the backward equations the notebook derives:
 *
 *   ∂L/∂z₂ = ŷ − t,  ∂L/∂w₂ = (ŷ − t)·h,  ∂L/∂b₂ = ŷ − t,  ∂L/∂h = (ŷ − t)·w₂,
 *   ∂L/∂z₁ = ∂L/∂h ⊙ a′(z₁) with σ′ = h(1 − h) or tanh′ = 1 − h²,
 *   ∂L/∂W₁ = ∂L/∂z₁ xᵀ,  ∂L/∂b₁ = ∂L/∂z₁.
 */
import seedrandom from "seedrandom";
import { checkArg, checkOptions } from "../check";
import { binaryCrossEntropyWithLogits } from "../functions/binary-cross-entropy";
import { checkArray, checkFinite, describeValue } from "../check";
import { sigmoid } from "../functions/sigmoid";
import { checkFeatures, checkLabels } from "../check";
import { normalStream } from "./normal";
import type { Dataset } from "./types";

/** The hidden units' activation: the sigmoid σ or tanh. */
export type Activation = "sigmoid" | "tanh";

/** A one-hidden-layer network with H hidden units on d inputs. */
export interface Network {
  /** The hidden units' activation. */
  activation: Activation;
  /** Hidden weights, H rows of d: W1[k][j] multiplies input j in hidden unit k. */
  W1: number[][];
  /** Hidden biases, H. */
  b1: number[];
  /** Output weights, H: w2[k] multiplies hidden unit k. */
  w2: number[];
  /** Output bias. */
  b2: number;
}

/** The gradient of the mean loss J with respect to every parameter, shaped like the network, and J itself. */
export interface NetworkGradient {
  dW1: number[][];
  db1: number[];
  dw2: number[];
  db2: number;
  /** J, the mean binary cross-entropy in nats (each term by the stable logits form). */
  loss: number;
}

/** The forward pass for one example: every intermediate quantity of the forward equations. */
export interface ForwardPass {
  z1: number[];
  h: number[];
  z2: number;
  yhat: number;
}

/** Most hidden units a network may have here: a tutorial bound that keeps a typo from exhausting memory. */
export const MAX_HIDDEN_UNITS = 1000;

/**
 * Checks a network: activation "sigmoid" or "tanh", W1 H×d, b1 and w2 of length H, all finite.
 * @returns H and d
 * @throws TypeError / RangeError naming `net.W1[k][j]`, `net.b1`, … and what it got
 */
export function checkNetwork(fn: string, net: unknown): { H: number; d: number } {
  checkArg(fn, "net", net, { kind: "object" });
  const n = net as Network;
  if (n.activation !== "sigmoid" && n.activation !== "tanh") {
    throw new RangeError(`${fn}: net.activation must be "sigmoid" or "tanh", got ${describeValue(n.activation)}`);
  }
  checkArray(fn, "net.W1", n.W1);
  const H = n.W1.length;
  if (H === 0) throw new RangeError(`${fn}: net.W1 must have at least one row (hidden unit), got 0 rows`);
  let d = 0;
  n.W1.forEach((row: unknown, k) => {
    checkArray(fn, `net.W1[${k}]`, row);
    if (k === 0) d = row.length;
    if (row.length !== d || d === 0)
      throw new RangeError(
        `${fn}: every row of net.W1 must have the same length ≥ 1 (${d || "net.W1[0]"}), got net.W1[${k}] of length ${row.length}`,
      );
    row.forEach((v: unknown, j) => checkFinite(fn, `net.W1[${k}][${j}]`, v));
  });
  for (const name of ["b1", "w2"] as const) {
    checkArray(fn, `net.${name}`, n[name]);
    if (n[name].length !== H)
      throw new RangeError(
        `${fn}: net.${name} must have one entry per hidden unit (${H}), got length ${n[name].length}`,
      );
    n[name].forEach((v, k) => checkFinite(fn, `net.${name}[${k}]`, v));
  }
  checkFinite(fn, "net.b2", n.b2);
  return { H, d };
}

function checkData(fn: string, data: unknown, d: number): Dataset {
  if (data === null || typeof data !== "object")
    throw new TypeError(`${fn}: data must be { X, t }, got ${describeValue(data)}`);
  const { X, t } = data as Dataset;
  const dx = checkFeatures(fn, X, "data.");
  if (dx !== d) throw new RangeError(`${fn}: data.X must have ${d} features per row (the network's inputs), got ${dx}`);
  checkLabels(fn, t, X.length, "data.");
  return data as Dataset;
}

/**
 * A network with seeded random weights: every entry of W1 and w2 is normal with standard
 * deviation 1/√(fan-in) (d for W1, H for w2; Glorot-style scaling keeps z₁ and z₂ of order
 * 1), and every bias is 0. The normals come from seedrandom through Box–Muller, W1 row by
 * row, then w2.
 *
 * @param seed a non-empty string or finite number
 * @param opts hidden: H, an integer from 1 to 1000; inputs: d, default 2; activation, default "tanh"
 * @returns the network
 * @throws TypeError / RangeError naming seed, opts.hidden, opts.inputs or opts.activation
 * Source: Glorot & Bengio, "Understanding the difficulty of training deep feedforward neural networks", 2010 (the scale).
 */
export function initNetwork(
  seed: string | number,
  opts: { hidden: number; inputs?: number; activation?: Activation },
): Network {
  const fn = "initNetwork";
  const validSeed = (typeof seed === "string" && seed !== "") || (typeof seed === "number" && Number.isFinite(seed));
  if (!validSeed)
    throw new TypeError(`${fn}: seed must be a non-empty string or a finite number, got ${describeValue(seed)}`);
  checkOptions(fn, "opts", opts, {
    hidden: { kind: "number", integer: true, min: 1, max: MAX_HIDDEN_UNITS },
    inputs: { kind: "number", integer: true, min: 1, max: 1000, optional: true },
    activation: { kind: "string", optional: true },
  });
  const activation = opts.activation ?? "tanh";
  if (activation !== "sigmoid" && activation !== "tanh")
    throw new RangeError(`${fn}: opts.activation must be "sigmoid" or "tanh", got ${describeValue(activation)}`);
  const H = opts.hidden;
  const d = opts.inputs ?? 2;
  const normal = normalStream(seedrandom(String(seed)));
  const W1 = Array.from({ length: H }, () => Array.from({ length: d }, () => normal() / Math.sqrt(d)));
  const w2 = Array.from({ length: H }, () => normal() / Math.sqrt(H));
  return { activation, W1, b1: new Array<number>(H).fill(0), w2, b2: 0 };
}

/** The forward equations for one example, without checks. */
export function unsafeForward(net: Network, x: readonly number[]): ForwardPass {
  const z1 = net.W1.map((row, k) => row.reduce((s, w, j) => s + w * x[j], net.b1[k]));
  const h = z1.map(net.activation === "tanh" ? Math.tanh : sigmoid);
  const z2 = h.reduce((s, hk, k) => s + net.w2[k] * hk, net.b2);
  return { z1, h, z2, yhat: sigmoid(z2) };
}

/**
 * The forward pass for one example: z₁ = W₁x + b₁, h = a(z₁), z₂ = w₂·h + b₂, ŷ = σ(z₂).
 *
 * @param net the network (see {@link Network})
 * @param x the example's d features, finite
 * @returns z1, h (H each), z2 and ŷ
 * @throws TypeError / RangeError naming the failing part of net or x
 */
export function networkForward(net: Network, x: number[]): ForwardPass {
  const { d } = checkNetwork("networkForward", net);
  checkArray("networkForward", "x", x);
  if (x.length !== d) throw new RangeError(`networkForward: x must have ${d} features, got length ${x.length}`);
  x.forEach((v, j) => checkFinite("networkForward", `x[${j}]`, v));
  return unsafeForward(net, x);
}

/** The mean loss and the backward equations, without checks. */
export function unsafeNetworkGradient(
  net: Network,
  X: readonly (readonly number[])[],
  t: readonly number[],
): NetworkGradient {
  const H = net.W1.length;
  const d = net.W1[0].length;
  const n = X.length;
  const dW1 = Array.from({ length: H }, () => new Array<number>(d).fill(0));
  const db1 = new Array<number>(H).fill(0);
  const dw2 = new Array<number>(H).fill(0);
  let db2 = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const x = X[i];
    const { h, z2, yhat } = unsafeForward(net, x);
    loss += binaryCrossEntropyWithLogits(t[i], z2);
    const dz2 = (yhat - t[i]) / n; // ∂J/∂z₂ = (ŷ − t)/n: the mean's 1/n, then notebook 05's ŷ − t
    db2 += dz2; // ∂z₂/∂b₂ = 1
    for (let k = 0; k < H; k++) {
      dw2[k] += dz2 * h[k]; // ∂z₂/∂w₂ₖ = hₖ
      const dh = dz2 * net.w2[k]; // ∂z₂/∂hₖ = w₂ₖ
      const slope = net.activation === "tanh" ? 1 - h[k] * h[k] : h[k] * (1 - h[k]); // a′(z₁ₖ) from h
      const dz1 = dh * slope;
      db1[k] += dz1; // ∂z₁ₖ/∂b₁ₖ = 1
      for (let j = 0; j < d; j++) dW1[k][j] += dz1 * x[j]; // ∂z₁ₖ/∂W₁ₖⱼ = xⱼ
    }
  }
  return { dW1, db1, dw2, db2, loss: loss / n };
}

/**
 * The mean binary cross-entropy J of the network on a dataset and its gradient with respect
 * to every parameter, by the backward equations above (summed over the examples, divided by n).
 *
 * @param net the network
 * @param data `{ X, t }`: X n×d finite features, t n labels each 0 or 1
 * @returns dW1 (H×d), db1 (H), dw2 (H), db2 and the loss J in nats
 * @throws TypeError / RangeError naming the failing part of net or data
 * Source: the backward equations derived in notebook 09 (backpropagation; Rumelhart, Hinton & Williams 1986).
 */
export function networkGradient(net: Network, data: Dataset): NetworkGradient {
  const { d } = checkNetwork("networkGradient", net);
  const { X, t } = checkData("networkGradient", data, d);
  return unsafeNetworkGradient(net, X, t);
}

/**
 * The mean binary cross-entropy J of the network on a dataset, each term by the stable
 * logits form max(z₂, 0) − z₂t + log(1 + e^(−|z₂|)).
 *
 * @returns J in nats, ≥ 0
 * @throws as {@link networkGradient}
 */
export function networkLoss(net: Network, data: Dataset): number {
  const { d } = checkNetwork("networkLoss", net);
  const { X, t } = checkData("networkLoss", data, d);
  let loss = 0;
  for (let i = 0; i < X.length; i++) loss += binaryCrossEntropyWithLogits(t[i], unsafeForward(net, X[i]).z2);
  return loss / X.length;
}

/**
 * The predicted probability ŷ = σ(z₂) of class 1 at every row of X.
 *
 * @param net the network
 * @param X n×d finite features
 * @returns n probabilities in [0, 1]
 * @throws TypeError / RangeError naming the failing part of net or X
 */
export function networkPredict(net: Network, X: number[][]): number[] {
  const { d } = checkNetwork("networkPredict", net);
  const dx = checkFeatures("networkPredict", X);
  if (dx !== d)
    throw new RangeError(`networkPredict: X must have ${d} features per row (the network's inputs), got ${dx}`);
  return X.map((x) => unsafeForward(net, x).yhat);
}

/**
 * The fraction of examples whose predicted class (1 when z₂ ≥ 0, i.e. ŷ ≥ 0.5) equals the label.
 *
 * @returns the accuracy, a multiple of 1/n in [0, 1]
 * @throws as {@link networkGradient}
 */
export function networkAccuracy(net: Network, data: Dataset): number {
  const { d } = checkNetwork("networkAccuracy", net);
  const { X, t } = checkData("networkAccuracy", data, d);
  let right = 0;
  for (let i = 0; i < X.length; i++) if ((unsafeForward(net, X[i]).z2 >= 0 ? 1 : 0) === t[i]) right++;
  return right / X.length;
}
