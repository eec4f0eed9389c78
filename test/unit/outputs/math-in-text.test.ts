/**
 * Issue 22: anything mathematical beside a derivation (a title, a rule, a note, a diagnosis) is
 * `$…$` TeX, typeset like the formulas, never mathjs's text. Over every text the kit shows as
 * words: the notebooks' derivations (read from their derive() calls), explain() on the bench's
 * functions (its four sets: 207 and the generated set) with each strategy (there also no math as
 * Unicode text: σ, ′, −, " = " only inside `$…$`, as the formulas' TeX printer writes it), and every diagnosis message the slip catalogue writes at
 * every place of the slip corpora's functions: no mark of mathjs's text (^, *, sigma(, exp(,
 * log(, sqrt(, _) outside `$…$`, and every `$…$` renders with KaTeX (throwOnError).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { differentiateCandidates, rewriteCandidates } from "../../../lib/derive/diagnose/candidates";
import { messageTex } from "../../../lib/derive/diagnose/show";
import { explainSteps, type ExplainStrategy } from "../../../lib/derive/explain/explain";
import { parseExpression } from "../../../lib/derive/expression";
import type { DomainSpec } from "../../../lib/derive/domain";
import { readExplainCorpus } from "../../../scripts/explain-corpus";
import { GENERATED_COUNT, GENERATED_SEED, generatedFunctions } from "../../../scripts/explain-generated-functions";
import { notebookDerivationTexts, plainMathProblems } from "../../math-in-text";

const test = suite("math in words: notes, titles, rules and diagnoses write math as $…$");

const ROOT = path.join(__dirname, "..", "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures");

/** Each problem of each text, as "where: problem" lines (one per distinct text); `strict` as plainMathProblems. */
function problemsOf(texts: Iterable<{ where: string; text: string }>, strict = false): string[] {
  const out = new Map<string, string>();
  for (const { where, text } of texts) {
    const p = plainMathProblems(text, strict);
    if (p.length > 0 && !out.has(text)) out.set(text, `${where}: ${p.join("; ")}`);
  }
  return [...out.values()];
}

test("the checker flags mathjs's text outside $…$ and TeX KaTeX cannot render, and passes typeset math", () => {
  assert.equal(plainMathProblems("u = 1 + e^(-x)"), ['plain "^" in "u = 1 + e^(-x)"']);
  assert.equal(plainMathProblems("the factor sigma(x) * 2"), [
    'plain "*" in "the factor sigma(x) * 2"',
    'plain "sigma(" in "the factor sigma(x) * 2"',
  ]);
  assert.equal(plainMathProblems("log(1 - p), sqrt(x), exp(x), w_1").length, 4);
  assert.equal(plainMathProblems("u = $1 + e^{-x}$, u′ = $-e^{-x}$, $\\sigma(z)$ and $w_1$"), []);
  assert.equal(plainMathProblems("a price of \\$5 and x^2"), ['plain "^" in "a price of $5 and x^2"']);
  // the kit's own texts: math written as Unicode text outside $…$ too
  assert.equal(plainMathProblems("g′(x) by the quotient rule", true), ['plain "′" in "g′(x) by the quotient rule"']);
  assert.equal(plainMathProblems("algebra: σ(−u) = 1 − σ(u)", true), [
    'plain "σ" in "algebra: σ(−u) = 1 − σ(u)"',
    'plain "−" in "algebra: σ(−u) = 1 − σ(u)"',
    'plain "=" in "algebra: σ(−u) = 1 − σ(u)"',
  ]);
  assert.equal(plainMathProblems("with u = $1$", true), ['plain "=" in "with u = "']);
  assert.equal(plainMathProblems("g′(x) by the quotient rule"), [], "not flagged in hand-written texts");
  assert.equal(
    plainMathProblems("$g'(x)$ by the quotient rule, with $u = 1$, $u' = 0$ (worked out above as $v'$)", true),
    [],
  );
  const bad = plainMathProblems("see $\\frac{1}$");
  assert.is(bad.length, 1);
  assert.match(bad[0], /^KaTeX: .* in "\$\\frac\{1\}\$"$/);
});

test("every title, rule and note of the notebooks' derivations writes its math as $…$", () => {
  const dir = path.join(ROOT, "notebooks");
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .flatMap((f) => {
      const nb = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      const sources = nb.cells
        .filter((c) => c.cell_type === "code")
        .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
      return notebookDerivationTexts(f, sources);
    });
  // the ten tutorials write about 190 of them; far fewer means the reader of the cells broke
  assert.ok(texts.length >= 150, `only ${texts.length} texts read from the notebooks`);
  assert.ok(
    texts.some((t) => t.text.includes("$")),
    "no notebook text holds $…$",
  );
  const problems = problemsOf(texts);
  assert.is(problems.length, 0, problems.join("\n"));
});

interface Fn {
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
}

test("every title, rule and note explain() writes for the bench's functions (its four sets), with each strategy, writes its math as $…$, printed as TeX", () => {
  const fns: Fn[] = [...readExplainCorpus(), ...generatedFunctions(GENERATED_COUNT, GENERATED_SEED)];
  assert.ok(fns.length >= 207 + GENERATED_COUNT, `${fns.length} functions`);
  const texts: { where: string; text: string }[] = [];
  let titles = 0;
  for (const fn of fns) {
    for (const strategy of ["auto", "quotient", "chain", "product"] as ExplainStrategy[]) {
      // no title given: every title is explain()'s own (the main derivation's and the parts')
      const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, strategy });
      for (const part of [...d.parts, d]) {
        const where = `explain("${fn.f}", ${strategy}), "${part.spec.title}"`;
        texts.push({ where: `${where} title`, text: part.spec.title ?? "" });
        titles++;
        part.spec.steps.forEach((s, i) => {
          texts.push({ where: `${where} step ${i + 1} rule`, text: s.rule ?? "" });
          texts.push({ where: `${where} step ${i + 1} note`, text: s.note ?? "" });
        });
      }
    }
  }
  assert.ok(texts.length > 8000, `${texts.length} texts`);
  assert.ok(titles > 2000, `${titles} titles`);
  const problems = problemsOf(texts, true);
  assert.is(problems.length, 0, `${problems.length} texts:\n${problems.slice(0, 20).join("\n")}`);
});

test("every diagnosis message the slip catalogue writes at every place of the slip corpora's functions writes its math as $…$", () => {
  const texts: { where: string; text: string }[] = [];
  const ids = new Set<string>();
  for (const file of ["diagnose-corpus.json", "independent-slip-sample.json"]) {
    const items = JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")).items as {
      f: string;
      wrt: string;
      kind: string;
    }[];
    const seen = new Set<string>();
    for (const item of items) {
      const key = `${item.kind} ${item.f}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const node = parseExpression(item.f, "slip corpus");
      const candidates =
        item.kind === "differentiate" ? differentiateCandidates(node, item.wrt) : rewriteCandidates(node);
      for (const c of candidates) {
        ids.add(c.id);
        texts.push({ where: `${file}: ${c.id} on ${item.f}`, text: messageTex(c.message) });
      }
    }
  }
  assert.ok(ids.size >= 20, `only ${ids.size} slips wrote a message`);
  const problems = problemsOf(texts);
  assert.is(problems.length, 0, `${problems.length} texts:\n${problems.slice(0, 20).join("\n")}`);
});

test.run();
