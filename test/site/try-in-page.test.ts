import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ExerciseSpec } from "../../lib/site/try/exercise-spec";
import { texNumber, verdictText, visit } from "./helpers";
import { type OnePageSite, SIGMA_QUOTIENT, servePage, sigmaCell } from "./one-page-site";
import { DEFAULT_TEX_NAMES } from "../../lib/derive/tex";
import { exprTex } from "../../lib/outputs/derivation-tex";

// A one-page site rendered from an executed notebook made here: the quotient-rule
// derivation of σ′ as its JSON output (one-page-site.ts), and a markdown cell declaring two checkable exercises.
const exercises: ExerciseSpec[] = [
  {
    number: 1,
    prompt: "d/dx of 1/(1 + e^(−2x))",
    ask: "derivative",
    name: "s",
    f: "1 / (1 + e^(-2 x))",
    wrt: "x",
    domain: { x: "(-5, 5)" },
    slips: [
      { expr: "sigma(2 x) * (1 - sigma(2 x))", hint: "the chain-rule factor $2$ of $e^{-2x}$ is missing" },
      { expr: "-2 * e^(-2 x) / (1 + e^(-2 x))^2", hint: "the −1 of d/dx e^(−x) is missing" },
    ],
  },
  {
    number: 2,
    prompt: "∂L/∂ŷ of binary cross-entropy",
    ask: "derivative",
    name: "L",
    f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    wrt: "yhat",
    domain: { yhat: "(0, 1)", t: "[0, 1]" },
    slips: [{ expr: "-t / yhat - (1 - t) / (1 - yhat)", hint: "the chain-rule factor −1 of ln(1 − ŷ) is missing" }],
  },
];
const cells = [
  { cell_type: "markdown", metadata: {}, source: "# Try it\n\nThe derivation below can be edited in the page." },
  sigmaCell({ tags: ["hide-input"] }),
  {
    cell_type: "markdown",
    metadata: { stepwise: { exercises } },
    source: "## Exercises\n\n1. Differentiate $1/(1 + e^{-2x})$.\n2. Differentiate $L$ by $\\hat{y}$.",
  },
];

let site: OnePageSite | undefined;
const s = suite("trying steps and exercises in the page");
s.before(async () => {
  site = await servePage(cells, { title: "try", port: 19217 });
});
s.after(async () => {
  await site?.close();
});

async function open(): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await site!.browser.newPage();
  const v = await visit(page, `${site!.server.url}try.html`, site!.server.url);
  return { page, foreign: v.foreignRequests, errors: v.consoleErrors };
}

s("should not load the verifier at first paint, and show the static derivation", async () => {
  const { page } = await open();
  assert.is(await page.evaluate(() => "stepwiseVerifier" in window), false);
  assert.is(await page.locator(".stepwise-step").count(), 5);
  assert.ok(await page.locator(".stepwise-try-open").isVisible());
  await page.close();
});

s("should reject a wrong step with a point and both values, and accept it again after Reset", async () => {
  const { page, foreign, errors } = await open();
  await page.click("text=Try a step");
  const input = page.locator(".stepwise-try input");
  await page.selectOption(".stepwise-try select", "2");
  assert.is(await input.inputValue(), "e^(-x) / (1 + e^(-x))^2");
  await input.fill("e^(-x) / (1 + e^(-x))");
  await page.waitForSelector(".stepwise-try-preview .katex");
  await input.press("Enter");
  const verdict = page.locator(".stepwise-try .stepwise-try-verdict");
  await page.waitForFunction(() =>
    /[✓✗]/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  // the point and both values typeset (KaTeX, with MathML), never as text
  assert.is(
    await verdict.locator(".katex .katex-mathml math").count(),
    4,
    "point, value, value and the comparison typeset",
  );
  const wrong = await verdictText(page, ".stepwise-try .stepwise-try-verdict");
  const nums =
    /^✗ step 2 does not hold: at \$x = ([^$]+)\$ it gives \$([^$]+)\$, but it must equal \$([^$]+)\$compared with \$([^$]+)\$$/.exec(
      wrong,
    );
  assert.ok(nums, wrong);
  // a rewrite step is compared with the line above as written, typeset by lib/derive's TeX
  assert.is(nums![4], exprTex(SIGMA_QUOTIENT.spec.steps[0].expr, DEFAULT_TEX_NAMES), wrong);
  // both values are the two sides at the shown point, computed here independently
  const x = texNumber(nums![1]);
  const e = Math.exp(-x);
  assert.ok(Math.abs(texNumber(nums![2]) - e / (1 + e)) < 1e-6, `actual ${nums![2]} at x = ${x}`);
  assert.ok(Math.abs(texNumber(nums![3]) - e / (1 + e) ** 2) < 1e-6, `expected ${nums![3]} at x = ${x}`);
  await page.click(".stepwise-try button:text('Reset')");
  assert.is(await input.inputValue(), "e^(-x) / (1 + e^(-x))^2");
  await page.waitForFunction(() =>
    /^✓/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  assert.match((await verdict.textContent()) ?? "", /^✓ step 2 holds \(tier: \w+\)/);
  assert.equal(foreign, [], "no request leaves the site");
  assert.equal(errors, []);
  await page.close();
});

s("should show two different numbers when a step is wrong only by a tiny term", async () => {
  const { page, errors } = await open();
  await page.click("text=Try a step");
  const input = page.locator(".stepwise-try input");
  await page.selectOption(".stepwise-try select", "2");
  for (const tiny of ["1e-12", "1e-20", "1e-40"]) {
    await input.fill(`e^(-x) / (1 + e^(-x))^2 + ${tiny}`);
    await input.press("Enter");
    await page.waitForFunction(() =>
      /[✓✗]/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
    );
    const wrong = await verdictText(page, ".stepwise-try .stepwise-try-verdict");
    const nums = /it gives \$([^$]+)\$, but it must equal \$([^$]+)\$compared with \$[^$]+\$$/.exec(wrong);
    assert.ok(nums, `+ ${tiny}: ${wrong}`);
    assert.is.not(nums![1], nums![2], `+ ${tiny}: the two shown values are equal: ${wrong}`);
    await page.click(".stepwise-try button:text('Reset')");
    await page.waitForFunction(() =>
      /^✓/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
    );
  }
  assert.equal(errors, []);
  await page.close();
});

s("should say where an expression fails to parse, in words", async () => {
  const { page } = await open();
  await page.click("text=Try a step");
  const input = page.locator(".stepwise-try input");
  await input.fill("e^(-x) / (1 + ");
  await input.press("Enter");
  await page.waitForFunction(() =>
    /✗/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  assert.match(
    (await page.locator(".stepwise-try .stepwise-try-verdict").textContent()) ?? "",
    /ends too early, after “/,
  );
  await input.fill("x + * 2");
  await input.press("Enter");
  await page.waitForFunction(() =>
    /character/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  assert.match(
    (await page.locator(".stepwise-try .stepwise-try-verdict").textContent()) ?? "",
    /Value expected at character \d+, after “x \+ \*”/,
  );
  await page.close();
});

s("should clear a verdict once its field is edited or emptied, in Try a step and in an answer box", async () => {
  const { page, errors } = await open();
  await page.click("text=Try a step");
  const input = page.locator(".stepwise-try input");
  const verdict = page.locator(".stepwise-try .stepwise-try-verdict");
  await input.fill("e^(-x) / (1 + e^(-x))");
  await input.press("Enter");
  await page.waitForFunction(() =>
    /✗/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  await input.fill("");
  assert.is(await verdict.textContent(), "", "emptied: no verdict");
  assert.is(await verdict.getAttribute("data-ok"), null);
  await input.fill("e^(-x) / (1 + e^(-x))");
  await input.press("Enter");
  await page.waitForFunction(() =>
    /✗/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  await input.press("End");
  await input.press("Backspace");
  assert.is(await verdict.textContent(), "", "edited: the verdict spoke of the old text");
  const box = page.locator("form.stepwise-answer >> nth=0");
  await box.locator("input").fill("sigma(2 x)");
  await box.locator("input").press("Enter");
  await page.waitForFunction(() =>
    /✗/.test(document.querySelector("form.stepwise-answer .stepwise-try-verdict")?.textContent ?? ""),
  );
  await box.locator("input").fill("");
  assert.is(await box.locator(".stepwise-try-verdict").textContent(), "", "the answer box's verdict too");
  assert.equal(errors, []);
  await page.close();
});

async function answer(page: Page, n: number, expr: string): Promise<string> {
  const form = page.locator(`form.stepwise-answer >> nth=${n - 1}`);
  await form.locator("input").fill(expr);
  await form.locator("input").press("Enter");
  await page.waitForFunction(
    (i) => /[✓✗]/.test(document.querySelectorAll("form.stepwise-answer .stepwise-try-verdict")[i]?.textContent ?? ""),
    n - 1,
  );
  const text = await verdictText(page, `form.stepwise-answer >> nth=${n - 1} >> .stepwise-try-verdict`);
  await form.locator("input").press("Escape");
  return text;
}

s("should check exercise answers: right, wrong with a counterexample, and known slips with their hint", async () => {
  const { page, foreign } = await open();
  assert.is(await page.locator("form.stepwise-answer").count(), 2);
  assert.match(await answer(page, 1, "2 * sigma(2 x) * (1 - sigma(2 x))"), /^✓ your answer holds \(tier: \w+\)/);
  assert.match(await answer(page, 1, "2 e^(-2x) / (1 + e^(-2x))^2"), /^✓/);
  const wrong = await answer(page, 1, "sigma(2 x)");
  assert.match(
    wrong,
    /^✗ your answer does not hold: at \$x = [^$]+\$ it gives \$[^$]+\$, but it must equal \$[^$]+\$$/,
  );
  assert.not.match(wrong, /Hint/);
  // a slip is recognised by value, written any way
  assert.match(
    await answer(page, 1, "e^(-2x) / (1 + e^(-2x))^2"),
    /Hint: the chain-rule factor \$2\$ of \$e\^\{-2x\}\$ is missing/,
  );
  assert.match(
    await answer(page, 1, "-(2 e^(-2 x)) * (1 + e^(-2 x))^(-2)"),
    /Hint: the −1 of d\/dx e\^\(−x\) is missing/,
  );
  assert.match(await answer(page, 2, "(yhat - t) / (yhat * (1 - yhat))"), /^✓/);
  assert.match(
    await answer(page, 2, "-(t / yhat + (1 - t) / (1 - yhat))"),
    /Hint: the chain-rule factor −1 of ln\(1 − ŷ\) is missing/,
  );
  assert.equal(foreign, []);
  await page.close();
});

/**
 * Tries a wrong step until its verdict names a slip, at most three times, and returns the last
 * verdict's text and whether it named one (false only when every try said, visibly, that no
 * slip was named in time). The
 * page's diagnosis runs on a wall-clock budget (DIAGNOSIS_BUDGET_MS; the browser has no CPU
 * clock), so on a busy machine it may run out; the page then says so and asks for another try
 * (its code warm by then), which is what this does. A ✗ with neither a slip nor that line fails.
 * The diagnosis itself, with no budget, is asserted in test/unit/derive/diagnose/budget.test.ts.
 */
async function namedSlip(tryIt: () => Promise<string>): Promise<{ text: string; named: boolean }> {
  let text = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    text = await tryIt();
    assert.match(text, /^✗/);
    if (/The slip: /.test(text)) return { text, named: true };
    assert.match(
      text,
      /No slip named: looking for a known slip took longer than its time allows here; try the step again\.$/,
      `a rejected step with neither a named slip nor the page's "no slip named" line: ${text}`,
    );
  }
  return { text, named: false };
}

s("should name a known slip under the ✗, after an exercise's own hint, with the right step (issue 20)", async () => {
  const { page, errors } = await open();
  await page.click("text=Try a step");
  const input = page.locator(".stepwise-try input");
  await page.selectOption(".stepwise-try select", "1");
  const { text: verdict, named } = await namedSlip(async () => {
    await input.fill("-e^(-x) / (1 + e^(-x))^2");
    await input.press("Enter");
    await page.waitForFunction(() =>
      /✗/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
    );
    return verdictText(page, ".stepwise-try .stepwise-try-verdict");
  });
  // the slip's words with its expressions typeset, and the right step typeset (issue 22)
  if (named) {
    assert.match(verdict, /The slip: the derivative \$-1\$ of the inner function \$-x\$ of \$e\^\{-x\}\$ is missing/);
    assert.match(verdict, /It should be \$[^$]+\$$/);
    assert.is(await page.locator('.stepwise-try .stepwise-try-diagnosis[data-slip="chain-inner-missing"]').count(), 1);
  }
  // an answer box: the exercise's hand-declared hint first, then the catalogue's diagnosis
  const { text: both, named: bothNamed } = await namedSlip(() => answer(page, 2, "-t / yhat - (1 - t) / (1 - yhat)"));
  assert.match(both, /Hint: the chain-rule factor −1 of ln\(1 − ŷ\) is missing/);
  if (bothNamed) {
    assert.match(
      both,
      /The slip: the derivative \$-1\$ of the inner function \$1-\\hat\{y\}\$ of \$\\ln\\left\(1-\\hat\{y\}\\right\)\$ is missing/,
    );
    assert.ok(both.indexOf("Hint:") < both.indexOf("The slip:"), both);
  }
  assert.equal(errors, []);
  await page.close();
});

s("should give a hint in two presses: the rule with its parts, then the next step (issue 20)", async () => {
  const { page, errors } = await open();
  await page.click("text=Try a step");
  await page.selectOption(".stepwise-try select", "1");
  const line = page.locator(".stepwise-try .stepwise-hint-line");
  await page.click(".stepwise-try button.stepwise-hint");
  await page.waitForFunction(
    () => document.querySelector(".stepwise-try .stepwise-hint-line")?.getAttribute("data-press") === "1",
  );
  // the rule's parts typeset (read back as their TeX), as the notebook's hint writes them
  assert.is(
    await verdictText(page, ".stepwise-try .stepwise-hint-line"),
    "Hint: apply the quotient rule, with $u = 1$ and $v = 1+ e^{-x}$",
  );
  await page.click(".stepwise-try button.stepwise-hint");
  await page.waitForFunction(
    () => document.querySelector(".stepwise-try .stepwise-hint-line")?.getAttribute("data-press") === "2",
  );
  const second = await verdictText(page, ".stepwise-try .stepwise-hint-line");
  assert.match(second, /^next step \(quotient rule\): \$\\frac\{.*\$ — .* Type it as .+\.$/);
  // the step shown is right: typed in as the hint says, the verifier accepts it
  const step = (await line.locator("code.stepwise-hint-typed").textContent()) ?? "";
  assert.match(step, /^\(0 \* \(1 \+ e \^ \(-x\)\)/);
  const input = page.locator(".stepwise-try input");
  await input.fill(step);
  await input.press("Enter");
  await page.waitForFunction(() =>
    /[✓✗]/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
  );
  assert.match((await page.locator(".stepwise-try .stepwise-try-verdict").textContent()) ?? "", /^✓ step 1 holds/);
  // another step starts over; after the derivative the hint is an algebra move
  await page.selectOption(".stepwise-try select", "2");
  assert.is(await line.textContent(), "");
  await page.click(".stepwise-try button.stepwise-hint");
  await page.waitForFunction(
    () => document.querySelector(".stepwise-try .stepwise-hint-line")?.getAttribute("data-press") === "1",
  );
  assert.match((await line.textContent()) ?? "", /^Hint: simplify: /);
  // an answer box has its own Hint button, from the keyboard too
  const box = page.locator("form.stepwise-answer >> nth=1");
  await box.locator("button.stepwise-hint").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelectorAll("form.stepwise-answer .stepwise-hint-line")[1]?.getAttribute("data-press") === "1",
  );
  assert.match(
    await verdictText(page, "form.stepwise-answer >> nth=1 >> .stepwise-hint-line"),
    /^Hint: apply the constant multiple rule, with the constant \$c = -1\$/,
  );
  assert.equal(errors, []);
  await page.close();
});

s(
  "should work from the keyboard alone: Tab to the button, Enter opens, Enter checks, Escape restores and closes",
  async () => {
    const { page } = await open();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.classList.contains("stepwise-try-open"))) break;
    }
    assert.ok(
      await page.evaluate(() => document.activeElement?.classList.contains("stepwise-try-open")),
      "the Try button takes focus",
    );
    await page.keyboard.press("Enter");
    assert.ok(
      await page.evaluate(() => document.activeElement?.classList.contains("stepwise-try-input")),
      "the field takes focus",
    );
    const first = await page.locator(".stepwise-try input").inputValue();
    await page.keyboard.press("End");
    await page.keyboard.type(" + 1");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      /✗/.test(document.querySelector(".stepwise-try .stepwise-try-verdict")?.textContent ?? ""),
    );
    await page.keyboard.press("Escape");
    assert.is(await page.locator(".stepwise-try input").inputValue(), first, "Escape restores the step");
    await page.keyboard.press("Escape");
    assert.ok(await page.locator(".stepwise-try").isHidden(), "a second Escape closes the form");
    assert.ok(
      await page.evaluate(() => document.activeElement?.classList.contains("stepwise-try-open")),
      "focus returns to the button",
    );
    await page.close();
  },
);

s("should read without JavaScript: the derivation stays, no answer box or button shows", async () => {
  const context = await site!.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site!.server.url}try.html`);
  assert.is(await page.locator(".stepwise-step").count(), 5);
  assert.is(await page.locator("form.stepwise-answer:visible").count(), 0);
  assert.is(await page.locator(".stepwise-try-open").count(), 0);
  await context.close();
});

s.run();
