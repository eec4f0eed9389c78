/**
 * "Try a step" in the page shows what a step was compared with as the kernel does
 * (lib/derive/comparison.ts, one code path): over every other ML function of the explain bench
 * (test/fixtures/explain-functions.json; each takes two diagnosed verdicts per side), run in the page's bundle itself (a fresh JavaScript
 * context, as a browser runs it), a wrong and a true differentiate step are compared with the
 * same expression as the kernel's row of the wrong step; its values are the derivative of the
 * given function (mathjs's own differentiator in doubles, σ and softplus written out: an
 * oracle outside the kit's rule table) at seeded points of the domain; it is typeset from
 * lib/derive's TeX. A rewrite step is compared with the line above, as written.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { all, create } from "mathjs";
import seedrandom from "seedrandom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive";
import type { DomainSpec } from "../../../lib/derive/domain";
import { exprTex } from "../../../lib/outputs/derivation-tex";
import { DEFAULT_TEX_NAMES } from "../../../lib/derive/tex";
import type { StepwiseVerifier, TrySubject } from "../../../lib/site/try/browser-entry";
import { pageVerifier } from "./helpers";

interface BenchFunction {
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
}
const FUNCTIONS: BenchFunction[] = (
  JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/explain-functions.json"), "utf8"))
    .functions as BenchFunction[]
).filter((_, i) => i % 2 === 0);

/** mathjs in doubles with σ and softplus written out: the oracle of the comparison's values. */
const plain = create(all);
const WRITTEN_OUT: Record<string, string> = { sigma: "1 / (1 + exp(-(u)))", softplus: "log(1 + exp(u))" };
function writtenOut(text: string): string {
  let t = text;
  for (let round = 0; round < 8; round++) {
    const next = t.replace(
      /\b(sigma|softplus)\(([^()]*(?:\([^()]*(?:\([^()]*\))*[^()]*\))*[^()]*)\)/g,
      (_m, fn, arg) => `(${WRITTEN_OUT[fn].replace(/u/g, arg)})`,
    );
    if (next === t) break;
    t = next;
  }
  return t;
}

/** A point of an interval's text "(a, b)" or "[a, b]", kept away from its ends. */
function pointIn(spec: unknown, rand: () => number): number {
  const [a, b] = Array.isArray(spec)
    ? (spec as number[])
    : (String(spec).match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
  return a + (0.05 + 0.9 * rand()) * (b - a);
}

let page: StepwiseVerifier;
const s = suite("what a step tried in the page was compared with");
s.before(async () => {
  page = await pageVerifier();
});

const subjectOf = (fn: BenchFunction, steps: TrySubject["spec"]["steps"]): TrySubject => ({
  spec: { title: fn.name, name: "g", f: fn.f, wrt: fn.wrt, domain: fn.domain, steps },
  seed: "try-comparison",
  samples: 24,
});

s("should compare a step tried in the page with the kernel's comparison, the derivative of the line above", () => {
  const rand = seedrandom("try-comparison");
  let checked = 0;
  let withSigma = 0;
  for (const fn of FUNCTIONS) {
    const where = `${fn.name} (${fn.f})`;
    const wrong = "0";
    const kernel = derive(fn.name, { name: "g", f: fn.f, wrt: fn.wrt, domain: fn.domain })
      .differentiate(wrong, "by hand")
      .verify({ seed: "try-comparison", samples: 24 });
    const row = kernel.steps[1];
    if (row.ok) continue;
    const inPage = page.checkStep(
      subjectOf(fn, [{ kind: "differentiate", expr: wrong, rule: "", note: "" }]),
      1,
      wrong,
    );
    assert.is(inPage.error, undefined, `${where}: ${inPage.error}`);
    assert.is(inPage.ok, false, where);
    assert.is(inPage.against, row.against, `${where}: the page's comparison is the kernel's`);
    // a true step is compared with the same expression: the comparison does not depend on the verdict
    const right = page.checkStep(
      subjectOf(fn, [{ kind: "differentiate", expr: inPage.against, rule: "", note: "" }]),
      1,
      inPage.against,
    );
    assert.ok(right.ok, `${where}: the comparison ${inPage.against} is accepted as the step`);
    assert.is(right.against, inPage.against, `${where}: a true step's comparison`);
    // its values are the derivative of the given function, by mathjs's differentiator
    const oracle = plain.derivative(writtenOut(fn.f), fn.wrt).compile();
    const shown = plain.parse(writtenOut(inPage.against)).compile();
    for (let k = 0; k < 5; k++) {
      const scope = Object.fromEntries(Object.entries(fn.domain).map(([v, d]) => [v, pointIn(d, rand)]));
      const want = oracle.evaluate(scope) as number;
      const got = shown.evaluate(scope) as number;
      if (!Number.isFinite(want)) continue;
      assert.ok(
        Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)),
        `${where}: ${inPage.against} is ${got} at ${JSON.stringify(scope)}, the derivative ${want}`,
      );
    }
    // typeset from lib/derive's TeX, with its MathML
    const tex = page.verdictMath(inPage).against ?? "";
    assert.ok(tex.includes('class="katex"'), `${where}: typeset`);
    const annotation = /<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/.exec(tex)?.[1] ?? "";
    const fromHtml = (t: string) =>
      t
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"');
    assert.is(fromHtml(annotation), exprTex(inPage.against, DEFAULT_TEX_NAMES), `${where}: its TeX`);
    if (/sigma\(/.test(inPage.against)) withSigma++;
    checked++;
  }
  assert.ok(checked >= 60, `${checked} functions checked`);
  // σ is kept as written where the function has it (mathjs's derivative writes it out)
  assert.ok(withSigma >= 10, `${withSigma} comparisons keep σ`);
});

s("should compare a rewrite step tried in the page with the line above as written", () => {
  const subject: TrySubject = {
    spec: {
      title: "σ′",
      name: "g",
      f: "sigma(x)",
      wrt: "x",
      domain: { x: "(-10, 10)" },
      steps: [
        { kind: "differentiate", expr: "sigma(x) * (1 - sigma(x))", rule: "", note: "" },
        { kind: "rewrite", expr: "sigma(x) - sigma(x)^2", rule: "multiply out", note: "" },
      ],
    },
    seed: "1",
    samples: 24,
  };
  const wrong = page.checkStep(subject, 2, "sigma(x) + sigma(x)^2");
  assert.is(wrong.ok, false);
  assert.is(wrong.against, "sigma(x) * (1 - sigma(x))");
  const right = page.checkStep(subject, 2, "sigma(x) - sigma(x)^2");
  assert.is(right.ok, true);
  assert.is(right.against, "sigma(x) * (1 - sigma(x))");
});

s.run();
