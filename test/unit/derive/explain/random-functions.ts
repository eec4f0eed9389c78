/**
 * A seeded generator of differentiable functions of x for the explain tests: sums, products,
 * quotients with a denominator that never vanishes, powers, and the table's functions with
 * arguments kept inside their domains (log and sqrt of something positive), nested up to a
 * given depth. Every function is finite on x ∈ (−2, 2).
 */
import { mulberry32 } from "../../../../scripts/seeded-random";

/**
 * `count` functions of x, drawn from `seed`, each of nesting depth at most `depth`.
 * @returns mathjs expressions, e.g. "sigma(2 * x) * log(1 + e^(x))"
 */
export function randomFunctions(count: number, seed: number, depth = 3): string[] {
  const r = mulberry32(seed); // every run draws the same functions
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const leaf = (): string => pick(["x", "x", "2 * x", "x / 3", "(x - 1)", "3", "0.5"]);
  const gen = (d: number): string => {
    if (d === 0) return leaf();
    const a = () => gen(d - 1);
    return pick([
      () => `${a()} + ${a()}`,
      () => `${a()} - ${a()}`,
      () => `${a()} * ${a()}`,
      () => `(${a()}) / (1 + (${a()})^2)`,
      () => `(${a()}) / (2 + sin(${a()}))`,
      () => `(${a()})^${pick(["2", "3"])}`,
      () => `(1 + (${a()})^2)^${pick(["(-1)", "0.5", "(-2)"])}`,
      () => `e^(${a()})`,
      () => `exp(-(${a()}))`,
      () => `log(1 + e^(${a()}))`,
      () => `log(1 + (${a()})^2)`,
      () => `sqrt(1 + (${a()})^2)`,
      () => `sigma(${a()})`,
      () => `softplus(${a()})`,
      () => `tanh(${a()})`,
      () => `sin(${a()})`,
      () => `cos(${a()})`,
      () => `atan(${a()})`,
      () => `${pick(["2", "0.5", "-3"])} * (${a()})`,
    ])();
  };
  return Array.from({ length: count }, () => gen(1 + Math.floor(r() * depth)));
}
