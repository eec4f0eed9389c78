import { checkModelInputs } from "../check";
import { centralDifference } from "../functions/gradient-check";
import { meanLoss, unsafeGradient, unsafeLogits } from "./logistic-regression";

/** One parameter of a gradient check: the analytic and the numeric partial derivative. */
export interface ParameterGradientCheck {
  /** The parameter: "w₁", "w₂", …, then "b". */
  parameter: string;
  /** ∂J/∂parameter from {@link logisticRegressionGradient}. */
  analytic: number;
  /** The central difference (J(θ + h) − J(θ − h)) / (2h) in that parameter alone. */
  numeric: number;
  /**
   * |analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0. Meaningless
   * when both are tiny (the numeric value is then mostly rounding noise), so check at a
   * point where no partial derivative is close to 0.
   */
  relativeError: number;
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

/**
 * Gradient checking for logistic regression: compares every partial derivative of
 * {@link logisticRegressionGradient} with a central finite difference of
 * {@link logisticRegressionLoss}, one parameter at a time (the others fixed). With
 * h ≈ 1e−5 a correct gradient agrees to ~1e−10 relative (truncation ~h², rounding
 * ~1e−16/h); a wrong one typically disagrees in the first digits.
 *
 * @param w weights (length d), b bias, X features (n×d), t targets (n labels, each 0 or 1)
 * @param h finite-difference step, finite and > 0; default 1e−5 (≈ ε^(1/3))
 * @returns one row per parameter: w₁ … w_d, then b
 * @throws TypeError / RangeError naming the failing argument, or h (from centralDifference)
 * Source: central differences, see any numerical analysis text; the relative error as
 * used for gradient checks in common course notes (e.g. Stanford CS231n).
 */
export function logisticRegressionGradientCheck(
  w: number[],
  b: number,
  X: number[][],
  t: number[],
  h = 1e-5,
): ParameterGradientCheck[] {
  checkModelInputs("logisticRegressionGradientCheck", w, b, X, t);
  const grad = unsafeGradient(w, b, X, t);
  const lossAt = (ww: number[], bb: number) => meanLoss(unsafeLogits(ww, bb, X), t);
  const rows = w.map((_, j) => {
    const along = (v: number) =>
      lossAt(
        w.map((wk, k) => (k === j ? v : wk)),
        b,
      );
    return row(`w${subscript(j + 1)}`, grad.dw[j], centralDifference(along, w[j], h));
  });
  rows.push(
    row(
      "b",
      grad.db,
      centralDifference((v) => lossAt(w, v), b, h),
    ),
  );
  return rows;
}

function row(parameter: string, analytic: number, numeric: number): ParameterGradientCheck {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  return { parameter, analytic, numeric, relativeError: scale === 0 ? 0 : Math.abs(analytic - numeric) / scale };
}

function subscript(k: number): string {
  return String(k).replace(/\d/g, (c) => SUBSCRIPTS[Number(c)]);
}
