import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivationPayload, derivationView as viewOfPayload } from "../../../lib/outputs";
import type { DerivationResult } from "../../../lib/derive/types";
import { throwsError } from "../charts/helpers";
import { badResult, goodResult } from "../display/fixtures";
import { parseExpression } from "../../../lib/derive/expression";
import { toTex } from "../../../lib/derive/tex";
import { derive } from "../../../lib/derive/derive";
import { derivationHtml } from "../../../lib/outputs/derivation-html";

/** The view of a result as display builds it: through the JSON payload. */
const derivationView = (r: DerivationResult, expectFailure = false) =>
  viewOfPayload(derivationPayload(r, { expectFailure }));

const s = suite("derivationView");

s("should take only a payload: a verifier result is rejected, not guessed and converted", () => {
  throwsError(
    () => viewOfPayload(goodResult() as never),
    TypeError,
    /payload\.verdicts must be an array, got undefined/,
  );
  const payload = derivationPayload(badResult(), { expectFailure: true });
  assert.equal(viewOfPayload(payload).rows.length, badResult().steps.length + (badResult().final ? 1 : 0));
});

s("should give one row per step plus the final check, with marks, labels and tiers", () => {
  const v = derivationView(goodResult());
  assert.equal(
    v.rows.map((r) => r.mark),
    ["given", "ok", "ok", "ok", "ok"],
  );
  assert.equal(
    v.rows.map((r) => r.label),
    ["given", "step 1", "step 2", "step 3", "final check"],
  );
  assert.equal(
    v.rows.map((r) => r.action),
    ["", "differentiate", "rewrite", "rewrite", ""],
  );
  assert.is(v.rows[0].math, "g(x) = \\frac{1}{1+e^{-x}}");
  assert.is(v.rows[2].math, "= \\frac{e^{-x}}{(1+e^{-x})^{2}}");
  assert.ok(v.rows[4].math.startsWith("g'(x) = g(x)"), v.rows[4].math);
  assert.equal(
    v.rows.map((r) => r.tier),
    ["", "proved", "proved", "sampled: 24 points, 50 digits", "sampled: 24 points, 50 digits"],
  );
  const all = "all 3 steps verified, and the final check passed";
  assert.equal(v.summary, { mark: "ok", text: all, brief: all });
  assert.equal(
    v.rows.map((r) => [r.lhs, r.rhs]),
    [
      ["g(x)", "\\frac{1}{1+e^{-x}}"],
      ["g'(x)", "\\frac{0\\cdot(1+e^{-x})-1\\cdot(-e^{-x})}{(1+e^{-x})^{2}}"],
      ["", "\\frac{e^{-x}}{(1+e^{-x})^{2}}"],
      ["", "g(x)\\cdot(1-g(x))"],
      ["g'(x)", "g(x)\\cdot(1-g(x))"],
    ],
  );
  // what the final check compared with, printed by lib/derive's TeX printer, not mathjs's text
  assert.is(v.rows[4].againstTex, "\\frac{e^{-x}}{\\left(1+ e^{-x}\\right)^{2}}");
  assert.is(v.rows[4].againstTex, toTex(parseExpression(v.rows[4].against, "test")), "the steps' own printer");
});

s("should show what a failed step was compared with and its counterexample", () => {
  const v = derivationView(badResult());
  assert.equal(
    v.rows.map((r) => r.mark),
    ["given", "ok", "failed", "ok", "failed"],
  );
  assert.equal(v.rows[2].counterexample, {
    point: "x = 0.5",
    expected: "0.2350037122015945",
    actual: "0.3775406687981454",
    pointTex: "x = 0.5",
    expectedTex: "0.2350037122",
    actualTex: "0.3775406688",
  });
  assert.is(v.rows[2].against, "(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2");
  assert.is(
    v.rows[2].againstTex,
    "\\frac{0\\cdot\\left(1+ e^{-x}\\right)-1\\cdot\\left(-e^{-x}\\right)}{\\left(1+ e^{-x}\\right)^{2}}",
  );
  assert.is(v.rows[1].against, "", "a passing step shows no comparison");
  assert.is(v.rows[1].againstTex, "");
  assert.equal(v.summary, { mark: "failed", text: "step 2 failed: e^(-x) / (1 + e^(-x))", brief: "step 2 failed" });
});

s("should mark expected failures as rejected and report the catch", () => {
  const v = derivationView(badResult(), true);
  assert.equal(
    v.rows.map((r) => r.mark),
    ["given", "ok", "rejected", "ok", "rejected"],
  );
  assert.equal(v.summary, {
    mark: "rejected",
    text: "rejected as expected: the verifier caught step 2: e^(-x) / (1 + e^(-x))",
    brief: "rejected as expected: the verifier caught step 2",
  });
});

s("should treat a passing derivation as the failure when a rejection was expected", () => {
  assert.equal(derivationView(goodResult(), true).summary, {
    mark: "failed",
    text: "expected a rejection, but every step passed",
    brief: "expected a rejection, but every step passed",
  });
});

s("should name a failing final check when every step passed", () => {
  const r = goodResult();
  r.final = { ...r.final!, ok: false };
  r.ok = false;
  assert.equal(derivationView(r).summary, {
    mark: "failed",
    text: "final check failed: g(x) * (1 - g(x)) is not the derivative",
    brief: "final check failed: the last step is not the derivative",
  });
});

s("should count a single step in the singular, and join several point coordinates", () => {
  const r = goodResult();
  r.steps = r.steps.slice(0, 2);
  delete r.final;
  assert.is(derivationView(r).summary.text, "all 1 step verified");
  const b = badResult();
  b.steps[2].counterexample!.point = { t: "1", yhat: "0.25" };
  assert.is(derivationView(b).rows[2].counterexample?.point, "t = 1, yhat = 0.25");
});

s("should typeset a proved step's normal forms when short, and leave forms over 400 characters to the payload", () => {
  const short = derive("s", { name: "g", f: "x^2 + x", wrt: "x", domain: { x: "(-1, 1)" } })
    .differentiate("2*x + 1", "power rule")
    .verify();
  const cert = short.steps[1].certificate!;
  assert.ok(cert, "the step is proved");
  const shown = derivationView(short).rows[1].certificate!;
  assert.is(shown.omitted, undefined);
  assert.is(shown.actual, toTex(parseExpression(cert.actual, "t")));
  // (1 + x)^20 expanded: a normal form of a few hundred characters
  const long = derive("l", { name: "h", f: "(1 + x)^20", wrt: "x", domain: { x: "(-1, 1)" } })
    .differentiate("20 * (1 + x)^19", "chain rule")
    .verify();
  const big = long.steps[1].certificate!;
  const length = big.actual.length + big.expected.length;
  assert.ok(length > 400, `forms of ${length} characters`);
  const view = derivationView(long);
  assert.equal(
    {
      actual: view.rows[1].certificate!.actual,
      expected: view.rows[1].certificate!.expected,
      omitted: view.rows[1].certificate!.omitted,
    },
    { actual: "", expected: "", omitted: length },
  );
  const html = derivationHtml(view, { math: (tex) => `<m>${tex}</m>` });
  assert.ok(
    html.includes(`normal forms of ${length} characters, too long to show`),
    "the HTML says the forms are left out",
  );
  // the payload keeps them whole
  assert.is(derivationPayload(long, { expectFailure: false }).verdicts[1].certificate!.actual, big.actual);
});

s("should throw TypeError when steps is missing", () => {
  throwsError(() => viewOfPayload({} as never), TypeError, /payload\.verdicts must be an array, got undefined/);
  throwsError(
    () => viewOfPayload({ verdicts: "x" } as never),
    TypeError,
    /payload\.verdicts must be an array, got string/,
  );
  throwsError(() => derivationPayload({} as never), TypeError, /result\.steps must be an array, got undefined/);
});

s(
  "should show a step left undecided by its time bound as ⊘ undecided with the reason, in the view, the text, the HTML and the payload",
  () => {
    const d = derive("σ′", { name: "g", f: "sigma(x)", wrt: "x", domain: { x: "(-5, 5)" } }).differentiate(
      "sigma(x) * (1 - sigma(x))",
      "chain rule",
    );
    const r = d.verify({ deadline: 0 });
    const payload = derivationPayload(r, { spec: d.spec });
    assert.equal(payload.verdicts[1].undecided, {
      reason: "could not decide within 0 s: preparing the expected side",
      phase: "preparing the expected side",
      seconds: 0,
    });
    assert.is(payload.verdicts[1].tier, "undecided");
    const v = viewOfPayload(payload);
    assert.equal(
      v.rows.map((row) => row.mark),
      ["given", "undecided", "undecided"],
    );
    assert.is(v.rows[1].undecided, "could not decide within 0 s: preparing the expected side");
    assert.is(v.rows[1].counterexample, undefined);
    assert.equal(v.summary, {
      mark: "undecided",
      text: "step 1 undecided: could not decide within 0 s: preparing the expected side (sigma(x) * (1 - sigma(x)))",
      brief: "step 1 undecided: could not decide within 0 s: preparing the expected side",
    });
    const html = derivationHtml(v);
    assert.match(html, /stepwise-mark-undecided[^>]*title="undecided"[^>]*>⊘</);
    assert.match(
      html,
      /<div class="stepwise-undecided">could not decide within 0 s: preparing the expected side<\/div>/,
    );
    assert.not.match(html, /✓|✗/);
    // an expected failure that is only undecided is not "rejected as expected"
    assert.is(viewOfPayload(derivationPayload(r, { spec: d.spec, expectFailure: true })).summary.mark, "undecided");
  },
);

s.run();
