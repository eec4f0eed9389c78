import { suite } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  executedTutorials,
  join,
  NOTEBOOK_DIR,
  plainTexts,
  readCells,
  tutorialNames,
  type Cell,
} from "./run-notebooks";

/** How many verified steps (✓ step rows) each tutorial shows, and how many charts. */
const EXPECTED: Record<string, { steps: number; charts: number }> = {
  "01-sigmoid.ipynb": { steps: 8, charts: 1 },
  "02-sigmoid-derivative-quotient-rule.ipynb": { steps: 21, charts: 0 }, // 15 written + 6 of the kit's (explain)
  "03-sigmoid-derivative-chain-rule.ipynb": { steps: 21, charts: 1 }, // 14 written + 7 of the kit's
  "04-binary-cross-entropy.ipynb": { steps: 10, charts: 1 },
  "05-sigmoid-with-cross-entropy.ipynb": { steps: 8, charts: 1 },
  "06-logistic-regression.ipynb": { steps: 3, charts: 3 },
  "07-softmax-cross-entropy.ipynb": { steps: 28, charts: 1 },
  "08-your-own-derivation.ipynb": { steps: 13, charts: 0 }, // 11 written + 2 of the kit's
  "09-backpropagation.ipynb": { steps: 28, charts: 2 },
  "10-automatic-differentiation.ipynb": { steps: 26, charts: 1 },
};

const source = suite("tutorial notebooks as committed");

source("should be the tutorials, in order", () => {
  assert.equal(tutorialNames(), Object.keys(EXPECTED));
});

source("should hold no outputs and no execution counts", () => {
  for (const name of tutorialNames()) {
    for (const [i, c] of readCells(path.join(NOTEBOOK_DIR, name)).entries()) {
      if (c.cell_type !== "code") continue;
      assert.equal(c.outputs, [], `${name} cell ${i + 1} has outputs`);
      assert.is(c.execution_count, null, `${name} cell ${i + 1} has an execution count`);
    }
  }
});

source("should be valid nbformat with the tslab kernelspec", () => {
  const files = tutorialNames().map((n) => path.join(NOTEBOOK_DIR, n));
  const py =
    "import sys, nbformat\nfor f in sys.argv[1:]:\n    nb = nbformat.read(f, as_version=4); nbformat.validate(nb)\n    assert nb.metadata.kernelspec.name == 'tslab', f\nprint('ok')";
  const r = spawnSync("/usr/bin/python3", ["-c", py, ...files], { encoding: "utf8" });
  assert.is(r.stderr.trim(), "");
  assert.is(r.stdout.trim(), "ok");
});

source("should open with what the reader learns and end with a summary and exercises", () => {
  for (const name of tutorialNames()) {
    const md = readCells(path.join(NOTEBOOK_DIR, name))
      .filter((c) => c.cell_type === "markdown")
      .map((c) => join(c.source));
    assert.match(md[0], /^# \d+\. /, `${name}: title`);
    assert.match(md[0], /What you will learn/, `${name}: opening`);
    const all = md.join("\n");
    assert.match(all, /^## Summary$/m, `${name}: summary`);
    assert.match(all, /^## Exercises$/m, `${name}: exercises`);
  }
});

source("should tag the cells that only build and show a derivation hide-input, and no other cell", () => {
  // Where the code is the lesson it stays open: notebook 08 teaches writing derivations,
  // and notebook 01's first one introduces derive().
  const open = (name: string, i: number) => name.startsWith("08-") || (name.startsWith("01-") && i === 6);
  for (const name of tutorialNames()) {
    const cells = JSON.parse(readFileSync(path.join(NOTEBOOK_DIR, name), "utf8")).cells as {
      cell_type: string;
      source: string[];
      metadata: { tags?: string[] };
    }[];
    let tagged = 0;
    cells.forEach((c, i) => {
      const hidden = (c.metadata.tags ?? []).includes("hide-input");
      if (hidden) tagged++;
      if (c.cell_type !== "code")
        return assert.not.ok(hidden, `${name} cell ${i + 1}: a markdown cell tagged hide-input`);
      const derivation = join(c.source).includes("showVerified(");
      assert.is(
        hidden,
        derivation && !open(name, i),
        `${name} cell ${i + 1}: ${derivation ? "derivation cell" : "code cell"} ${hidden ? "hidden" : "open"}`,
      );
    });
    if (!name.startsWith("08-")) assert.ok(tagged > 0, `${name}: no hide-input cell`);
  }
});

source.run();

const run = suite("tutorial notebooks under the tslab kernel");
let executed: Map<string, Cell[]>;

run.before(async () => {
  executed = await executedTutorials();
});

run("should run every notebook with no error and nothing on stderr", () => {
  for (const [name, cells] of executed) {
    for (const [i, c] of cells.entries()) {
      for (const o of c.outputs ?? []) {
        assert.is.not(o.output_type, "error", `${name} cell ${i + 1}: ${o.ename}: ${o.evalue}`);
        assert.is.not(o.name, "stderr", `${name} cell ${i + 1} wrote to stderr: ${join(o.text)}`);
      }
    }
  }
});

run("should show the expected number of verified steps and no ✗", () => {
  for (const [name, cells] of executed) {
    const text = plainTexts(cells).join("\n");
    assert.not.match(text, /✗/, `${name} shows ✗`);
    const verified = text.match(/^ {2}✓ step \d+/gm) ?? [];
    assert.is(verified.length, EXPECTED[name].steps, `${name}: verified steps`);
  }
});

run("should draw the expected number of charts", () => {
  for (const [name, cells] of executed) {
    const charts = cells
      .flatMap((c) => c.outputs ?? [])
      .filter((o) => join(o.data?.["text/html"]).includes("data-stepwise-figure"));
    assert.is(charts.length, EXPECTED[name].charts, `${name}: charts`);
  }
});

run("should stay under 1 MB executed, each chart as plotly JSON and none carrying plotly.js", () => {
  for (const [name, cells] of executed) {
    const bytes = Buffer.byteLength(JSON.stringify({ cells }, null, 1));
    assert.ok(bytes < 1_000_000, `${name} executed is ${bytes} bytes`);
    const outputs = cells.flatMap((c) => c.outputs ?? []);
    const figures = outputs.filter((o) => o.data?.["application/vnd.plotly.v1+json"] !== undefined);
    assert.is(figures.length, EXPECTED[name].charts, `${name}: outputs of plotly's MIME type`);
    for (const o of outputs) {
      const html = join(o.data?.["text/html"]);
      assert.ok(html.length < 200_000, `${name}: an HTML output of ${html.length} characters (plotly.js inline?)`);
    }
  }
});

run("should print the sigmoid table with at least 6 significant digits", () => {
  const table = plainTexts(executed.get("01-sigmoid.ipynb")!).find(
    (t) => t.includes("σ(x)") && t.includes("1 − σ(x)"),
  )!;
  assert.ok(table, "no sigmoid table");
  const rows = table
    .split("\n")
    .slice(2)
    .map((l) => l.trim().split(/\s+/));
  assert.equal(
    rows.map((r) => Number(r[0])),
    [-10, -5, -1, 0, 1, 5, 10],
  );
  for (const [x, s] of rows) {
    const exact = 1 / (1 + Math.exp(-Number(x)));
    assert.ok(Math.abs(Number(s) - exact) <= 1e-9 * exact, `σ(${x}) printed as ${s}, expected ${exact}`);
    assert.ok(
      s
        .replace(/e.*$/, "")
        .replace(/^[-0.]+/, "")
        .replace(".", "").length >= 6,
      `σ(${x}) = ${s} has fewer than 6 significant digits`,
    );
  }
});

run("should report σ′(0) = 0.25 as the maximum", () => {
  const texts = plainTexts(executed.get("03-sigmoid-derivative-chain-rule.ipynb")!);
  assert.ok(texts.includes("0.25\n"), `no output 0.25 in ${JSON.stringify(texts.filter((t) => t.length < 40))}`);
});

run("should compute the stable logits loss at extreme z", () => {
  const table = plainTexts(executed.get("05-sigmoid-with-cross-entropy.ipynb")!).find(
    (t) => t.includes("naive") && t.includes("stable logits form"),
  )!;
  const row = table.split("\n").find((l) => /^\s*-800\s+1\s/.test(l))!;
  assert.equal(row.trim().split(/\s+/), ["-800", "1", "Infinity", "16.118096", "800"]);
});

run("should report the logistic regression's seed, loss and accuracy, after a passing gradient check", () => {
  const text = plainTexts(executed.get("06-logistic-regression.ipynb")!).join("");
  assert.match(text, "max relative error 1.84e-10 < 1e-6: gradient check passed");
  assert.match(text, 'seed "stepwise-06", 200 points, learning rate 0.5, 500 epochs');
  assert.match(text, "final loss 0.20008176 nats, final accuracy 0.905 (181 of 200)");
});

run(
  "should pass notebook 09's gradient check of all 33 parameters and train the network past the logistic regression",
  () => {
    const text = plainTexts(executed.get("09-backpropagation.ipynb")!).join("");
    const check = /33 parameters, largest relative error (\S+) ≤ 1e-7: gradient check passed/.exec(text);
    assert.ok(check && Number(check[1]) <= 1e-7, "no passing gradient check");
    assert.match(text, "logistic regression after 2000 epochs: loss 0.2755 nats, accuracy 0.855");
    assert.match(text, "final loss 0.082295 nats, accuracy 0.965 (193 of 200)");
  },
);

run(
  "should match notebook 10's autodiff gradients with the backward equations to 1e-12 and show each local rule's derivation ending in the node's formula",
  () => {
    const text = plainTexts(executed.get("10-automatic-differentiation.ipynb")!).join("\n");
    const agree = /every parameter, σ and tanh units: largest relative difference (\S+) ≤ 1e-12/.exec(text);
    assert.ok(agree && Number(agree[1]) <= 1e-12, "no agreement line");
    const table = text.split("\n").filter((l) => /^\s*(σ|log|÷ by [uv])\s/.test(l));
    assert.is(table.length, 4);
    for (const row of table) assert.match(row, /\byes$/, row);
    assert.match(text, /Value\.mul: w \(value 0\.8\) was used after backward\(\)/);
  },
);

run("should show notebook 08's deliberate mistake as an expected rejection", () => {
  const text = plainTexts(executed.get("08-your-own-derivation.ipynb")!).join("\n");
  assert.match(text, /⊘ rejected as expected step 1 · differentiate/);
  assert.match(text, /at x = -?\d[\d.]*: the step gives [\d.]+, but it must equal [\d.]+/);
});

run.run();
