import { derive, type Derivation } from "../derive/derive";

/** The softmax sum for three classes, in mathjs syntax. */
const S = "(e^z1 + e^z2 + e^z3)";
/** p1, p2, p3: the softmax probabilities of three logits. */
const P = { p1: `e^z1 / ${S}`, p2: `e^z2 / ${S}`, p3: `e^z3 / ${S}` } as const;
const Z = { z1: "(-4, 4)", z2: "(-4, 4)", z3: "(-4, 4)" } as const;

/**
 * One entry ∂pᵢ/∂zⱼ of the softmax Jacobian for three classes, pᵢ = e^(zᵢ)/Σₖ e^(zₖ):
 * the quotient rule, then pᵢ(δᵢⱼ − pⱼ) — pᵢ(1 − pᵢ) on the diagonal, −pᵢpⱼ off it.
 * Source: tutorial outline, Part 5 item 5.
 *
 * @param i row, 1..3 (which probability)
 * @param j column, 1..3 (which logit)
 * @returns a fresh, unverified derivation (2 steps off the diagonal, 3 on it)
 * @throws RangeError when i or j is not 1, 2 or 3
 */
export function softmaxJacobianEntry(i: number, j: number): Derivation {
  for (const [name, v] of [["i", i], ["j", j]] as const) {
    if (![1, 2, 3].includes(v)) throw new RangeError(`softmaxJacobianEntry: ${name} must be 1, 2 or 3, got ${v}`);
  }
  const d = derive(`∂p${i}/∂z${j}`, { name: `p${i}`, f: `p${i}`, wrt: `z${j}`, domain: Z, defs: P });
  if (i === j) {
    return d
      .differentiate(`(e^z${i} * ${S} - e^z${i} * e^z${i}) / ${S}^2`, "quotient rule",
        `u = e^(z${i}) and v = Σ e^(zₖ) both depend on z${i}: u′ = v′ = e^(z${i}).`)
      .rewrite(`e^z${i} / ${S} - (e^z${i} / ${S})^2`, "algebra: split the fraction")
      .rewrite(`p${i} * (1 - p${i})`, "recognise p", `p${i}(δᵢⱼ − p${j}) with δᵢⱼ = 1.`);
  }
  return d
    .differentiate(`(0 * ${S} - e^z${i} * e^z${j}) / ${S}^2`, "quotient rule",
      `u = e^(z${i}) does not depend on z${j} (u′ = 0); v′ = e^(z${j}).`)
    .rewrite(`-p${i} * p${j}`, "recognise p", `p${i}(δᵢⱼ − p${j}) with δᵢⱼ = 0.`);
}

/**
 * ∂L/∂z₁ of categorical cross-entropy L = −Σ tᵢ log pᵢ over softmax probabilities,
 * three classes, targets summing to 1 (t₃ = 1 − t₁ − t₂): by the chain rule through
 * every pᵢ with the Jacobian entries, down to p₁ − t₁. Source: outline Part 5 item 5.
 * @returns a fresh, unverified derivation with 3 steps
 */
export function categoricalCrossEntropyGradient(): Derivation {
  return derive("∂L/∂z₁ of softmax cross-entropy", {
    name: "L", f: "-(t1 * log(p1) + t2 * log(p2) + t3 * log(p3))", wrt: "z1",
    domain: { ...Z, t1: "[0, 0.5]", t2: "[0, 0.5]" }, defs: { ...P, t3: "1 - t1 - t2" },
  })
    .differentiate("-(t1 / p1 * p1 * (1 - p1) + t2 / p2 * (-p2 * p1) + t3 / p3 * (-p3 * p1))", "chain rule, log rule",
      "∂L/∂z₁ = −Σᵢ (tᵢ/pᵢ) · ∂pᵢ/∂z₁, with the Jacobian entries p₁(1 − p₁), −p₂p₁, −p₃p₁.")
    .rewrite("-t1 + p1 * (t1 + t2 + t3)", "algebra: cancel and collect", "Each tᵢ/pᵢ cancels against its pᵢ.")
    .rewrite("p1 - t1", "the targets sum to 1", "t₁ + t₂ + t₃ = 1.");
}

/**
 * With two classes, softmax is the sigmoid of the difference of the logits:
 * e^(z₁)/(e^(z₁) + e^(z₂)) = σ(z₁ − z₂). Source: divide by e^(z₁).
 * @returns a fresh, unverified derivation with 2 rewrite steps
 */
export function twoClassSoftmaxIsSigmoid(): Derivation {
  return derive("two-class softmax is the sigmoid", { name: "p1", f: "e^z1 / (e^z1 + e^z2)", wrt: "z1", domain: { z1: "(-6, 6)", z2: "(-6, 6)" } })
    .rewrite("1 / (1 + e^(z2 - z1))", "algebra: divide by e^(z₁)")
    .rewrite("sigma(z1 - z2)", "recognise σ", "σ(u) = 1/(1 + e^(−u)) with u = z₁ − z₂.");
}
