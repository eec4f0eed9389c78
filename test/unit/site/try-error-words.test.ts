/**
 * The words of an error in "Try a step" and the answer boxes (lib/site/try/browser-entry.ts,
 * run here in the page's own bundle): a step the verifier cannot take is named by its step,
 * never by the derivation's title, which may hold TeX (the parts of a quotient-rule
 * derivation are titled `$u'(x)$ for $u = 1$`) that the message would show raw, and a long
 * name is shortened. Every kind of input error is tried on derivations titled with TeX.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { StepwiseVerifier, TrySubject } from "../../../lib/site/try/browser-entry";
import { pageVerifier } from "./helpers";

let page: StepwiseVerifier;
const s = suite("errors of a step tried in the page");
s.before(async () => {
  page = await pageVerifier();
});

/** Titles as the tutorials and explain() write them: TeX between $…$, quotes, commas. */
const TITLES = [
  "$u'(x)$ for $u = 1$",
  "σ′(x) by the quotient rule",
  "$\\frac{\\partial L}{\\partial z}$, step by step",
  'the "easy", way',
];

/** Steps the verifier refuses before comparing, and what the message must name. */
const BAD_STEPS: readonly [string, RegExp][] = [
  ["2 * y", /the variable y has no declared domain/],
  [`${"w".repeat(500)} + x`, /the variable w{10,}… has no declared domain/],
  ["foo(x)", /unknown function foo\(…\)/],
  ["sin x", /sin is a function typed without brackets/],
  ["x * Infinity", /Infinity is not a real number/],
  ["ln(x)", /the kit writes the natural logarithm ln u as log\(u\)/],
];

const subject = (title: string): TrySubject => ({
  spec: {
    title,
    name: "u",
    f: "1 + x^2",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    steps: [
      { kind: "differentiate", expr: "2 * x", rule: "power rule", note: "" },
      { kind: "rewrite", expr: "x * 2", rule: "algebra", note: "" },
    ],
  },
  seed: "1",
  samples: 24,
});

s("should name the step, not the derivation's title, for every refused step on every title", () => {
  for (const title of TITLES) {
    for (const [step, named] of BAD_STEPS) {
      for (const index of [1, 2]) {
        const v = page.checkStep(subject(title), index, step);
        const error = v.error ?? "";
        assert.is(v.ok, false, `${title} / ${step}`);
        assert.match(error, named, `${title} / ${step}: ${error}`);
        assert.ok(error.startsWith(`step ${index} (`), `${title} / ${step}: starts at the step: ${error}`);
        assert.not.ok(error.includes("$") || error.includes('derivation "'), `${title} / ${step}: ${error}`);
        assert.ok(error.length < 400, `${title} / ${step}: ${error.length} characters`);
      }
    }
  }
});

s("should still verify a step on such a title", () => {
  const v = page.checkStep(subject(TITLES[0]), 1, "x + x");
  assert.is(v.ok, true, JSON.stringify(v));
  assert.is(v.error, undefined);
});

s.run();
