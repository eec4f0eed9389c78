import { suite } from "uvu";
import * as assert from "uvu/assert";
import { matchMathAt, splitMath } from "../../../lib/site/tex/math-split";

const match = suite("matchMathAt");

match("should find each delimiter pair with its display flag and end", () => {
  const cases: [string, string, boolean][] = [
    ["$x^2$ rest", "x^2", false],
    ["$$x^2$$ rest", "x^2", true],
    ["\\(x^2\\) rest", "x^2", false],
    ["\\[x^2\\] rest", "x^2", true],
  ];
  for (const [src, tex, display] of cases) {
    const m = matchMathAt(src, 0);
    assert.ok(m, src);
    assert.is(m!.tex, tex, src);
    assert.is(m!.display, display, src);
    assert.is(src.slice(m!.end), " rest", src);
  }
});

match("should keep a math environment whole, begin and end included", () => {
  const src = "\\begin{aligned} a &= b \\end{aligned} after";
  const m = matchMathAt(src, 0);
  assert.is(m?.tex, "\\begin{aligned} a &= b \\end{aligned}");
  assert.is(m?.display, true);
});

match("should apply the Pandoc rule to inline dollars", () => {
  assert.is(matchMathAt("$ x$", 0), null, "space after the opener");
  assert.is(matchMathAt("$5 and $6", 0), null, "closer followed by a digit");
  assert.is(matchMathAt("$x $", 0), null, "space before the closer");
});

match("should skip escaped and braced closers", () => {
  assert.is(matchMathAt("$a\\$b$", 0)?.tex, "a\\$b");
  assert.is(matchMathAt("$\\text{$}x$", 0)?.tex, "\\text{$}x");
  assert.is(matchMathAt("\\[ \\{ \\] x", 0)?.tex, " \\{ ");
});

match("should not match without a closer, with empty content, or past the limit", () => {
  assert.is(matchMathAt("$$x", 0), null);
  assert.is(matchMathAt("$$ $$", 0), null);
  assert.is(matchMathAt("$x$", 0, 2), null);
  assert.is(matchMathAt("text", 0), null);
});

const split = suite("splitMath");

split("should alternate text and formulas in order", () => {
  const parts = splitMath("a $x$ b \\[y\\] c");
  assert.equal(parts, [
    { kind: "text", text: "a " },
    { kind: "math", tex: "x", display: false, raw: "$x$" },
    { kind: "text", text: " b " },
    { kind: "math", tex: "y", display: true, raw: "\\[y\\]" },
    { kind: "text", text: " c" },
  ]);
});

split("should turn \\$ into a literal dollar and leave prices alone", () => {
  assert.equal(splitMath("costs \\$5 or $5 and $6"), [{ kind: "text", text: "costs $5 or $5 and $6" }]);
});

split("should keep other backslash sequences in text unchanged", () => {
  assert.equal(splitMath("a\\nb \\alpha"), [{ kind: "text", text: "a\\nb \\alpha" }]);
});

match.run();
split.run();
