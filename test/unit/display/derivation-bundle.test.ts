import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivationBundle, type MimeBundle } from "../../../lib/display";
import { badResult, count, goodResult, hostileResult } from "./fixtures";
import { derive } from "../../../lib/derive";
import { DERIVATION_MIME, readDerivationPayload } from "../../../lib/outputs";

const s = suite("derivationBundle");
const FORMATS = ["text/html", "text/markdown", "text/plain"] as const;

/** The text a reader sees in format f: for HTML, the markup with its tags removed. */
function visible(b: MimeBundle, f: (typeof FORMATS)[number]): string {
  const text = b[f] as string;
  return f === "text/html" ? text.replace(/<[^>]*>/g, "") : text;
}

s("should have the derivation as JSON, text/html, text/markdown and text/plain", () => {
  assert.equal(Object.keys(derivationBundle(goodResult())).sort(), [DERIVATION_MIME, ...FORMATS]);
});

s("should carry the spec and every verdict in the versioned JSON payload", () => {
  const d = derive("v′", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("-e^(-x)", "sum rule", "the 1 drops out")
    .rewrite("-1 * e^(-x)", "algebra");
  const p = readDerivationPayload(derivationBundle(d.verify(), { spec: d.spec })[DERIVATION_MIME]);
  assert.is(p.version, 1);
  assert.equal(p.spec, {
    title: "v′",
    name: "v",
    f: "1 + e^(-x)",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    steps: d.spec.steps,
  });
  assert.is(p.verdicts.length, 3);
  assert.equal(
    p.verdicts.map((v) => v.kind),
    ["given", "differentiate", "rewrite"],
  );
  assert.is(p.verdicts[1].tex, "-e^{-x}");
  assert.ok(p.verdicts.slice(1).every((v) => v.ok && (v.tier === "proved" || v.tier === "sampled")));
  assert.is(p.verdicts[0].tier, null);
  assert.ok(p.final?.ok);
  assert.is(p.expectFailure, false);
  assert.equal(JSON.parse(JSON.stringify(p)), p, "plain JSON");
});

s("should carry a rejected step's counterexample and the expectFailure flag", () => {
  const p = readDerivationPayload(derivationBundle(badResult(), { expectFailure: true })[DERIVATION_MIME]);
  assert.is(p.expectFailure, true);
  assert.is(p.ok, false);
  assert.equal(p.verdicts[2].counterexample, {
    point: { x: "0.5" },
    expected: "0.2350037122015945",
    actual: "0.3775406687981454",
  });
});

s("should refuse payloads of another version or shape, naming the field", () => {
  const p = derivationBundle(goodResult())[DERIVATION_MIME] as Record<string, unknown>;
  assert.throws(() => readDerivationPayload({ ...p, version: 2 }), /version 2 is not supported/);
  assert.throws(
    () => readDerivationPayload({ ...p, verdicts: "x" }, "nb.ipynb, cell 3"),
    /nb\.ipynb, cell 3: verdicts must be a non-empty array, got "x"/,
  );
  assert.equal(readDerivationPayload(JSON.stringify(p)), p, "JSON text is parsed");
});

s(
  "should mark a correct derivation with ✓ only: 3 steps and the summary (and the final check in Markdown and text)",
  () => {
    const b = derivationBundle(goodResult());
    const html = b["text/html"] as string;
    assert.is(count(html, 'class="stepwise-mark stepwise-mark-ok"'), 4, "HTML: 3 steps and the summary");
    assert.is(count(html, 'class="stepwise-mark stepwise-mark-given"'), 1, "HTML: the given function");
    assert.is(count(b["text/markdown"] as string, "\\checkmark"), 3, "Markdown: the 3 steps of the chain");
    assert.is(
      count(b["text/markdown"] as string, "✓"),
      5,
      "Markdown: 3 steps and the final check in detail, the summary",
    );
    assert.is(count(b["text/plain"] as string, "✓"), 5, "text: 3 steps, the final check, the summary");
    for (const f of FORMATS) {
      assert.is(count(b[f] as string, "✗"), 0, f);
      assert.is(count(b[f] as string, "⊘"), 0, f);
      assert.match(visible(b, f), "✓ all 3 steps verified", f);
    }
  },
);

s("should tag an expected rejection in the HTML, and only that", () => {
  assert.match(
    derivationBundle(badResult(), { expectFailure: true })["text/html"] as string,
    'data-ok="false" data-expect-failure="true"',
  );
  assert.not.match(derivationBundle(badResult())["text/html"] as string, "data-expect-failure");
  assert.not.match(derivationBundle(goodResult())["text/html"] as string, "data-expect-failure");
});

s("should lay the steps out as one chain of equalities aligned on =, the rule beside each line", () => {
  const b = derivationBundle(goodResult());
  const html = b["text/html"] as string;
  // per line: the mark, the left-hand side (empty for a rewrite), "= right-hand side" and the rule
  const rows = html.split("\n").filter((l) => l.startsWith('<div class="stepwise-step '));
  assert.is(rows.length, 4, "given and 3 steps; the final check closes the summary");
  const lhs = rows.map((r) => /<div class="stepwise-lhs"[^>]*>(.*?)<\/div>/.exec(r)?.[1]);
  assert.equal(lhs, ["\\( \\displaystyle g(x) \\)", "\\( \\displaystyle g&#39;(x) \\)", "", ""]);
  assert.match(rows[0], "\\( \\displaystyle = \\frac{1}{1+e^{-x}} \\)");
  assert.match(rows[2], "\\( \\displaystyle = \\frac{e^{-x}}{(1+e^{-x})^{2}} \\)");
  assert.match(rows[1], '<summary class="stepwise-rule"');
  assert.match(rows[1], ">quotient rule</summary>");
  assert.not.match(html, "\\[", "no display block per step");
  assert.match(html, "display:grid;grid-template-columns:max-content max-content minmax(0,1fr)");
  const md = b["text/markdown"] as string;
  assert.match(md, "$$\n\\begin{aligned}\ng(x) &= \\frac{1}{1+e^{-x}} && \\bullet\\ \\text{given} \\\\\n");
  assert.match(md, "\ng'(x) &= \\frac{0\\cdot(1+e^{-x})");
  assert.match(md, "\n &= \\frac{e^{-x}}{(1+e^{-x})^{2}} && \\checkmark\\ \\text{simplify the numerator} \\\\\n");
  assert.match(md, "\\text{recognise g}\n\\end{aligned}\n$$");
  assert.match(b["text/plain"] as string, "      g(x) * (1 - g(x))");
});

s("should keep the note, tier and comparison in a closed disclosure, open only for a failed step", () => {
  const good = derivationBundle(goodResult())["text/html"] as string;
  assert.is(count(good, "<details"), 5, "the given function's note, steps 1–3 and the final check");
  assert.is(count(good, '<details class="stepwise-why" open'), 0);
  const bad = derivationBundle(badResult())["text/html"] as string;
  assert.is(count(bad, '<details class="stepwise-why" open'), 2, "step 2 and the final check");
  const md = derivationBundle(goodResult())["text/markdown"] as string;
  assert.match(md, "<details><summary>How each step was checked</summary>");
});

s("should name the deciding tier and the rule", () => {
  const b = derivationBundle(goodResult());
  for (const f of FORMATS) {
    assert.match(b[f] as string, "sampled: 24 points, 50 digits", f);
    assert.match(b[f] as string, "proved", f);
    assert.match(b[f] as string, "quotient rule", f);
  }
});

s("should mark failures with ✗ and show the counterexample with both values", () => {
  const b = derivationBundle(badResult());
  for (const f of FORMATS) {
    const text = b[f] as string;
    assert.is(
      count(text, "✗"),
      f === "text/html" ? 2 : 3,
      `${f}: step 2, final check (not in HTML: its summary), summary`,
    );
    assert.is(count(text, "✓"), 2, `${f}: steps 1 and 3`);
    assert.match(text, "x = 0.5", f);
  }
  assert.match(b["text/plain"] as string, "0.2350037122015945");
  assert.match(b["text/plain"] as string, "0.3775406687981454");
  // typeset, each value with the digits that tell the two apart
  assert.match(
    b["text/html"] as string,
    "at \\( x = 0.5 \\) the step gives \\( 0.3775406688 \\), but it must equal \\( 0.2350037122 \\)",
  );
  assert.match(
    b["text/markdown"] as string,
    "at $x = 0.5$ the step gives $0.3775406688$, but it must equal $0.2350037122$",
  );
  assert.match(b["text/plain"] as string, "✗ step 2 failed: e^(-x) / (1 + e^(-x))");
  assert.match(b["text/html"] as string, "✗</span> <strong>step 2 failed</strong>");
  assert.match(b["text/markdown"] as string, "**✗ step 2 failed**");
});

s("should show an expected rejection with ⊘ and no ✗ anywhere", () => {
  const b = derivationBundle(badResult(), { expectFailure: true });
  for (const f of FORMATS) {
    const text = visible(b, f);
    assert.is(count(text, "✗"), 0, f);
    // HTML: the marks of step 2 and of the summary, the words in step 2's and the final check's disclosures and the summary
    assert.is(count(text, "⊘"), f === "text/html" ? 2 : 3, f);
    assert.is(count(text, "rejected as expected"), 3, f);
    assert.match(text, "the verifier caught step 2", f);
  }
});

s("should show ✗ when a rejection was expected but every step passed", () => {
  const b = derivationBundle(goodResult(), { expectFailure: true });
  for (const f of FORMATS) {
    assert.is(count(b[f] as string, "✗"), 1, f);
    assert.match(b[f] as string, "expected a rejection, but every step passed", f);
  }
});

s("should escape notes, rules and titles so no markup runs", () => {
  const b = derivationBundle(hostileResult());
  const html = b["text/html"] as string;
  assert.not.match(html, "<script>alert");
  assert.not.match(html, "<img");
  assert.match(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert.match(html, "&lt;img src=x onerror=alert(1)&gt; &amp; title");
  assert.match(html, "\\( \\displaystyle = x &lt; 0 \\land y &gt; 1 \\)");
  const md = b["text/markdown"] as string;
  assert.not.match(md, /<script|<img/);
  // the rule's $x$ is math (typeset), the rest escaped
  assert.match(md, "\\*\\*bold\\*\\* $x$ \\[link\\](javascript:alert(1))");
  assert.match(md, " &= x \\lt  0 \\land y \\gt  1 && ");
  assert.match(b["text/plain"] as string, "<script>alert(1)</script>");
  assert.match(md, "*proved*: &lt;script&gt;alert(1)&lt;/script&gt;\n\n");
});

s(
  "should typeset the $…$ of the title, a rule and a note in HTML and Markdown, and keep them raw in the payload and plain text",
  () => {
    const title = "$\\sigma'(x)$ by the quotient rule";
    const d = derive(title, { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
      .differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule", "with $u = 1$, $v = 1 + e^{-x}$")
      .rewrite("(1 / (1 + e^(-x))) * (e^(-x) / (1 + e^(-x)))", "algebra: divide by $e^x$");
    const b = derivationBundle(d.verify(), { spec: d.spec });
    const html = b["text/html"] as string;
    assert.match(html, "<strong>\\( \\sigma&#39;(x) \\) by the quotient rule</strong>");
    assert.match(html, "algebra: divide by \\( e^x \\)");
    assert.match(html, "with \\( u = 1 \\), \\( v = 1 + e^{-x} \\)");
    assert.not.match(visible(b, "text/html"), "$");
    const md = b["text/markdown"] as string;
    assert.match(md, "**$\\sigma'(x)$ by the quotient rule**");
    // inside the chain's aligned block, a rule's words are \text and its math is math
    assert.match(md, "\\text{algebra: divide by }{e^x}");
    assert.match(md, "with $u = 1$, $v = 1 + e^{-x}$");
    // a summary (a rule with detail) whose words are all math has a word for screen readers (axe: summary-name)
    const only = derive("t", { name: "q", f: "sigma(log(p / (1 - p)))", wrt: "p", domain: { p: "(0, 1)" } }).rewrite(
      "1 / (1 + (1 - p) / p)",
      "$e^{-\\log a} = 1/a$",
      "a note",
    );
    assert.match(
      derivationBundle(only.verify(), { spec: only.spec })["text/html"] as string,
      /<summary class="stepwise-rule" style="[^"]*"><span style="position:absolute;[^"]*">rule: <\/span>\\\( e\^\{-\\log a\} = 1\/a \\\)<\/summary>/,
    );
    assert.not.match(html, ">rule: </span>algebra");
    const payload = readDerivationPayload(b[DERIVATION_MIME]);
    assert.is(payload.spec?.title, title);
    assert.is(payload.spec?.steps[1].rule, "algebra: divide by $e^x$");
    assert.match(b["text/plain"] as string, title);
  },
);

s(
  "should open a closed detail on hover in CSS alone (one style rule, no script), keeping click and Enter (a <details>)",
  () => {
    const html = derivationBundle(goodResult())["text/html"] as string;
    assert.is(count(html, "<style>"), 1);
    assert.match(html, ".stepwise-why:not([open]):hover::details-content{content-visibility:visible;display:block;");
    assert.not.match(html, "<script");
    assert.ok(count(html, '<details class="stepwise-why"') >= 1);
  },
);

s.run();
