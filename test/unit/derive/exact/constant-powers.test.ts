/**
 * Tests of constant powers in the exact tier's normal form (lib/derive/exact/normalize.ts powR):
 * e^c is the exponential atom for any constant c, and a rational to a large integer power is
 * computed exactly (or kept as prime powers), never "outside the exact tier". So a false step
 * that adds a tiny constant written e^(−300), 2^(−500) or 1/e^300 gets different normal forms
 * and the re-check from 480 digits rejects it, as it did for exp(−300); true steps with the same
 * constants moved about are proved.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import seedrandom from "seedrandom";
import { derive } from "../../../../lib/derive/derive";

const t = suite("constant powers in the exact tier");

const head = { name: "f", f: "x", wrt: "x", domain: { x: "(1, 2)" } };

t(
  "should reject a step off by a tiny constant power, however it is written (a new user's report: accepted as sampled)",
  () => {
    const rng = seedrandom("constant-powers");
    const bases: [string, number][] = [
      ["e", Math.LOG10E],
      ["2", Math.log10(2)],
      ["3", Math.log10(3)],
      ["10", 1],
    ];
    let checked = 0;
    for (let i = 0; i < 12; i++) {
      const [b, log10b] = bases[Math.floor(rng() * bases.length)];
      const k = 100 + Math.floor(rng() * 300);
      // relative size 10^(−k·log10 b): the 480-digit re-check sees down to about 1e-474
      if (k * log10b > 470) continue;
      for (const step of [`x + ${b}^(-${k})`, `x * (1 + ${b}^(-${k}))`, `x + 1 / ${b}^${k}`]) {
        const r = derive("tiny", head).rewrite(step, "r").verify({ diagnose: false });
        assert.is(r.steps[1].ok, false, `${step} was accepted`);
        // below the sampling tolerance (about 1e-54) only the exact tier's re-check can see it
        if (k * log10b > 60)
          assert.match(r.steps[1].counterexample?.reason ?? "", /the exact normal forms differ/, step);
        checked++;
      }
    }
    assert.ok(checked >= 24, `only ${checked} steps checked`);
  },
);

t("should prove true steps with the same constants moved about, and a large power equal to its integer", () => {
  for (const [f, step] of [
    ["x", "x + e^(-300) - exp(-300)"],
    ["2^70 * x", "1180591620717411303424 * x"],
    ["e^(-300) * x^2", "x * x * exp(-300)"],
    ["(1/2)^100 * x", "x / 2^100"],
    ["3^(-90) * sin(x)", "sin(x) * 3^(-90)"],
    ["x * 7^9000", "7^9000 * x"],
  ]) {
    const r = derive("moved", { ...head, f })
      .rewrite(step, "r")
      .verify({ diagnose: false });
    assert.is(r.steps[1].ok, true, `${f} → ${step}`);
    assert.is(r.steps[1].tier, "proved", `${f} → ${step}`);
  }
});

t.run();
