/**
 * The diagnosis where the learner reads it: in the versioned JSON payload (written and read
 * back), and under the ✗ in the text, Markdown and HTML forms of showVerified.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { derivationPayload } from "../../../../lib/outputs/make-derivation-payload";
import { derivationView } from "../../../../lib/outputs/derivation-view";
import { derivationText } from "../../../../lib/display/derivation-text";
import { derivationMarkdown } from "../../../../lib/display/derivation-markdown";
import { derivationHtml } from "../../../../lib/outputs/derivation-html";
import { readDerivationPayload } from "../../../../lib/outputs/derivation-payload";

const test = suite("diagnose: payload and display");

const wrong = () =>
  derive("σ′ with a slip", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
    "-e^(-x) / (1 + e^(-x))^2",
    "quotient rule",
  );

test("the payload carries the diagnosis of the rejected step, and the reader accepts it", () => {
  const d = wrong();
  const payload = derivationPayload(d.verify(), { spec: d.spec, expectFailure: true });
  const back = readDerivationPayload(JSON.parse(JSON.stringify(payload)));
  const v = back.verdicts[1];
  assert.is(v.diagnosis?.id, "chain-inner-missing");
  assert.match(v.diagnosis!.message, "inner function −x of e^(−x)");
  assert.ok(v.diagnosis!.others.some((o) => o.id === "sign-flip"));
  assert.is(back.verdicts[0].diagnosis, undefined);
  assert.is(back.final?.diagnosis, undefined, "the closing check does not repeat it");
});

test("a malformed diagnosis is refused by name", () => {
  const d = wrong();
  const payload = JSON.parse(JSON.stringify(derivationPayload(d.verify(), { spec: d.spec }))) as Record<
    string,
    unknown
  > & { verdicts: Record<string, unknown>[] };
  payload.verdicts[1].diagnosis = { id: 3 };
  try {
    readDerivationPayload(payload, "cell 4");
    assert.unreachable("accepted");
  } catch (err) {
    assert.match((err as Error).message, "cell 4, verdict 1: diagnosis must be");
  }
});

test("text, Markdown and HTML show the slip and the right step under the ✗", () => {
  const view = derivationView(derivationPayload(wrong().verify()));
  const text = derivationText(view);
  assert.match(text, "the slip (chain-inner-missing): the derivative −1 of the inner function −x of e^(−x) is missing");
  assert.match(text, "the step should be ");
  assert.ok(text.indexOf("the slip") > text.indexOf("at x = "), "after the counterexample");
  // in Markdown (VS Code) too the expressions the slip quotes are math, as in HTML (issue 22)
  const markdown = derivationMarkdown(view);
  assert.match(
    markdown,
    "the slip (chain-inner-missing): the derivative $-1$ of the inner function $-x$ of $e^{-x}$ is missing",
  );
  assert.not.match(/the slip.*$/m.exec(markdown)?.[0] ?? "", "e^(−x)", "no expression left as text in Markdown");
  const html = derivationHtml(view);
  // in HTML the expressions the slip quotes are math (MathJax's delimiters by default; KaTeX on the site)
  const slip = /<div class="stepwise-diagnosis"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? "";
  assert.match(
    slip,
    "the slip: the derivative \\( -1 \\) of the inner function \\( -x \\) of \\( e^{-x} \\) is missing",
  );
  assert.not.match(slip, "e^(−x)", "no expression left as text");
});

test("a right derivation shows no slip", () => {
  const d = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
    "e^(-x) / (1 + e^(-x))^2",
    "quotient rule",
  );
  assert.not.match(derivationText(derivationView(derivationPayload(d.verify()))), "the slip");
});

test("chain-inner-missing quotes the inner derivative simplified, as explain()'s notes state it", () => {
  // mathjs's rules write (−x²/2)′ as −(2·x)/2; the message says −x
  const cases: [string, string, string][] = [
    ["exp(-x^2 / 2)", "exp(-x^2 / 2)", "the derivative −x of the inner function −x^2 / 2 of exp(−x^2 / 2) is missing"],
    ["sin(3 * x^2)", "cos(3 * x^2)", "the derivative 6·x of the inner function 3·x^2 of sin(3·x^2) is missing"],
    ["log(1 + x^2)", "1 / (1 + x^2)", "the derivative 2·x of the inner function 1 + x^2 of log(1 + x^2) is missing"],
  ];
  for (const [f, step, message] of cases) {
    const r = derive("slip", { name: "g", f, wrt: "x", domain: { x: "(-2, 2)" } })
      .differentiate(step, "chain rule")
      .verify();
    assert.is(r.steps[1].diagnosis?.id, "chain-inner-missing", f);
    assert.match(r.steps[1].diagnosis!.message, message);
  }
});

test.run();
