import seedrandom from "seedrandom";
import { checkArg, checkOptions } from "../check";
import { describeValue } from "../check";
import { normalStream } from "./normal";
import type { Dataset } from "./types";

/** Most points makeMoons draws: bounded so that a typo cannot exhaust memory. */
export const MAX_MOON_POINTS = 1_000_000;

/** Options of {@link makeMoons}. */
export interface MakeMoonsOptions {
  /** Standard deviation of the Gaussian noise added to each coordinate, finite and ≥ 0; default 0.2. */
  noise?: number;
}

/**
 * Two interleaving half circles ("two moons"), one per class: a seeded dataset that no
 * straight line separates. Example i has label t[i] = i mod 2 and an angle θ drawn
 * uniformly from [0, π]; class 0 lies on the upper half circle (cos θ, sin θ) of radius 1
 * around (0, 0), class 1 on the lower one (1 − cos θ, 0.5 − sin θ) around (1, 0.5); each
 * coordinate then gets independent Gaussian noise of standard deviation `noise`. Uniform
 * numbers come from seedrandom's ARC4 generator, normal ones by Box–Muller, in the order
 * θ, then the two noise terms, example by example.
 *
 * @param seed seed of the generator: a non-empty string, or a finite number (used as its string)
 * @param n number of examples, an integer from 2 to 1 000 000
 * @param opts the noise (see {@link MakeMoonsOptions})
 * @returns `{ X, t }`: X is n×2 (unitless coordinates), t holds n labels in {0, 1}
 * @throws TypeError when seed is not a non-empty string or finite number, or an option has the
 *   wrong type; RangeError when n is out of range or noise is not finite and ≥ 0
 * Source: the two-moons layout of scikit-learn's make_moons (the shape, not its code).
 */
export function makeMoons(seed: string | number, n: number, opts: MakeMoonsOptions = {}): Dataset {
  const fn = "makeMoons";
  const validSeed = (typeof seed === "string" && seed !== "") || (typeof seed === "number" && Number.isFinite(seed));
  if (!validSeed)
    throw new TypeError(`${fn}: seed must be a non-empty string or a finite number, got ${describeValue(seed)}`);
  checkArg(fn, "n", n, { kind: "number", integer: true, min: 2, max: MAX_MOON_POINTS });
  checkOptions(fn, "opts", opts, { noise: { kind: "number", min: 0, optional: true } });
  const noise = opts.noise ?? 0.2;
  const uniform = seedrandom(String(seed));
  const normal = normalStream(uniform);
  const X: number[][] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const theta = Math.PI * uniform();
    const [x, y] = label === 0 ? [Math.cos(theta), Math.sin(theta)] : [1 - Math.cos(theta), 0.5 - Math.sin(theta)];
    X.push([x + noise * normal(), y + noise * normal()]);
    t.push(label);
  }
  return { X, t };
}
