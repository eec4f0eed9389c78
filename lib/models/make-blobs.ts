import { checkArg, checkFinite, checkOptions, describeValue } from "../check";
import seedrandom from "seedrandom";
import { normalStream } from "./normal";
import type { Dataset } from "./types";

/** Most points makeBlobs draws: plenty for a tutorial, bounded so that a typo cannot exhaust memory. */
export const MAX_BLOB_POINTS = 1_000_000;

/** Options of {@link makeBlobs}; every field has a default. */
export interface MakeBlobsOptions {
  /**
   * Centres of the class-0 and class-1 blobs, two points of the same dimension d ≥ 1;
   * default [[−1, −1], [1, 1]] (d = 2).
   */
  centers?: [number[], number[]];
  /** Standard deviation of every coordinate around its centre, finite and > 0; default 1. */
  spread?: number;
}

/**
 * Two Gaussian blobs, one per class: a seeded, reproducible dataset for binary
 * classification. Example i has label t[i] = i mod 2 (so the classes alternate
 * and are balanced when n is even) and features X[i] = centers[t[i]] + spread·g,
 * where g has independent standard normal coordinates. The normals come from
 * seedrandom's ARC4 generator through the Box–Muller transform
 * (√(−2 ln u₁)·cos(2πu₂), √(−2 ln u₁)·sin(2πu₂) for uniform u₁ ∈ (0, 1], u₂ ∈ [0, 1);
 * Box & Muller, Ann. Math. Statist. 29, 1958), used in order, both of each pair.
 * The same seed gives the same dataset on every run and platform.
 *
 * @param seed seed of the generator: a non-empty string, or a finite number (used as its string)
 * @param n number of examples, an integer ≥ 2
 * @param opts centres and spread (see {@link MakeBlobsOptions})
 * @returns `{ X, t }`: X is n×d (d = 2 by default), t holds n labels in {0, 1}
 * @throws TypeError when seed is not a non-empty string or finite number, or centers is malformed;
 *   RangeError when n is not an integer ≥ 2, a centre coordinate is not finite,
 *   the centres differ in dimension, or spread is not finite and > 0
 */
export function makeBlobs(seed: string | number, n: number, opts: MakeBlobsOptions = {}): Dataset {
  const fn = "makeBlobs";
  const validSeed = (typeof seed === "string" && seed !== "") || (typeof seed === "number" && Number.isFinite(seed));
  if (!validSeed)
    throw new TypeError(`${fn}: seed must be a non-empty string or a finite number, got ${describeValue(seed)}`);
  checkArg(fn, "n", n, { kind: "number", integer: true, min: 2, max: MAX_BLOB_POINTS });
  checkOptions(fn, "opts", opts, {
    centers: { kind: "array", optional: true },
    spread: { kind: "number", optional: true },
  });
  const centers = opts.centers ?? [
    [-1, -1],
    [1, 1],
  ];
  if (!Array.isArray(centers) || centers.length !== 2 || !centers.every((c) => Array.isArray(c) && c.length > 0)) {
    throw new TypeError(`${fn}: centers must be two non-empty arrays of numbers, got ${describeValue(centers)}`);
  }
  const d = centers[0].length;
  if (centers[1].length !== d) {
    throw new RangeError(`${fn}: centers must have the same dimension, got ${d} and ${centers[1].length}`);
  }
  centers.forEach((c, k) => c.forEach((v, j) => checkFinite(fn, `centers[${k}][${j}]`, v)));
  const spread = opts.spread ?? 1;
  if (!(Number.isFinite(spread) && spread > 0)) {
    throw new RangeError(`${fn}: spread must be finite and > 0, got ${describeValue(spread)}`);
  }
  const normal = normalStream(seedrandom(String(seed)));
  const X: number[][] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    X.push(centers[label].map((c) => c + spread * normal()));
    t.push(label);
  }
  return { X, t };
}
