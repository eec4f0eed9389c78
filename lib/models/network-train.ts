/**
 * Gradient checking and training of the one-hidden-layer network of lib/models/network.ts.
 */
import { checkArg, checkOptions } from "../check";
import { centralDifference } from "../functions/gradient-check";
import { describeValue } from "../check";
import { binaryCrossEntropyWithLogits } from "../functions/binary-cross-entropy";
import { MAX_EPOCHS } from "./train";
import { checkLabels, checkFeatures } from "../check";
import { checkNetwork, unsafeForward, unsafeNetworkGradient, type Network } from "./network";
import type { Dataset } from "./types";

/** One parameter of a network gradient check. */
export interface NetworkParameterCheck {
  /** The parameter, 1-based as in the notebook: "W₁[2,1]", "b₁[2]", "w₂[3]", "b₂". */
  parameter: string;
  /** ∂J/∂parameter by the backward equations ({@link networkGradient}). */
  analytic: number;
  /** The central difference (J(θ + h) − J(θ − h)) / (2h) in that parameter alone. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|); 0 when both are 0. */
  relativeError: number;
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
const sub = (k: number) => String(k).replace(/\d/g, (c) => SUBSCRIPTS[Number(c)]);

/** Every scalar parameter of a network: its name, a getter and a setter on a copy. */
function parameterSlots(
  net: Network,
): { name: string; get: (n: Network) => number; set: (n: Network, v: number) => void }[] {
  const slots: { name: string; get: (n: Network) => number; set: (n: Network, v: number) => void }[] = [];
  net.W1.forEach((row, k) =>
    row.forEach((_, j) =>
      slots.push({
        name: `W${sub(1)}[${k + 1},${j + 1}]`,
        get: (n) => n.W1[k][j],
        set: (n, v) => {
          n.W1[k][j] = v;
        },
      }),
    ),
  );
  net.b1.forEach((_, k) =>
    slots.push({
      name: `b${sub(1)}[${k + 1}]`,
      get: (n) => n.b1[k],
      set: (n, v) => {
        n.b1[k] = v;
      },
    }),
  );
  net.w2.forEach((_, k) =>
    slots.push({
      name: `w${sub(2)}[${k + 1}]`,
      get: (n) => n.w2[k],
      set: (n, v) => {
        n.w2[k] = v;
      },
    }),
  );
  slots.push({
    name: `b${sub(2)}`,
    get: (n) => n.b2,
    set: (n, v) => {
      n.b2 = v;
    },
  });
  return slots;
}

function copy(net: Network): Network {
  return { activation: net.activation, W1: net.W1.map((r) => [...r]), b1: [...net.b1], w2: [...net.w2], b2: net.b2 };
}

function checkDataset(fn: string, data: unknown, d: number): Dataset {
  if (data === null || typeof data !== "object")
    throw new TypeError(`${fn}: data must be { X, t }, got ${describeValue(data)}`);
  const { X, t } = data as Dataset;
  const dx = checkFeatures(fn, X, "data.");
  if (dx !== d) throw new RangeError(`${fn}: data.X must have ${d} features per row (the network's inputs), got ${dx}`);
  checkLabels(fn, t, X.length, "data.");
  return data as Dataset;
}

/**
 * Gradient checking of the network: for every parameter, the backward equations' partial
 * derivative of the mean loss J against the central difference of J in that parameter
 * alone (all others fixed). With h ≈ 1e−5 a correct gradient agrees to about 1e−10
 * relative wherever the partial derivative is not close to 0.
 *
 * @param net the network, data `{ X, t }` (X n×d, t labels 0 or 1)
 * @param h the finite-difference step, finite and > 0; default 1e−5
 * @returns one row per parameter: W₁ row by row, b₁, w₂, b₂
 * @throws TypeError / RangeError naming the failing part of net or data, or h
 * Source: central differences (O(h²) truncation); the relative error as in common gradient-check practice.
 */
export function networkGradientCheck(net: Network, data: Dataset, h = 1e-5): NetworkParameterCheck[] {
  const fn = "networkGradientCheck";
  const { d } = checkNetwork(fn, net);
  const { X, t } = checkDataset(fn, data, d);
  checkArg(fn, "h", h, { kind: "number", positive: true });
  const grad = unsafeNetworkGradient(net, X, t);
  const analytic = [...grad.dW1.flat(), ...grad.db1, ...grad.dw2, grad.db2];
  const loss = (n: Network) =>
    X.reduce((s, x, i) => s + binaryCrossEntropyWithLogits(t[i], unsafeForward(n, x).z2), 0) / X.length;
  return parameterSlots(net).map((slot, p) => {
    const moved = copy(net);
    const numeric = centralDifference(
      (v) => {
        slot.set(moved, v);
        return loss(moved);
      },
      slot.get(net),
      h,
    );
    const scale = Math.max(Math.abs(analytic[p]), Math.abs(numeric));
    return {
      parameter: slot.name,
      analytic: analytic[p],
      numeric,
      relativeError: scale === 0 ? 0 : Math.abs(analytic[p] - numeric) / scale,
    };
  });
}

/** The state of training after `epoch` gradient steps. */
export interface NetworkTrainingRecord {
  epoch: number;
  /** Mean binary cross-entropy on the training data, in nats. */
  loss: number;
  /** Training accuracy, a fraction in [0, 1]. */
  accuracy: number;
}

/** Options of {@link trainNetwork}. */
export interface TrainNetworkOptions {
  /** Step size η, finite and > 0. */
  learningRate: number;
  /** Number of full-batch gradient steps, an integer from 0 to 1 000 000. */
  epochs: number;
  /** Record every k-th epoch (and always the last); default 1. */
  recordEvery?: number;
}

/**
 * Trains the network by full-batch gradient descent on the mean binary cross-entropy: each
 * epoch computes the gradient by the backward equations ({@link networkGradient}) on all
 * examples and moves every parameter by −η times its partial derivative. Deterministic.
 *
 * @param net the starting network (not changed)
 * @param data `{ X, t }` with as many features as the network has inputs
 * @param opts learning rate, epochs, recordEvery
 * @returns the trained network and its history (loss and accuracy before each recorded step and after the last)
 * @throws TypeError / RangeError naming the failing part of net, data or opts
 * Source: gradient descent (Cauchy 1847) on the gradient of notebook 09.
 */
export function trainNetwork(
  net: Network,
  data: Dataset,
  opts: TrainNetworkOptions,
): { net: Network; history: NetworkTrainingRecord[] } {
  const fn = "trainNetwork";
  const { d } = checkNetwork(fn, net);
  const { X, t } = checkDataset(fn, data, d);
  checkOptions(fn, "opts", opts, {
    learningRate: { kind: "number", positive: true },
    epochs: { kind: "number", integer: true, min: 0, max: MAX_EPOCHS },
    recordEvery: { kind: "number", integer: true, min: 1, max: MAX_EPOCHS, optional: true },
  });
  const every = opts.recordEvery ?? 1;
  let current = copy(net);
  const history: NetworkTrainingRecord[] = [];
  for (let epoch = 0; ; epoch++) {
    const g = unsafeNetworkGradient(current, X, t);
    if (epoch % every === 0 || epoch === opts.epochs) {
      let right = 0;
      for (let i = 0; i < X.length; i++) if ((unsafeForward(current, X[i]).z2 >= 0 ? 1 : 0) === t[i]) right++;
      history.push({ epoch, loss: g.loss, accuracy: right / X.length });
    }
    if (epoch === opts.epochs) break;
    const eta = opts.learningRate;
    current = {
      activation: current.activation,
      W1: current.W1.map((row, k) => row.map((w, j) => w - eta * g.dW1[k][j])),
      b1: current.b1.map((b, k) => b - eta * g.db1[k]),
      w2: current.w2.map((w, k) => w - eta * g.dw2[k]),
      b2: current.b2 - eta * g.db2,
    };
  }
  return { net: current, history };
}
