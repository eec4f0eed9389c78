/**
 * Far-tail derivations for the fuzzer (issue 21): functions whose value or derivative is a
 * difference of nearly equal numbers far out on the real line — 1 − σ(u), 1 − tanh²u,
 * 1 ± tanh u, log(1 + e^u), log σ(u), log(1 − σ(u)) with u from about 100 to 1000 in size —
 * where decimal arithmetic cancels unless the evaluator computes them in a form without the
 * subtraction (lib/derive/cancellation.ts). Each derivative is written the way a learner
 * writes it, with the cancellation, and once more times a factor equal to 1 that the exact
 * tier does not prove (2cos²(x/2) − cos x, the half-angle formula), so the sampling tier
 * decides it; mutants of both make the wrong steps. The oracle (oracle.py) judges them all.
 */
import type { DerivationSpec } from "../../lib/derive/spec";
import { mutateExpression } from "../../tooling/mutation/mutate";
import { rng } from "./grammar";
import type { FuzzCase } from "./run";

/** A far-tail function of u and its derivative in u, written with the cancellation; `far` is the sign of u where it cancels. */
interface Template {
  f: (u: string) => string;
  df: (u: string) => string;
  far: 1 | -1;
}

const TEMPLATES: readonly Template[] = [
  { f: (u) => `log(sigma(${u}))`, df: (u) => `1 - sigma(${u})`, far: 1 },
  { f: (u) => `log(1 - sigma(${u}))`, df: (u) => `-sigma(${u})`, far: 1 },
  { f: (u) => `tanh(${u})`, df: (u) => `1 - tanh(${u})^2`, far: 1 },
  { f: (u) => `tanh(${u})`, df: (u) => `(1 - tanh(${u})) * (1 + tanh(${u}))`, far: -1 },
  { f: (u) => `sigma(${u})`, df: (u) => `sigma(${u}) * (1 - sigma(${u}))`, far: 1 },
  { f: (u) => `log(1 + tanh(${u}))`, df: (u) => `1 - tanh(${u})`, far: -1 },
  { f: (u) => `softplus(${u})`, df: (u) => `1 - sigma(-(${u}))`, far: -1 },
  {
    f: (u) => `log(1 + exp(${u})) * sigma(${u})`,
    df: (u) => `sigma(${u})^2 + log(1 + exp(${u})) * sigma(${u}) * (1 - sigma(${u}))`,
    far: -1,
  },
  { f: (u) => `1 - sigma(${u})^2`, df: (u) => `-2 * sigma(${u})^2 * (1 - sigma(${u}))`, far: 1 },
];

/** Factors of u = k·x. */
const SCALES = ["1", "2", "0.5", "3", "1.5"];

/**
 * About `count` far-tail steps, made one derivation at a time (the same seed, the same steps).
 *
 * @param count how many steps at least (a derivation gives 6: two true, four mutants)
 * @param seed  the seed
 * @returns the cases, numbered as fuzzCases numbers them
 */
export function* farTailCases(count: number, seed: number): Generator<FuzzCase> {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  let made = 0;
  for (let n = 0; made < count; n++) {
    const t = pick(TEMPLATES);
    const k = pick(SCALES);
    // u = k·x in the far tail: |u| from 100 to 1000, on the side where it cancels
    const side = r() < 0.5 ? 1 : -1;
    const kx = Number(k);
    const uAt = 100 + r() * 900;
    const width = 10 ** (-3 + r() * 5);
    // x where u = side·k·x is t.far·uAt
    const centre = (t.far * side * uAt) / kx;
    const lo = Number((centre - width / 2).toPrecision(8));
    const hi = Number((centre + width / 2).toPrecision(8));
    const u = side === 1 ? `${k} * x` : `-${k} * x`;
    const du = side === 1 ? k : `(-${k})`;
    const spec: DerivationSpec = {
      title: `far tail ${seed}/${n}`,
      name: "f",
      f: t.f(u),
      wrt: "x",
      domain: { x: `(${lo}, ${hi})` },
      steps: [{ kind: "differentiate", expr: "x", rule: "fuzz", note: "" }],
    };
    const reference = `${du} * (${t.df(u)})`;
    const one = "(2 * cos(x / 2)^2 - cos(x))";
    const truths = [reference, `${reference} * ${one}`];
    const candidates: FuzzCase["candidates"] = truths.map((expr) => ({
      expr,
      made: expr === reference ? ("derivative" as const) : ("rewrite" as const),
      reference,
    }));
    for (const expr of truths) {
      const mutants = mutateExpression(expr, ["x"]);
      for (let m = 0; m < 2 && mutants.length > 0; m++)
        candidates.push({ expr: mutants.splice(Math.floor(r() * mutants.length), 1)[0], made: "mutant", reference });
    }
    yield { spec, domain: { lo: String(lo), hi: String(hi) }, candidates, first: made };
    made += candidates.length;
  }
}
