import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { buildSite, type BuildResult } from "../../lib/pipeline/build";
import { serveSite, type SiteServer } from "../../lib/pipeline/serve";
import { listNotebooks } from "../../lib/pipeline/build";
import { checkPage, expectationOf, launchChromium, tempDir } from "./helpers";

/** A site built from a notebooks folder, served on the loopback, with a browser. */
export interface BuiltSite {
  result: BuildResult;
  executedDir: string;
  server: SiteServer;
  browser: Browser;
}

/** Builds the site of a folder into a temporary folder (keeping the executed notebooks), serves it, starts Chromium. */
export async function buildAndServe(notebooksDir: string, name: string): Promise<BuiltSite> {
  const out = path.join(tempDir(`stepwise-${name}-`), "site");
  const executedDir = tempDir(`stepwise-${name}-executed-`);
  const result = await buildSite({ notebooksDir, out, executedDir, title: name });
  const server = await serveSite(out);
  return { result, executedDir, server, browser: await launchChromium() };
}

/** Closes the browser and the server. */
export async function close(site: BuiltSite | undefined): Promise<void> {
  await site?.browser.close();
  await site?.server.close();
}

/** Every notebook has a page, in file-name order, and the index links them in that order. */
export function checkIndexOrder(site: BuiltSite, notebooksDir: string): void {
  const files = listNotebooks(notebooksDir);
  assert.equal(
    site.result.pages.map((p) => p.file),
    files,
  );
  const index = readFileSync(path.join(site.result.out, "index.html"), "utf8");
  const positions = site.result.pages.map((p) => index.indexOf(`href="${p.page}"`));
  assert.ok(
    positions.every((p) => p > 0),
    "every page is linked from the index",
  );
  assert.equal(
    [...positions].sort((a, b) => a - b),
    positions,
    "index order",
  );
}

/** Opens the index, the playground (on a site that shows derivations) and every page and checks them (see `checkPage`). */
export async function checkAllPages(site: BuiltSite, name: string): Promise<void> {
  await checkPage(
    site.browser,
    site.server.url,
    "index.html",
    { figures: 0, math: false, derivations: 0 },
    `${name}-index`,
  );
  if (existsSync(path.join(site.result.out, "playground.html")))
    await checkPage(
      site.browser,
      site.server.url,
      "playground.html",
      { figures: 0, math: false, derivations: 0 },
      `${name}-playground`,
    );
  for (const p of site.result.pages) {
    const expected = expectationOf(path.join(site.executedDir, p.file));
    assert.is(p.figures, expected.figures, `${p.file}: charts found by the renderer`);
    await checkPage(site.browser, site.server.url, p.page, expected, `${name}-${p.page.replace(/\.html$/, "")}`);
  }
}
