/**
 * Counterexamples that are readable and right (issue 21): a wrong step whose true value is 0
 * at the first point that shows it is shown where the sides plainly differ; a value the exact
 * tier knows is 0 reads "0"; far-tail values near ±1, 0 and 10⁴⁰ read as an anchor plus what is
 * left. Generated cases (seeded), every shown value checked against mpmath (from .venv) to the
 * digits shown.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib";
import { mulberry32 } from "../../../scripts/seeded-random";
import { pythonText } from "../../../scripts/fuzz/run";
import { mutateExpression } from "../../../tooling/mutation/mutate";
import { pythonJson } from "../python-oracle";

const t = suite("counterexample values");

interface Check {
  /** The expression the shown value must equal at the point (mathjs syntax). */
  expr: string;
  point: Record<string, string>;
  /** The value as shown. */
  shown: string;
}

/**
 * mpmath at 1500 digits: for each check, whether the shown text ("v", "a + r", "a - r", "0")
 * equals the expression at the point to its last digit shown (half a unit of it, and 1e-18
 * relative for a 20-digit plain value).
 */
function mpmathAgrees(checks: Check[]): string[] {
  const code = `
import json, sys, re
from mpmath import mp, mpf, exp, log, sqrt, sin, cos, tan, e, pi
mp.dps = 1500
def tanh(u): return 1 - 2 / (exp(2 * u) + 1)
def N(s): return mpf(s)
out = []
for c in json.load(sys.stdin):
    env = {k: mpf(v) for k, v in c["point"].items()}
    env.update(dict(exp=exp, log=log, sqrt=sqrt, sin=sin, cos=cos, tan=tan, tanh=tanh, e=e, pi=pi, N=N))
    true = eval(c["code"], {"__builtins__": {}}, env)
    m = re.fullmatch(r"(\\S+) ([-+]) (\\S+)", c["shown"])
    if m:
        rest = mpf(m.group(3)) * (1 if m.group(2) == "+" else -1)
        shown = mpf(m.group(1)) + rest
        digits = len(re.sub(r"e.*|[^0-9]", "", m.group(3)).lstrip("0"))
        ulp = abs(rest) * mpf(10) ** (1 - digits)
    else:
        shown = mpf(c["shown"])
        digits = len(re.sub(r"e.*|[^0-9]", "", c["shown"]).lstrip("0"))
        ulp = max(abs(shown) * mpf(10) ** (1 - digits), abs(true) * mpf("1e-18"))
    ok = abs(shown - true) <= ulp / 2 + abs(true) * mpf(10) ** -1400
    out.append("" if ok else "%s at %s: shown %s, mpmath %s" % (c["expr"], c["point"], c["shown"], mp.nstr(true, 30)))
print(json.dumps(out))
`;
  return (
    pythonJson(
      code,
      checks.map((c) => ({ ...c, code: pythonText(c.expr).replace(/\^/g, "**") })),
    ) as string[]
  ).filter((s) => s !== "");
}

/** The expected side of a rejected step: the derivative mathjs wrote (the verdict's `against`). */
function rejected(
  title: string,
  spec: { f: string; wrt: string; domain: Record<string, string> },
  step: string,
): { against: string; c: NonNullable<ReturnType<typeof verdictOf>["counterexample"]> } {
  const v = verdictOf(title, spec, step);
  assert.is(v.ok, false, `${spec.f}: ${step} must be rejected`);
  assert.ok(v.counterexample, `${spec.f}: ${step}: a counterexample (${JSON.stringify(v)})`);
  return { against: v.against, c: v.counterexample! };
}

function verdictOf(title: string, spec: { f: string; wrt: string; domain: Record<string, string> }, step: string) {
  return derive(title, { name: "f", ...spec })
    .differentiate(step, "r")
    .verify().steps[1];
}

t(
  "should show a wrong step where the sides plainly differ, not at a point where the true derivative is exactly 0 (generated softmax weights)",
  () => {
    const r = mulberry32(21);
    const checks: Check[] = [];
    let cases = 0;
    for (let n = 0; n < 6; n++) {
      // a softmax weight in q with keys scaled by c; its q-derivative is 0 wherever k1 = k2, as at the domain's corner
      const c = [1, 2, 0.5][n % 3];
      const f = `e^(q*${c}*k1) / (e^(q*${c}*k1) + e^(q*${c}*k2))`;
      const lo = -(1 + Math.floor(r() * 3));
      const domain = { q: `(${lo}, ${-lo})`, k1: `(${lo}, ${-lo})`, k2: `(${lo}, ${-lo})` };
      const truth = `${c}*(k1 - k2) * e^(q*${c}*k1) * e^(q*${c}*k2) / (e^(q*${c}*k1) + e^(q*${c}*k2))^2`;
      const wrong = [
        `k1*e^(q*${c}*k1) / (k1*e^(q*${c}*k1) + k2*e^(q*${c}*k2))`,
        ...mutateExpression(truth, ["q", "k1", "k2"])
          .filter((_, i) => i % 7 === n % 7)
          .slice(0, 2),
      ];
      for (const step of wrong) {
        const v = verdictOf(`att ${n}`, { f, wrt: "q", domain }, step);
        if (v.ok) continue; // a mutant that happens to be true (mpmath below checks the rejected ones)
        cases++;
        const ce = v.counterexample!;
        assert.ok(
          !/≈|not settled/.test(ce.expected + ce.actual),
          `${step}: readable values, got ${JSON.stringify(ce)}`,
        );
        // a step not finite where the derivative is 0 (1 / f′ at k1 = k2) is shown there; any other where the sides plainly differ
        if (/^not /.test(ce.actual)) {
          assert.is(ce.expected, "0", JSON.stringify(ce));
          continue;
        }
        assert.is.not(
          ce.point.k1,
          ce.point.k2,
          `${step}: shown at a point where k1 ≠ k2 (${JSON.stringify(ce.point)})`,
        );
        checks.push(
          { expr: truth, point: ce.point, shown: ce.expected },
          { expr: step, point: ce.point, shown: ce.actual },
        );
      }
    }
    assert.ok(cases >= 10, `${cases} wrong steps`);
    assert.equal(mpmathAgrees(checks), []);
  },
);

t("should show a value the exact tier proves 0 at the point as 0", () => {
  // e^x·e^(2x) − e^(3x) is 0 everywhere; its derivative's value holds 0 at any precision, never known to a digit
  const { c } = rejected("zero", { f: "e^x * e^(2*x) - e^(3*x)", wrt: "x", domain: { x: "(-1, 1)" } }, "1");
  assert.is(c.expected, "0");
  assert.is(c.actual, "1");
});

t(
  "should show far-tail values near ±1, 0 and 10⁴⁰ readably and right to the digits shown (generated, checked by mpmath)",
  () => {
    const r = mulberry32(393);
    const templates: { f: string; d: string; step: string; near: RegExp; negative?: boolean }[] = [
      // −σ(z) = −1 + e^(−z)…, written −1
      { f: "log(1 - sigma(z))", d: "-1 / (1 + e^(-z))", step: "-1", near: /^-1 \+ \d(\.\d+)?e-\d+$/ },
      // 1 − σ(z) = σ(−z) for z ≪ 0: 1 − e^z…, written 1
      { f: "log(sigma(z))", d: "1 / (1 + e^z)", step: "1", near: /^1 - \d(\.\d+)?e-\d+$/, negative: true },
      // 10⁴⁰ − σ(−z) for z ≫ 0, written 10⁴⁰
      { f: "1e40 * z + log(1 + e^(-z))", d: "1e40 - 1 / (1 + e^z)", step: "1e40", near: /^1e\+40 - \d(\.\d+)?e-\d+$/ },
    ];
    const checks: Check[] = [];
    for (let n = 0; n < 9; n++) {
      const k = templates[n % templates.length];
      const a = 120 + Math.floor(r() * 780);
      const w = 1 + Math.floor(r() * 40);
      const domain = { z: k.negative ? `(${-a - w}, ${-a})` : `(${a}, ${a + w})` };
      const { c } = rejected(`tail ${n}`, { f: k.f, wrt: "z", domain }, k.step);
      assert.ok(k.near.test(c.expected), `${k.f} on ${domain.z}: expected shown ${c.expected}`);
      assert.ok(c.expected.length <= 40, c.expected);
      assert.is(c.actual, k.step === "1e40" ? "1e+40" : k.step);
      checks.push({ expr: k.d, point: c.point, shown: c.expected });
    }
    // near 0: 1 − tanh² z ≈ 4e^(−2z), written 0
    for (const a of [150 + Math.floor(r() * 300), 500 + Math.floor(r() * 400)]) {
      const { c } = rejected("tanh", { f: "tanh(z)", wrt: "z", domain: { z: `(${a}, ${a + 5})` } }, "0");
      assert.match(c.expected, /^\d(\.\d+)?e-\d+$/);
      checks.push({ expr: "4 / (e^z + e^(-z))^2", point: c.point, shown: c.expected });
    }
    assert.equal(mpmathAgrees(checks), []);
  },
);

t.run();
