/** axe-core (from npm) in a page of the built site: the accessibility check of the site's browser tests. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

let source: string | undefined;

/** One rule axe-core found broken, with the first elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  examples: string[];
}

/**
 * Runs axe-core on the page as it is now, with every rule axe enables by default (WCAG
 * 2.0, 2.1 and 2.2 A and AA, and its best practices), and returns what it found. axe is
 * evaluated through the DevTools protocol, so the site's Content-Security-Policy (which
 * forbids inline scripts) stays as it is.
 *
 * @param page a loaded page
 * @returns the violations, empty when axe finds none; each names the rule, its impact
 *   and up to three elements with axe's summary of what to fix
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Result[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    // A header cell whose text is a formula: KaTeX draws it aria-hidden and gives screen
    // readers its MathML, which axe's empty-table-header does not count as visible text.
    for (const v of r.violations)
      if (v.id === "empty-table-header")
        v.nodes = v.nodes.filter(
          (n) =>
            !(
              n.target.length === 1 && document.querySelector(n.target[0])?.querySelector(".katex-mathml math") != null
            ),
        );
    return r.violations
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        examples: v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`),
      }));
  });
}

/**
 * Opens every "Try a step" form of the page (its button) and waits until the verifier
 * is loaded and each form shows its preview, so axe sees the widget as a reader uses it.
 *
 * @param page a loaded page
 * @returns how many forms were opened
 */
export async function openTryForms(page: Page): Promise<number> {
  const buttons = page.locator("button.stepwise-try-open");
  const n = await buttons.count();
  for (let i = 0; i < n; i++) await buttons.nth(i).click();
  if (n > 0 || (await page.locator("form.stepwise-answer").count()) > 0) {
    if (n === 0) await page.locator("form.stepwise-answer input").first().focus();
    await page.waitForSelector("html[data-verifier=ready]", { timeout: 60_000 });
    if (n > 0)
      await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll("form.stepwise-try .stepwise-try-preview")).every(
            (p) => p.childElementCount > 0,
          ),
        undefined,
        { timeout: 60_000 },
      );
  }
  return n;
}
