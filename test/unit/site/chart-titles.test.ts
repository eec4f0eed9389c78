import { suite } from "uvu";
import * as assert from "uvu/assert";
import { titleLines } from "../../../lib/site/browser/chart-titles";

const lines = suite("titleLines: a chart title broken into lines that fit the chart");

// a monospaced measure: 10 px a character
const mono = (s: string): number => s.length * 10;

lines("should keep a title that fits on one line", () => {
  assert.equal(titleLines("Training loss", 200, mono), ["Training loss"]);
});

lines("should put as many words on a line as fit, every line within the width", () => {
  const title = "Two moons (seed stepwise-09): a network against a straight line";
  const out = titleLines(title, 310, mono);
  assert.equal(out, ["Two moons (seed stepwise-09): a", "network against a straight line"]);
  for (const l of out) assert.ok(mono(l) <= 310, l);
  assert.is(out.join(" "), title);
});

lines("should keep a lone sign with the word after it, and a word wider than the chart on its own line", () => {
  assert.equal(titleLines("Gradient check of dL/dz = s(z) − t", 330, mono), ["Gradient check of dL/dz = s(z)", "− t"]);
  assert.equal(titleLines("a = b", 30, mono), ["a", "= b"]);
  assert.equal(titleLines("short incomprehensibilities here", 100, mono), ["short", "incomprehensibilities", "here"]);
});

lines("should give one empty line for an empty title", () => {
  assert.equal(titleLines("   ", 100, mono), [""]);
});

lines.run();
