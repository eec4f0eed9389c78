/**
 * A seeded generator of the functions a machine-learning learner meets, for the explain() bench
 * (the fourth, "generated" set of bench-explain.ts) and its unit test: activations (σ, tanh,
 * softplus, ReLU-like |u| on a one-sign domain, swish, GELU-tanh, softsign, the ELU negative
 * piece, mish, …), losses (BCE with logits, focal, Huber pieces, log-cosh, KL and entropy terms,
 * Poisson and Gaussian NLL), compositions 2–4 deep and products and quotients of them, with
 * parameters (w, b, k for β, t, y, s, g, c) on a domain where the function is defined and
 * differentiable. Nobody tunes explain() for these: a new seed draws new functions.
 * Uses nothing of lib/ (the functions are text), only scripts/seeded-random.ts.
 */
import type { CorpusFunction } from "./explain-corpus";
import { mulberry32 } from "./seeded-random";

/** The seed of the bench's generated set (bench-explain.ts, explain-snapshot.ts --generated). */
export const GENERATED_SEED = 1933;
/** How many functions the bench draws by default (`--generated <n>` changes it). */
export const GENERATED_COUNT = 150;

/** A generated expression and what is known of its sign (for log, abs and sqrt of it). */
interface Drawn {
  text: string;
  /** True when the expression is > 0 everywhere on the domain. */
  positive: boolean;
}

/** The parameters' intervals (a function's domain holds the ones it uses). */
const PARAMETERS: Record<string, string> = {
  w: "(0.5, 2)",
  b: "(-1, 1)",
  k: "(0.5, 2)",
  t: "[0, 1]",
  y: "(-2, 2)",
  s: "(0.5, 2)",
  g: "(0.5, 3)",
  c: "(0.1, 0.9)",
};

/**
 * `count` functions drawn from `seed`, every one finite and differentiable on its domain.
 * @param count how many (e.g. 300)
 * @param seed  any number; the same seed draws the same functions
 * @returns corpus functions ({ name, f, wrt, domain, set: "generated" }); a name says what the
 *   function is built from and its index, e.g. "g17 loss:focal(act:swish)"
 */
export function generatedFunctions(count: number, seed: number): CorpusFunction[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: CorpusFunction[] = [];
  for (let i = 0; out.length < count; i++) {
    const fn = draw(r, pick);
    const used = Object.keys(PARAMETERS).filter((p) => new RegExp(`\\b${p}\\b`).test(fn.f));
    const domain: Record<string, string> = { [fn.v]: fn.interval };
    for (const p of used) if (p !== fn.v) domain[p] = PARAMETERS[p];
    const wrt = fn.wrtParameter && used.includes(fn.wrtParameter) && r() < 0.25 ? fn.wrtParameter : fn.v;
    out.push({ name: `g${i} ${fn.name}${wrt === fn.v ? "" : ` d/d${wrt}`}`, f: fn.f, wrt, domain, set: "generated" });
  }
  return out;
}

/** One draw: the function, its variable and interval, a parameter it may be differentiated by. */
function draw(
  r: () => number,
  pick: <T>(xs: readonly T[]) => T,
): { name: string; f: string; v: string; interval: string; wrtParameter?: string } {
  // the variable: x on a two-sign interval, or on a one-sign one (where |x − c| has one sign)
  const oneSign = r() < 0.2;
  const v = pick(["x", "x", "z"]);
  const interval = oneSign ? "(2, 5)" : pick(["(-3, 3)", "(-4, 4)", "(-2, 2)"]);
  const input = (): Drawn =>
    pick<Drawn>([
      { text: v, positive: oneSign },
      { text: v, positive: oneSign },
      { text: `2 * ${v}`, positive: oneSign },
      { text: `${v} / 2`, positive: oneSign },
      { text: `w * ${v} + b`, positive: oneSign },
      { text: `k * ${v}`, positive: oneSign },
      { text: `${v} - 1`, positive: oneSign },
    ]);
  /** An activation of u (names: what it is). */
  const activation = (u: Drawn, hidden: boolean): [string, Drawn] => {
    const a = u.text;
    const p = `(${a})`;
    const choices: [string, Drawn][] = [
      ["sigmoid", { text: `sigma(${a})`, positive: true }],
      ["tanh", { text: `tanh(${a})`, positive: false }],
      ["softplus", { text: `softplus(${a})`, positive: true }],
      ["swish", { text: `${p} * sigma(${a})`, positive: false }],
      ["swish-beta", { text: `${p} * sigma(k * ${p})`, positive: false }],
      ["mish", { text: `${p} * tanh(softplus(${a}))`, positive: false }],
      ["elu-neg", { text: `e^(${a}) - 1`, positive: false }],
      ["log-sigmoid", { text: `log(sigma(${a}))`, positive: false }],
      ["isru", { text: `${p} / sqrt(1 + ${p}^2)`, positive: false }],
      ["atan", { text: `atan(${a})`, positive: false }],
      ["log-cosh", { text: `log(cosh(${a}))`, positive: false }],
      ["square", { text: `${p}^2`, positive: false }],
      ["exp", { text: `e^(${a})`, positive: true }],
      ["shifted-softplus", { text: `softplus(${a}) - log(2)`, positive: false }],
      ["sinh", { text: `sinh(${a})`, positive: false }],
      ["asinh", { text: `asinh(${a})`, positive: false }],
    ];
    if (u.positive)
      choices.push(
        ["softsign", { text: `${p} / (1 + abs(${a}))`, positive: true }],
        ["relu", { text: `(${p} + abs(${a})) / 2`, positive: true }],
        ["abs", { text: `abs(${a})`, positive: true }],
        ["log", { text: `log(${a})`, positive: false }],
        ["sqrt", { text: `sqrt(${a})`, positive: true }],
        ["entropy-term", { text: `-${p} * log(${a})`, positive: false }],
      );
    if (!oneSign && u.text === v) choices.push(["gelu-tanh", { text: gelu(a), positive: false }]);
    return pick(hidden ? choices.filter(([name]) => HIDDEN.includes(name)) : choices);
  };
  /** A composition of 0–4 activations of an input: the inner ones those of a hidden layer, the outer one any. */
  const composed = (depth: number): [string, Drawn] => {
    let u = input();
    const names: string[] = [];
    for (let d = 0; d < depth; d++) {
      const [name, next] = activation(u, d < depth - 1);
      names.push(name);
      u = next;
    }
    return [names.reverse().join("∘"), u];
  };
  const depth = () => pick([1, 1, 1, 2, 2, 2, 3, 4]);
  const kind = pick(["activation", "activation", "loss", "loss", "loss", "product", "quotient"]);
  if (kind === "activation") {
    const [name, u] = composed(depth());
    return { name: `act:${name}`, f: u.text, v, interval, wrtParameter: "w" };
  }
  if (kind === "product") {
    const [n1, a] = composed(pick([1, 1, 2]));
    const [n2, b] = composed(pick([1, 1, 2]));
    return { name: `product:${n1}·${n2}`, f: `(${a.text}) * (${b.text})`, v, interval, wrtParameter: "w" };
  }
  if (kind === "quotient") {
    const [n1, a] = composed(pick([1, 1, 2]));
    const [n2, b] = composed(pick([1, 1, 2]));
    const den = b.positive ? pick([`1 + ${b.text}`, `${b.text}`]) : pick([`1 + (${b.text})^2`, `2 + tanh(${b.text})`]);
    return { name: `quotient:${n1}/${n2}`, f: `(${a.text}) / (${den})`, v, interval, wrtParameter: "w" };
  }
  // a loss of a logit z (a composition) or of a prediction p = σ(z)
  const [n, z] = composed(pick([0, 1, 1, 1, 2, 3]));
  const zt = `(${z.text})`;
  const p = `sigma(${z.text})`;
  const losses: [string, string][] = [
    ["bce-logits", `softplus(${z.text}) - t * ${zt}`],
    ["bce", `-(t * log(${p}) + (1 - t) * log(1 - ${p}))`],
    ["bce-t1", `-log(${p})`],
    ["focal", `-(1 - ${p})^2 * log(${p})`],
    ["focal-g", `-(1 - ${p})^g * log(${p})`],
    ["huber-quadratic", `(${z.text} - y)^2 / 2`],
    ["log-cosh", `log(cosh(${z.text} - y))`],
    ["entropy", `-(${p} * log(${p}) + (1 - ${p}) * log(1 - ${p}))`],
    ["kl-bernoulli", `c * log(c / ${p}) + (1 - c) * log((1 - c) / (1 - ${p}))`],
    ["poisson", `e^${zt} - y * ${zt}`],
    ["poisson-softplus", `softplus(${z.text}) - y * log(softplus(${z.text}))`],
    ["gaussian-nll", `log(s) + (y - ${zt})^2 / (2 * s^2)`],
    ["gaussian-nll-var", `log(softplus(${z.text})) + y^2 / (2 * softplus(${z.text})^2)`],
    ["mse-sigmoid", `(${p} - t)^2`],
  ];
  if (z.positive) losses.push(["kl-term", `c * log(c / ${zt})`]);
  if (oneSign && z.text === v) losses.push(["huber-linear", `w * (abs(${v} - 1) - w / 2)`]);
  const [ln, f] = pick(losses);
  return { name: `loss:${ln}(${n || "input"})`, f, v, interval, wrtParameter: pick(["w", "s", "y"]) };
}

/** The activations of a hidden layer: the inner functions of a composition. */
const HIDDEN = ["sigmoid", "tanh", "softplus", "swish", "mish", "elu-neg", "square", "exp", "relu", "abs", "softsign"];

/** GELU with the tanh approximation, of a variable. */
const gelu = (a: string) => `0.5 * ${a} * (1 + tanh(0.7978845608 * (${a} + 0.044715 * ${a}^3)))`;
