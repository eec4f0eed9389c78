/**
 * A false proof of the exact tier that depends on what the process verified before (issue 21,
 * fuzz seed 4, step 4/1785), kept as a script until it is fixed: exits 1 while the verdict is
 * wrong. Judged alone, the step
 *   min(sin(softplus(x²)), 1) → min(sin(softplus((x + 1 − 1)²)), sin²x + cos(x)^(2·2)) on (275.859, 275.988)
 * is rightly rejected (the two differ at x ≈ 275.926: 0.808… against 0.881…). Judged after
 * derivation 4/220 of the same seed (softplus(2x)/(1 + softplus(e^tanh(−2x))²) rewritten with
 * sin² + cos², 1e30 cancellations and 1.0000000000000001), the exact tier calls it proved:
 * before issue 21's work of 2026-12-05 the step was accepted; now verify()'s own check catches
 * the proof and throws VerifierInternalError. Some cache keyed too coarsely survives between
 * derivations.
 *
 *   npx tsx scripts/issue21-state-leak.ts
 */
import { fuzzCases, judgeCase } from "./fuzz/run";

let verdict = "";
for (const c of fuzzCases(1790, 4)) {
  const n = Number(c.spec.title.split("/")[1]);
  if (n !== 220 && n !== 285) continue;
  const steps = judgeCase(c, 4, {});
  if (n === 285) {
    verdict = steps.find((s) => s.id === "4/1785")?.verifier ?? "missing";
    break;
  }
}
console.log(`fuzz 4/1785 after 4/220: ${verdict} (right: rejected)`);
process.exit(verdict === "rejected" ? 0 : 1);
