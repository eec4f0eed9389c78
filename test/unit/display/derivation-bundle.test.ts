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

s("should mark a correct derivation with ✓ only: 3 steps, the final check and the summary", () => {
  const b = derivationBundle(goodResult());
  for (const f of FORMATS) {
    assert.is(count(b[f] as string, "✓"), 5, f);
    assert.is(count(b[f] as string, "✗"), 0, f);
    assert.is(count(b[f] as string, "⊘"), 0, f);
    assert.match(visible(b, f), "✓ all 3 steps verified", f);
  }
});

s("should tag an expected rejection in the HTML, and only that", () => {
  assert.match(
    derivationBundle(badResult(), { expectFailure: true })["text/html"] as string,
    'data-ok="false" data-expect-failure="true"',
  );
  assert.not.match(derivationBundle(badResult())["text/html"] as string, "data-expect-failure");
  assert.not.match(derivationBundle(goodResult())["text/html"] as string, "data-expect-failure");
});

s("should show each expression as display math", () => {
  const b = derivationBundle(goodResult());
  assert.match(b["text/html"] as string, "\\[ g(x) = \\frac{1}{1+e^{-x}} \\]");
  assert.match(b["text/html"] as string, "\\[ g&#39;(x) = \\frac{0\\cdot(1+e^{-x})");
  assert.match(b["text/markdown"] as string, "$$\ng'(x) = \\frac{0\\cdot(1+e^{-x})");
  assert.match(b["text/markdown"] as string, "$$\n= \\frac{e^{-x}}{(1+e^{-x})^{2}}\n$$");
  assert.match(b["text/plain"] as string, "      g(x) * (1 - g(x))");
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
    assert.is(count(text, "✗"), 3, `${f}: step 2, final check, summary`);
    assert.is(count(text, "✓"), 2, `${f}: steps 1 and 3`);
    assert.match(text, "0.2350037122015945", f);
    assert.match(text, "0.3775406687981454", f);
    assert.match(text, "x = 0.5", f);
  }
  assert.match(b["text/plain"] as string, "✗ step 2 failed: e^(-x) / (1 + e^(-x))");
  assert.match(b["text/html"] as string, "✗</span> step 2 failed: e^(-x) / (1 + e^(-x))");
  assert.match(b["text/markdown"] as string, "**✗ step 2 failed: e^(-x) / (1 + e^(-x))**");
});

s("should show an expected rejection with ⊘ and no ✗ anywhere", () => {
  const b = derivationBundle(badResult(), { expectFailure: true });
  for (const f of FORMATS) {
    const text = visible(b, f);
    assert.is(count(text, "✗"), 0, f);
    assert.is(count(text, "⊘"), 3, f);
    assert.is(count(text, "⊘ rejected as expected"), 3, f);
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
  assert.match(html, "\\[ = x &lt; 0 \\land y &gt; 1 \\]");
  const md = b["text/markdown"] as string;
  assert.not.match(md, /<script|<img/);
  assert.match(md, "\\*\\*bold\\*\\* \\$x\\$ \\[link\\](javascript:alert(1))");
  assert.match(md, "$$\n= x \\lt  0 \\land y \\gt  1\n$$");
  assert.match(b["text/plain"] as string, "<script>alert(1)</script>");
  assert.match(md, "\n\n&lt;script&gt;alert(1)&lt;/script&gt;\n\n");
});

s.run();
