import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive";
import { derivationPayload } from "../../../lib/outputs/make-derivation-payload";
import { derivationOutput } from "../../../lib/site/render/derivation-output";
import { answerBoxes, trySubjectScript } from "../../../lib/site/try/try-html";

const s = suite("try-html");
const d = derive("v′ </script>", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: { x: "(-3, 3)" } }).differentiate(
  "-e^(-x)",
  "chain rule",
);
const payload = derivationPayload(d.verify({ seed: "other seed", samples: 20 }), { spec: d.spec });

s("should carry the derivation's spec, seed and sample count as inert JSON that cannot end its element", () => {
  const html = trySubjectScript(payload);
  assert.match(html, /^<script type="application\/json" data-stepwise-try="derivation">/);
  const json = html.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
  assert.not.ok(json.includes("</script>"));
  const subject = JSON.parse(json) as {
    spec: { steps: { expr: string }[]; title: string };
    seed: string;
    samples: number;
  };
  assert.is(subject.seed, "other seed");
  assert.is(subject.samples, 20);
  assert.is(subject.spec.title, "v′ </script>");
  assert.is(subject.spec.steps[0].expr, "-e^(-x)");
});

s("should put it inside the site's derivation output", () => {
  const html = derivationOutput(payload, {}, "nb, cell 1");
  assert.ok(html.startsWith('<div class="output output-derivation">'));
  assert.ok(html.includes('data-stepwise-try="derivation"'));
});

s("should write one hidden answer form per exercise, labelled, with an escaped prompt", () => {
  const html = answerBoxes(
    [
      { number: 2, prompt: "a <b> prompt", ask: "derivative", f: "x^2", wrt: "x", domain: { x: "(0, 1)" } },
      { number: 3, prompt: "another", ask: "equal", f: "x", wrt: "x", domain: { x: "(0, 1)" } },
    ],
    7,
  );
  assert.is((html.match(/<form class="stepwise-answer" id="answer-7-\d" hidden>/g) ?? []).length, 2);
  assert.ok(html.includes('<label for="answer-7-1-input">Exercise 2: a &lt;b&gt; prompt</label>'));
  assert.ok(html.includes('<label for="answer-7-2-input">Exercise 3: another</label>'));
  // an exercise that stands alone has no number; two of one cell never share an id
  const alone = answerBoxes(
    [
      { prompt: "alone", ask: "equal", f: "x", wrt: "x", domain: { x: "(0, 1)" } },
      { number: 1, prompt: "one", ask: "equal", f: "x", wrt: "x", domain: { x: "(0, 1)" } },
      { number: 1, prompt: "one again", ask: "equal", f: "x", wrt: "x", domain: { x: "(0, 1)" } },
    ],
    4,
  );
  assert.ok(alone.includes('<label for="answer-4-1-input">Exercise: alone</label>'), alone);
  assert.equal(
    [...alone.matchAll(/ id="(answer-[^"]+)"/g)].map((m) => m[1]),
    [
      "answer-4-1",
      "answer-4-1-input",
      "answer-4-1-verdict",
      "answer-4-2",
      "answer-4-2-input",
      "answer-4-2-verdict",
      "answer-4-3",
      "answer-4-3-input",
      "answer-4-3-verdict",
    ],
  );
  assert.ok(html.includes('role="status" aria-live="polite"'));
  assert.is(answerBoxes([], 1), "");
});

s.run();
