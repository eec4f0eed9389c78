/**
 * The playground (playground.html, issue 19) and "Show the kit's derivation" of "Try a step", in
 * Chromium, from the keyboard alone: a typed function gives a derivation verified in the page,
 * the URL keeps the input and a shared URL shows the same derivation, bad input names its part
 * and the page keeps working, axe-core finds nothing at 1280 and 390 px in both schemes.
 */
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { verifierMath } from "../../lib/derive/math-functions";
import { derive } from "../../lib/derive";
import { axeViolations } from "./axe";
import { type Visit, visit } from "./helpers";
import { derivationCell, type OnePageSite, servePage, sigmaCell } from "./one-page-site";

/** A sum of n sines, sin(1 x) + … + sin(n x): 60 terms, 59 parts (a new reader's report of a page that froze ~7 s). */
const sineSum = (n: number): string => Array.from({ length: n }, (_, i) => `sin(${i + 1} * x)`).join(" + ");

let site: OnePageSite | undefined;
const s = suite("the playground and the kit's derivation in the page");
s.before(async () => {
  // the page's second derivation: the 60-term sine sum, whose kit derivation takes seconds
  const big = derive("the sine sum", { f: sineSum(60), wrt: "x", domain: { x: "(-3, 3)" } }).differentiate(
    Array.from({ length: 60 }, (_, i) => `${i + 1} * cos(${i + 1} * x)`).join(" + "),
    "sum rule",
  );
  site = await servePage(
    [{ cell_type: "markdown", metadata: {}, source: "# Try it" }, sigmaCell(), derivationCell(big)],
    { title: "playground test" },
  );
});
s.after(async () => {
  await site?.close();
});

/**
 * A new page on the playground: with a query it is derived at once; without one the page waits
 * until the verifier is ready.
 *
 * @param query the address's query (f, wrt, domain, strategy), or none
 * @returns the page and what `visit` records (console errors, foreign requests)
 */
async function openPlayground(query?: URLSearchParams): Promise<{ page: Page; v: Visit }> {
  const page = await site!.browser.newPage();
  const v = await visit(page, `${site!.server.url}playground.html${query ? `?${query}` : ""}`, site!.server.url);
  if (!query) await page.waitForSelector("html[data-verifier=ready]", { timeout: 60_000 });
  return { page, v };
}

/** Clears the playground's state, so that the next answer is the next derivation's. */
const clearState = (page: Page): Promise<void> =>
  page.evaluate(() => document.documentElement.removeAttribute("data-playground"));

/** Presses Tab until the element matching `selector` has focus (at most 60 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.unreachable(`Tab never reached ${selector}`);
}

/** Waits until the playground has answered (a derivation or an error) and returns its state and status line. */
async function answered(page: Page): Promise<{ state: string; status: string }> {
  await page.waitForFunction(
    () => ["done", "error"].includes(document.documentElement.getAttribute("data-playground") ?? ""),
    undefined,
    { timeout: 60_000 },
  );
  return {
    state: (await page.getAttribute("html", "data-playground")) ?? "",
    status: (await page.locator("#pg-status").textContent()) ?? "",
  };
}

/** Types into a field from the keyboard: Tab to it, select its text, type, then Enter. */
async function typeInto(page: Page, selector: string, text: string): Promise<{ state: string; status: string }> {
  await tabTo(page, selector);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await clearState(page);
  await page.keyboard.press("Enter");
  return answered(page);
}

/** The derivations shown in a container: each one's data-ok, marks, title (its text, and the TeX of its typeset math). */
function derivations(page: Page, container: string) {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(`${sel} [data-stepwise-derivation]`)).map((d) => ({
        ok: d.getAttribute("data-ok"),
        marks: Array.from(d.querySelectorAll(".stepwise-step .stepwise-mark")).map((m) => m.textContent ?? ""),
        title: d.querySelector(".stepwise-derivation-title")?.textContent ?? "",
        titleTex: Array.from(d.querySelectorAll(".stepwise-derivation-title annotation")).map(
          (a) => a.textContent ?? "",
        ),
        katex: d.querySelectorAll(".katex").length,
      })),
    container,
  );
}

/** f′ at a point by a central difference, in doubles, from the function text (independent of the kit's rules). */
function numericDerivative(f: string, x: number): number {
  const m = verifierMath();
  const code = m.parse(f).compile();
  const h = 1e-6;
  return ((code.evaluate({ x: x + h }) as number) - (code.evaluate({ x: x - h }) as number)) / (2 * h);
}

s("should be linked from the index as “Derive any function”, and reached from the keyboard", async () => {
  const page = await site!.browser.newPage();
  const v = await visit(page, `${site!.server.url}index.html`, site!.server.url);
  await tabTo(page, "a[href='playground.html']");
  assert.is(await page.evaluate(() => document.activeElement?.textContent), "Derive any function");
  await page.keyboard.press("Enter");
  await page.waitForURL(/playground\.html$/);
  await page.waitForSelector("html[data-verifier=ready]", { timeout: 60_000 });
  // the site's shell: header, theme toggle, search
  assert.is(await page.locator("header.site-header a.site-title").count(), 1);
  assert.ok((await page.locator(".theme-toggle").count()) > 0, "the theme toggle");
  assert.ok((await page.locator("#site-search-input").count()) > 0, "the search box");
  assert.equal(v.consoleErrors, []);
  await page.close();
});

s("should derive a typed function, verified in the page, and keep it in the URL (keyboard only)", async () => {
  const { page, v } = await openPlayground();
  const { state, status } = await typeInto(page, "#pg-f", "x^2 * tanh(x)");
  assert.is(state, "done", status);
  assert.match(status, /^✓ every step verified in this page: \d+ steps, \d+ proved, \d+ sampled/);
  const shown = await derivations(page, "#pg-result");
  assert.ok(shown.length >= 1, "a derivation is shown");
  for (const d of shown) {
    assert.is(d.ok, "true", d.title);
    assert.ok(d.marks.length >= 2 && d.marks.every((m) => m === "•" || m === "✓"), `${d.title}: ${d.marks.join(" ")}`);
    assert.ok(d.katex > 0, `${d.title} is typeset`);
  }
  assert.match(shown[shown.length - 1].title, /by the product rule/);
  // the main derivation's last line is f′: compared here with a central difference of f
  const last = await page.evaluate(() => {
    const steps = document.querySelectorAll("#pg-result [data-stepwise-derivation]:last-child .stepwise-step");
    return (steps[steps.length - 1] as HTMLElement).querySelector(".katex-mathml annotation")?.textContent ?? "";
  });
  assert.ok(last.length > 0, "the last line has TeX");
  const preview = await page.locator("#pg-preview .katex").count();
  assert.is(preview, 1, "the function's preview");
  // the URL keeps the input
  const url = new URL(page.url());
  assert.is(url.searchParams.get("f"), "x^2 * tanh(x)");
  assert.is(url.searchParams.get("wrt"), "x");
  assert.is(url.searchParams.get("domain"), "x: (-10, 10)");
  assert.is(url.searchParams.get("strategy"), "auto");
  assert.is(await page.getAttribute("#pg-link", "href"), url.search);
  assert.equal(v.consoleErrors, []);
  assert.equal(v.foreignRequests, []);
  await page.close();
});

s("should give f′ itself: the final expression equals a central difference of f at several points", async () => {
  const page = await site!.browser.newPage();
  for (const f of ["x^2 * tanh(x)", "log(cosh(x))", "x * sigma(x)", "sqrt(1 + x^2) / (2 + sin(x))"]) {
    await visit(page, `${site!.server.url}playground.html?${new URLSearchParams({ f })}`, site!.server.url);
    const { state, status } = await answered(page);
    assert.is(state, "done", `${f}: ${status}`);
    // the final expression as mathjs text, from the kit's answer in the page
    const result = await page.evaluate(
      (fn) =>
        (
          window as unknown as {
            stepwiseVerifier: { explainFunction(r: object): { result?: string } };
          }
        ).stepwiseVerifier.explainFunction({ f: fn, wrt: "x", domain: { x: "(-10, 10)" } }).result ?? "",
      f,
    );
    const m = verifierMath();
    const d = m.parse(result.replace(/sigma\(([^()]*)\)/g, "(1 / (1 + e^(-($1))))")).compile();
    for (const x of [-2.5, -0.3, 0.7, 3.1]) {
      const want = numericDerivative(f.replace(/sigma\(x\)/g, "(1 / (1 + e^(-x)))"), x);
      const got = d.evaluate({ x }) as number;
      assert.ok(Math.abs(got - want) < 1e-5 * (1 + Math.abs(want)), `${f} at ${x}: ${result} = ${got}, want ${want}`);
    }
  }
  await page.close();
});

s("should restore a shared URL: the same input and derivation, with the strategy it names", async () => {
  const { page, v } = await openPlayground(
    new URLSearchParams({ f: "1 / (1 + e^(-x))", wrt: "x", domain: "x: (-5, 5)", strategy: "chain" }),
  );
  const { state, status } = await answered(page);
  assert.is(state, "done", status);
  assert.is(await page.inputValue("#pg-f"), "1 / (1 + e^(-x))");
  assert.is(await page.inputValue("#pg-domain"), "x: (-5, 5)");
  assert.is(await page.inputValue("#pg-strategy"), "chain");
  assert.is(await page.inputValue("#pg-wrt"), "x");
  const shown = await derivations(page, "#pg-result");
  assert.match(shown[shown.length - 1].title, /by the chain rule/);
  assert.ok(
    shown.every((d) => d.ok === "true"),
    JSON.stringify(shown),
  );
  // the chain route starts by writing the quotient as a negative power
  assert.match(
    (await page.locator("#pg-result [data-stepwise-derivation]").last().textContent()) ?? "",
    /a quotient as a negative power/,
  );
  // the quotient route of the same function from the keyboard: another title
  await tabTo(page, "#pg-strategy");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  assert.is(await page.inputValue("#pg-strategy"), "quotient");
  // Enter on the picker derives, as in a text field
  await clearState(page);
  await page.keyboard.press("Enter");
  assert.is((await answered(page)).state, "done");
  const again = await derivations(page, "#pg-result");
  assert.match(again[again.length - 1].title, /by the quotient rule/);
  assert.is(new URL(page.url()).searchParams.get("strategy"), "quotient");
  assert.equal(v.consoleErrors, []);
  await page.close();
});

s("should name the part of bad input, mark its field, and keep working", async () => {
  const { page, v } = await openPlayground();
  const bad: [string, string, RegExp, string][] = [
    ["#pg-f", "foo(x) + x", /^✗ The function: unknown function foo/, "#pg-f"],
    ["#pg-f", "x + * 2", /^✗ The function: cannot parse "x \+ \* 2": Value expected/, "#pg-f"],
    [
      "#pg-f",
      Array(160).fill("x").join(" + "),
      /^✗ The function: .* has \d+ nodes; explain takes at most 300/,
      "#pg-f",
    ],
    ["#pg-f", "max(x, 1)", /^✗ The function: no differentiation rule applies to "max\(x, 1\)"/, "#pg-f"],
    [
      "#pg-f",
      "log(x)",
      /^✗ The domain: log\(x\) is not defined or has no finite derivative where x ≤ 0, as at x = /,
      "#pg-domain",
    ],
    [
      "#pg-f",
      "log(x^2)",
      /^✗ The domain: log\(x \^ 2\) is not defined .* where x \^ 2 ≤ 0, as at x [=≈] 0\b/,
      "#pg-domain",
    ],
    ["#pg-f", "1/x", /^✗ The domain: 1 \/ x is not defined .* where x = 0, as at x [=≈] 0\b/, "#pg-domain"],
    ["#pg-f", "sqrt(x^2)", /^✗ The domain: sqrt\(x \^ 2\) is not defined .* as at x [=≈] 0\b/, "#pg-domain"],
    ["#pg-f", "abs(x)", /^✗ The domain: abs\(x\) has no derivative where x changes sign/, "#pg-domain"],
    ["#pg-f", "x * t", /^✗ The domain: t has no interval; add e\.g\. t: \(-10, 10\)/, "#pg-domain"],
  ];
  for (const [field, text, message, invalid] of bad) {
    const { state, status } = await typeInto(page, field, text);
    assert.is(state, "error", `${text}: ${status}`);
    assert.match(status, message, text);
    assert.is(await page.getAttribute(invalid, "aria-invalid"), "true", `${text}: ${invalid} marked invalid`);
    assert.is(await page.locator("#pg-result [data-stepwise-derivation]").count(), 0, `${text}: no derivation left`);
  }
  // a domain that does not parse, then one where the function is fine
  await typeInto(page, "#pg-f", "log(x)");
  let r = await typeInto(page, "#pg-domain", "x: (1, 0)");
  assert.match(r.status, /^✗ The domain: .*x must be a finite interval with min < max/);
  assert.is(await page.getAttribute("#pg-domain", "aria-invalid"), "true");
  r = await typeInto(page, "#pg-domain", "x: (0.5, 4)");
  assert.is(r.state, "done", r.status);
  assert.is(await page.getAttribute("#pg-domain", "aria-invalid"), null, "the mark goes once the input is good");
  assert.equal(v.consoleErrors, []);
  await page.close();
  // a shared URL whose variable is not in the function
  const { page: other } = await openPlayground(new URLSearchParams({ f: "x^2", wrt: "y" }));
  const wrong = await answered(other);
  assert.match(wrong.status, /^✗ The variable: y is not in the function; the function's variables are x/);
  assert.is(await other.getAttribute("#pg-wrt", "aria-invalid"), "true");
  await tabTo(other, "#pg-wrt");
  await other.keyboard.press("Home");
  assert.is(await other.inputValue("#pg-wrt"), "x");
  await clearState(other);
  await tabTo(other, "button.playground-derive");
  await other.keyboard.press("Enter");
  assert.is((await answered(other)).state, "done");
  await other.close();
});

s(
  "should preview every kind of bad input in words as it is typed, with no page error and no stale formula, and refuse an unknown strategy",
  async () => {
    const { page, v } = await openPlayground();
    const bad: [string, RegExp][] = [
      ["x + * 2", /^Value expected at character 5/],
      ["x = 3", /holds an assignment/],
      ["a; b", /holds several expressions/],
      ["f(t) = 2", /holds an assignment/],
      ["1:3", /holds a range/],
      ["x!", /holds the operator "!"/],
      ["[1,2]", /holds array syntax/],
      ["3 mod 2", /holds the operator "mod"/],
      ["i", /holds the imaginary unit i/],
      [`${"(".repeat(101)}x${")".repeat(101)}`, /nests 101 brackets deep/],
    ];
    for (const [text, message] of bad) {
      // a valid formula first, so that a preview left stale would still show it
      await page.fill("#pg-f", "x^2");
      await page.waitForSelector("#pg-preview .katex");
      await page.fill("#pg-f", text);
      await page.waitForFunction(() => !document.querySelector("#pg-preview .katex"), undefined, { timeout: 10_000 });
      assert.match((await page.locator("#pg-preview").textContent()) ?? "", message, text.slice(0, 20));
    }
    assert.equal(v.consoleErrors, []);
    await page.close();
    // a strategy the kit does not know, in a shared URL: refused, not silently "auto"
    const { page: other } = await openPlayground(new URLSearchParams({ f: "x^2", strategy: "nonsense" }));
    const r = await answered(other);
    assert.is(r.state, "error", r.status);
    assert.match(r.status, /^✗ The strategy: "nonsense" is not one the kit knows; choose .*"auto"/);
    assert.is(await other.getAttribute("#pg-strategy", "aria-invalid"), "true");
    await other.close();
  },
);

s(
  "should pass axe-core at 1280 and 390 px in both schemes, with a derivation shown, and not scroll sideways",
  async () => {
    for (const width of [1280, 390]) {
      const context = await site!.browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      const query = new URLSearchParams({
        f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))",
        wrt: "z",
        domain: "z: (-10, 10); t: [0, 1]",
      });
      await visit(page, `${site!.server.url}playground.html?${query}`, site!.server.url);
      const { state, status } = await answered(page);
      assert.is(state, "done", status);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `playground at ${width}px scrolls sideways by ${overflow}px`);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await axeViolations(page);
        assert.equal(violations, [], `axe-core at ${width}px, ${scheme}: ${JSON.stringify(violations, null, 1)}`);
      }
      // and with an error shown
      await typeInto(page, "#pg-f", "foo(z)");
      assert.equal(await axeViolations(page), [], `axe-core at ${width}px with an error`);
      await context.close();
    }
  },
);

s("should show the kit's derivation of a derivation's function in “Try a step” (keyboard only)", async () => {
  const context = await site!.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const v = await visit(page, `${site!.server.url}try.html`, site!.server.url);
  // the first derivation's form (σ′ by the quotient rule)
  await tabTo(page, "button.stepwise-try-open");
  await page.keyboard.press("Enter");
  await tabTo(page, "button.stepwise-kit-open");
  const kit = page.locator("form.stepwise-try").first();
  assert.is(await page.getAttribute("button.stepwise-kit-open", "aria-expanded"), "false");
  await page.keyboard.press("Enter");
  await kit.locator(".stepwise-kit[data-kit=done], .stepwise-kit[data-kit=error]").waitFor({ timeout: 60_000 });
  const status = (await kit.locator(".stepwise-kit-status").textContent()) ?? "";
  assert.match(status, /^✓ every step verified in this page: \d+ steps/);
  assert.is(await kit.locator("button.stepwise-kit-open").getAttribute("aria-expanded"), "true");
  const shown = await derivations(page, "#try-1-kit");
  assert.ok(shown.length >= 1);
  // same function and variable, and the route the hand-written derivation names (quotient rule);
  // the title's math typeset from TeX
  assert.match(shown[shown.length - 1].title, /by the quotient rule, derived by the kit$/);
  assert.equal(shown[shown.length - 1].titleTex, ["g'(x)"]);
  assert.ok(
    shown.every((d) => d.ok === "true" && d.marks.every((m) => m === "•" || m === "✓")),
    JSON.stringify(shown),
  );
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.equal(await axeViolations(page), [], `axe-core with the kit's derivation open, ${scheme}`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  // Enter again hides it
  await page.keyboard.press("Enter");
  assert.ok(await kit.locator(".stepwise-kit").isHidden());
  assert.equal(v.consoleErrors, []);
  await context.close();
});

s(
  "should derive a large function off the page's thread: typing and the live preview go on while it works, and the result arrives",
  async () => {
    const { page, v } = await openPlayground();
    await page.fill("#pg-f", sineSum(60));
    await clearState(page);
    await page.locator("#pg-f").press("Enter");
    await page.waitForSelector("html[data-playground=working]");
    assert.ok(await page.locator("#pg-stop").isVisible(), "a Stop button while it works");
    assert.match((await page.locator("#pg-status").textContent()) ?? "", /^working…/);
    // each input event records the playground's state when the page handled it: on a blocked page
    // the keys wait until the derivation is done
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      document
        .getElementById("pg-f")
        ?.addEventListener("input", () => w.seen.push(document.documentElement.getAttribute("data-playground") ?? ""));
    });
    const before = (await page.locator("#pg-preview").textContent()) ?? "";
    await page.locator("#pg-f").press("End");
    await page.keyboard.type(" + x");
    // the live preview follows the typing while the derivation still works
    await page.waitForFunction((b) => (document.getElementById("pg-preview")?.textContent ?? "") !== b, before, {
      timeout: 60_000,
    });
    const { state, status } = await answered(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(
      seen.length >= 4 && seen.every((x) => x === "working"),
      `the states the keys were handled in: ${seen.join(", ")}`,
    );
    assert.is(state, "done", status);
    assert.match(status, /^✓ every step verified in this page: (\d+) steps/);
    assert.ok(Number(/(\d+) steps/.exec(status)?.[1]) >= 50, status);
    assert.ok(await page.locator("#pg-stop").isHidden());
    // the derivation of the sum as it was sent (the typed " + x" waits for the next Enter)
    const shown = await derivations(page, "#pg-result");
    assert.ok(shown.length >= 1 && shown.every((d) => d.ok === "true"), JSON.stringify(shown.slice(-1)));
    assert.equal(v.consoleErrors, []);
    await page.close();
  },
);

s(
  "should stop a derivation with Stop (the cancelled state), and end one past its time bound with a message",
  async () => {
    const { page, v } = await openPlayground();
    await page.fill("#pg-f", sineSum(60));
    await clearState(page);
    await page.locator("#pg-f").press("Enter");
    await page.waitForSelector("html[data-playground=working]");
    await tabTo(page, "#pg-stop");
    await page.keyboard.press("Enter");
    assert.is(await page.getAttribute("html", "data-playground"), "cancelled");
    assert.match((await page.locator("#pg-status").textContent()) ?? "", /^Stopped: the derivation was cancelled/);
    assert.ok(await page.locator("#pg-stop").isHidden());
    assert.is(await page.locator("#pg-result [data-stepwise-derivation]").count(), 0);
    // the time bound, made short: the worker is ended and the page says why
    await page.evaluate(() => document.getElementById("playground")?.setAttribute("data-time-limit-ms", "50"));
    await clearState(page);
    await page.locator("#pg-f").press("Enter");
    await page.waitForSelector("html[data-playground=timeout]", { timeout: 60_000 });
    assert.match(
      (await page.locator("#pg-status").textContent()) ?? "",
      /^✗ Stopped after 50 ms: the derivation of this function takes longer than the page allows/,
    );
    // and the next derivation runs in a new worker
    await page.evaluate(() => document.getElementById("playground")?.setAttribute("data-time-limit-ms", "60000"));
    const r = await typeInto(page, "#pg-f", "x * sigma(x)");
    assert.is(r.state, "done", r.status);
    assert.equal(v.consoleErrors, []);
    await page.close();
  },
);

s(
  "should derive the kit's derivation of “Try a step” in the worker: the page stays responsive, Stop ends it, the time bound ends it with a message",
  async () => {
    const page = await site!.browser.newPage();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    const v = await visit(page, `${site!.server.url}try.html`, site!.server.url);
    // the second derivation, the 60-term sine sum: its kit derivation takes seconds
    await page.locator("button.stepwise-try-open").nth(1).click();
    const form = page.locator("form.stepwise-try").nth(1);
    const show = form.locator("button.stepwise-kit-open");
    const region = form.locator(".stepwise-kit");
    const stop = region.locator("button.stepwise-kit-stop");
    const field = form.locator(".stepwise-try-input");
    await show.click();
    await form.locator(".stepwise-kit[data-kit=working]").waitFor();
    assert.ok(await stop.isVisible(), "a Stop button while it works");
    assert.match((await region.locator(".stepwise-kit-status").textContent()) ?? "", /^working…/);
    // each input event records the region's state when the page handled it: on a blocked page
    // the keys would wait until the derivation is done
    await field.evaluate((input) => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const kit = input.closest("form")?.querySelector(".stepwise-kit");
      input.addEventListener("input", () => w.seen.push(kit?.getAttribute("data-kit") ?? ""));
    });
    await field.press("End");
    await page.keyboard.type(" + 0");
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(
      seen.length === 4 && seen.every((x) => x === "working"),
      `the states the keys were handled in: ${seen.join(", ")}`,
    );
    assert.ok(
      workers.some((u) => u.endsWith("/assets/playground-worker.js")),
      `the playground's worker runs it: ${workers.join(", ")}`,
    );
    // Stop
    await stop.focus();
    await page.keyboard.press("Enter");
    assert.is(await region.getAttribute("data-kit"), "cancelled");
    assert.match(
      (await region.locator(".stepwise-kit-status").textContent()) ?? "",
      /^Stopped: the derivation was cancelled/,
    );
    assert.ok(await stop.isHidden());
    assert.is(await region.locator("[data-stepwise-derivation]").count(), 0);
    // the time bound, made short: hide and show again
    await show.click();
    await region.evaluate((r) => r.setAttribute("data-time-limit-ms", "50"));
    await show.click();
    await form.locator(".stepwise-kit[data-kit=timeout]").waitFor({ timeout: 60_000 });
    assert.match(
      (await region.locator(".stepwise-kit-status").textContent()) ?? "",
      /^✗ Stopped after 50 ms: the derivation of this function takes longer than the page allows/,
    );
    assert.ok(await stop.isHidden());
    assert.equal(v.consoleErrors, []);
    await page.close();
  },
);

/** Where each closed detail's body is drawn while its rule is hovered: its left and right edges and the window's width. */
async function hoverBoxes(page: Page): Promise<{ rule: string; left: number; right: number; width: number }[]> {
  const whys = page.locator(".stepwise-derivation details.stepwise-why:not([open])");
  const boxes = [];
  for (let i = 0; i < (await whys.count()); i++) {
    const why = whys.nth(i);
    await why.locator("summary").scrollIntoViewIfNeeded();
    await why.locator("summary").hover();
    const body = why.locator(".stepwise-why-body");
    assert.ok(await body.isVisible(), `detail ${i} shows on hover`);
    boxes.push(
      await body.evaluate(
        (b, rule) => {
          const r = b.getBoundingClientRect();
          return { rule, left: r.left, right: r.right, width: document.documentElement.clientWidth };
        },
        (await why.locator("summary").textContent()) ?? "",
      ),
    );
  }
  await page.mouse.move(0, 0);
  return boxes;
}

s(
  "should draw a hovered detail inside the window at any width, 320 px to wide, however far right its rule sits",
  async () => {
    for (const width of [320, 390, 768, 1280, 1920]) {
      const context = await site!.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await visit(page, `${site!.server.url}try.html`, site!.server.url);
      const boxes = await hoverBoxes(page);
      assert.ok(boxes.length >= 3, `${width}px: ${boxes.length} details`);
      const out = boxes.filter((b) => b.left < 0 || b.right > b.width + 0.5);
      assert.equal(out, [], `${width}px: details drawn past the window's edges`);
      await context.close();
    }
  },
);

s(
  "should open a derivation's detail on hover and close it on leaving (CSS), and still on a click and Enter",
  async () => {
    const page = await site!.browser.newPage();
    await visit(page, `${site!.server.url}try.html`, site!.server.url);
    // the first closed detail, marked so that the locator keeps it once it opens
    await page.evaluate(() =>
      document
        .querySelector(".stepwise-derivation details.stepwise-why:not([open])")
        ?.setAttribute("data-test-why", ""),
    );
    const why = page.locator("[data-test-why]");
    const body = why.locator(".stepwise-why-body");
    assert.ok(await body.isHidden(), "closed at first");
    await why.locator("summary").hover();
    assert.ok(await body.isVisible(), "hover shows the detail");
    assert.is(await why.getAttribute("open"), null, "hover does not set open");
    await page.mouse.move(0, 0);
    assert.ok(await body.isHidden(), "leaving hides it");
    await why.locator("summary").click();
    await page.mouse.move(0, 0);
    assert.ok(await body.isVisible(), "a click opens it and it stays");
    await why.locator("summary").focus();
    await page.keyboard.press("Enter");
    await page.mouse.move(0, 0);
    assert.ok(await body.isHidden(), "Enter closes it");
    await page.keyboard.press("Enter");
    assert.ok(await body.isVisible(), "Enter opens it");
    await page.close();
  },
);

s.run();
