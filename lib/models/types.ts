/**
 * Shapes shared by the logistic-regression modules: a labelled dataset and the
 * parameters of the model ŷ = σ(w·x + b).
 */

/**
 * A labelled dataset for binary classification.
 * `X` is n×d (n examples, d features; the tutorial uses d = 2), `t` holds the
 * n targets, each 0 or 1; example i is (X[i], t[i]). Features are unitless
 * coordinates.
 */
export interface Dataset {
  X: number[][];
  t: number[];
}

/** The parameters of a logistic regression: weights w (length d) and bias b. */
export interface LogisticRegressionParameters {
  w: number[];
  b: number;
}
