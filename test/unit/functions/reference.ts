/**
 * Reference values for the numeric-function tests, computed independently of
 * lib/functions in 60-significant-digit decimal arithmetic (mathjs BigNumber),
 * from the textbook definitions. Each input double is converted to its EXACT
 * decimal value first (not its shortest printout), so the only error in a
 * reference is the 60-digit rounding, ~1e−59 relative.
 *
 * Where a definition would subtract nearly equal numbers (1 − σ(x) for large
 * x, log(1 + u) for tiny u), the reference uses a standard identity instead
 * (1 − σ(x) = σ(−x); a Taylor series for log1p) so that 60 digits stay enough
 * even at |x| = 1000. Those identities are stated where they are used.
 *
 * Also here: `close`, the tolerance check every test uses, and `throwsWith`.
 */
import { all, create, type BigNumber } from "mathjs";
import * as assert from "uvu/assert";

export const M = create(all, { number: "BigNumber", precision: 60 });
/** A 60-digit decimal (mathjs BigNumber, i.e. a decimal.js Decimal). */
export type Big = BigNumber;

/** Ordinary inputs (logits). */
export const ORDINARY = [-10, -5, -1, 0, 0.5, 1, 5, 10, 37];
/** Extreme inputs (logits). */
export const EXTREME = [-1000, -800, -700, -100, -30, 30, 100, 700, 800, 1000];
/** Smallest positive normal double, 2^−1022. */
export const MIN_NORMAL = 2 ** -1022;

const TWO = M.bignumber(2);
const ONE = M.bignumber(1);

/** The exact value of a finite double, as a BigNumber (via its sign, mantissa and exponent). */
export function big(x: number): Big {
  if (!Number.isFinite(x)) throw new RangeError(`big: x must be finite, got ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  const magnitude = M.bignumber(mantissa.toString()).times(TWO.pow(exponent));
  return bits >> 63n ? magnitude.neg() : magnitude;
}

/** log(1 + u) for u > −1; Taylor series u − u²/2 + u³/3 − u⁴/4 + u⁵/5 when |u| < 1e−15 (error < u⁶). */
export function refLog1p(u: Big): Big {
  if (u.abs().lt(1e-15)) {
    let sum = M.bignumber(0);
    for (let n = 1; n <= 5; n++)
      sum = sum.plus(
        u
          .pow(n)
          .div(n)
          .times(n % 2 ? 1 : -1),
      );
    return sum;
  }
  return u.plus(1).ln();
}

/** σ(x) = 1 / (1 + e^(−x)), by definition. */
export function refSigmoid(x: number): Big {
  return ONE.div(big(x).neg().exp().plus(1));
}

/** σ′(x) = σ(x)(1 − σ(x)), with 1 − σ(x) taken as σ(−x). */
export function refSigmoidDerivative(x: number): Big {
  return refSigmoid(x).times(refSigmoid(-x));
}

/** log σ(x) = −log(1 + e^(−x)). */
export function refLogSigmoid(x: number): Big {
  return refLog1p(big(x).neg().exp()).neg();
}

/** Clip a probability to [ε, 1 − ε], with 1 − ε exact (the complement of a clipped ŷ ≥ 0.5 is then ε exactly). */
export function refClip(yhat: number, epsilon: number): Big {
  const lo = big(epsilon);
  const hi = ONE.minus(lo);
  const y = big(yhat);
  return y.lt(lo) ? lo : y.gt(hi) ? hi : y;
}

/** −[t·log ŷ + (1 − t)·log(1 − ŷ)] for ŷ already clipped; a term with coefficient 0 is 0. */
export function refBinaryCrossEntropy(t: number, yhat: Big): Big {
  const tb = big(t);
  let loss = M.bignumber(0);
  if (t !== 0) loss = loss.minus(tb.times(yhat.ln()));
  if (t !== 1) loss = loss.minus(ONE.minus(tb).times(refLog1p(yhat.neg())));
  return loss;
}

/** Binary cross-entropy from the logit z: −[t·log σ(z) + (1 − t)·log σ(−z)], using 1 − σ(z) = σ(−z). */
export function refBinaryCrossEntropyWithLogits(t: number, z: number): Big {
  const tb = big(t);
  return tb
    .times(refLogSigmoid(z))
    .plus(ONE.minus(tb).times(refLogSigmoid(-z)))
    .neg();
}

/** ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ), the derivative of each log term. */
export function refBinaryCrossEntropyDerivative(t: number, yhat: number): Big {
  const tb = big(t);
  const y = big(yhat);
  return tb
    .neg()
    .div(y)
    .plus(ONE.minus(tb).div(ONE.minus(y)));
}

/**
 * ∂L/∂z by the chain rule, literally: (−t/ŷ + (1 − t)/(1 − ŷ)) · ŷ(1 − ŷ)
 * with ŷ = σ(z) and 1 − ŷ = σ(−z).
 */
export function refBinaryCrossEntropyGradientLogit(t: number, z: number): Big {
  const tb = big(t);
  const p = refSigmoid(z);
  const q = refSigmoid(-z);
  return tb.neg().div(p).plus(ONE.minus(tb).div(q)).times(p).times(q);
}

/** softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ), by definition (no shift: decimals do not overflow). */
export function refSoftmax(z: readonly number[]): Big[] {
  const e = z.map((zi) => big(zi).exp());
  const s = e.reduce((a, b) => a.plus(b), M.bignumber(0));
  return e.map((ei) => ei.div(s));
}

/** Jacobian pᵢ(δᵢⱼ − pⱼ), with the diagonal's 1 − pᵢ taken as Σ_{j≠i} pⱼ. */
export function refSoftmaxJacobian(z: readonly number[]): Big[][] {
  const p = refSoftmax(z);
  return p.map((pi, i) =>
    p.map((pj, j) => {
      if (i !== j) return pi.times(pj).neg();
      return pi.times(p.reduce((acc, pk, k) => (k === i ? acc : acc.plus(pk)), M.bignumber(0)));
    }),
  );
}

/** −Σ tᵢ·log pᵢ for given (already clipped) probabilities; terms with tᵢ = 0 are 0. */
export function refCategoricalCrossEntropy(t: readonly number[], p: readonly Big[]): Big {
  return t.reduce((acc, ti, i) => (ti === 0 ? acc : acc.minus(big(ti).times(p[i].ln()))), M.bignumber(0));
}

/**
 * Categorical cross-entropy from logits: Σᵢ tᵢ·(−log softmax(z)ᵢ), with
 * −log softmax(z)ᵢ = log(Σⱼ e^(zⱼ) / e^(zᵢ)) = log1p(Σ_{j≠i} e^(zⱼ − zᵢ)),
 * so a dominant logit does not round the loss to 0 in 60 digits.
 */
export function refCategoricalCrossEntropyWithLogits(t: readonly number[], z: readonly number[]): Big {
  return t.reduce((acc, ti, i) => {
    if (ti === 0) return acc;
    const others = z.reduce((sum, zj, j) => (j === i ? sum : sum.plus(big(zj).minus(big(z[i])).exp())), M.bignumber(0));
    return acc.plus(big(ti).times(refLog1p(others)));
  }, M.bignumber(0));
}

/**
 * ∂L/∂zᵢ by the chain rule through the Jacobian: Σⱼ (∂L/∂pⱼ)·(∂pⱼ/∂zᵢ)
 * with ∂L/∂pⱼ = −tⱼ/pⱼ.
 */
export function refCategoricalCrossEntropyGradient(t: readonly number[], z: readonly number[]): Big[] {
  const p = refSoftmax(z);
  const J = refSoftmaxJacobian(z);
  return z.map((_, i) =>
    t.reduce((acc, tj, j) => (tj === 0 ? acc : acc.minus(big(tj).div(p[j]).times(J[j][i]))), M.bignumber(0)),
  );
}

/**
 * Assert that a double matches a reference value:
 * - reference 0 or below the normal range (|ref| < 2^−1022, i.e. a true
 *   value that underflows): any actual with |actual − ref| ≤ 2^−1022 is
 *   accepted (0 or a subnormal; flushing to zero is fine);
 * - otherwise |actual − ref| ≤ max(relTol·|ref|, absTol).
 * The difference is measured exactly, in BigNumber. NaN and ±Infinity never pass.
 */
export function close(actual: number, ref: Big, relTol: number, label: string, absTol = 0): void {
  assert.ok(Number.isFinite(actual), `${label}: got ${actual}, expected ${ref.toPrecision(17)}`);
  const err = big(actual).minus(ref).abs();
  const bound = ref.abs().lt(MIN_NORMAL)
    ? M.bignumber(Math.max(MIN_NORMAL, absTol))
    : M.max(ref.abs().times(relTol), M.bignumber(absTol));
  assert.ok(
    err.lte(bound),
    `${label}: got ${actual}, expected ${ref.toPrecision(17)} (error ${err.toPrecision(3)} > bound ${bound.toPrecision(3)})`,
  );
}

/** Assert that `fn` throws an instance of `ErrorClass` whose message matches `pattern`. */
export function throwsWith(fn: () => unknown, ErrorClass: new (...args: never[]) => Error, pattern: RegExp): void {
  assert.throws(fn, pattern);
  try {
    fn();
  } catch (e) {
    assert.instance(e, ErrorClass, `expected ${ErrorClass.name}, got ${(e as Error).name}: ${(e as Error).message}`);
  }
}

/**
 * Assert that a double is within `ulps` units in the last place of a reference, the unit
 * taken at the reference's own binade, and in the subnormal range as the subnormal spacing
 * 2^−1074: a value that underflows early (to 0, or with bits lost) fails, unlike {@link close}.
 * `scale` sets the binade instead of the reference (the larger term of a difference that
 * cancels); a reference beyond the largest double must come back as ±Infinity.
 */
export function closeUlps(actual: number, ref: Big, ulps: number, label: string, scale: Big = ref): void {
  const r = Math.abs(Number(scale.toString()));
  if (!Number.isFinite(Number(ref.toString()))) {
    // beyond the largest double: the correctly rounded result is ±Infinity
    assert.is(
      actual,
      ref.isNeg() ? -Infinity : Infinity,
      `${label}: got ${actual}, expected ${ref.toPrecision(17)}, which overflows`,
    );
    return;
  }
  assert.ok(Number.isFinite(actual), `${label}: got ${actual}, expected ${ref.toPrecision(17)}`);
  const exponent = r === 0 ? -1074 : Math.max(Math.floor(Math.log2(r)), -1022) - 52;
  const bound = TWO.pow(exponent).times(ulps);
  const err = big(actual).minus(ref).abs();
  assert.ok(
    err.lte(bound),
    `${label}: got ${actual}, expected ${ref.toPrecision(17)} (error ${err.div(TWO.pow(exponent)).toPrecision(3)} ulps > ${ulps})`,
  );
}
