// The set-up the browser benches share (scripts/bench-site.mjs, scripts/bench-try-step.mjs): a built
// site served on the loopback and the system's Chromium (/usr/bin/chromium, no downloads, no
// background traffic), so that every bench measures in the same browser the same way.

import { readFileSync } from "node:fs";

/**
 * How every bench and test launches Chromium (playwright-core's `chromium.launch` options):
 * Debian's /usr/bin/chromium, never a downloaded browser, with no sandbox (root), no GPU and nothing
 * fetched in the background. The one definition is scripts/chromium-launch.json, which
 * test/shared.ts imports too.
 * @type {{ executablePath: string, args: string[] }}
 */
export const CHROMIUM_LAUNCH = JSON.parse(readFileSync(new URL("./chromium-launch.json", import.meta.url), "utf8"));

/**
 * Serves a built site and launches Chromium: the benches' set-up, and the browser tests' one-page
 * site (test/site/one-page-site.ts).
 * @param {{ out: string, serveSite: Function, chromium: import("playwright-core").BrowserType, port?: number }} o
 *   out: the site's folder; serveSite: lib/pipeline/serve.ts's (dist/pipeline/serve.js's in a bench);
 *   chromium: playwright-core's; port: a fixed port (default: any free one)
 * @returns {Promise<{ server: { url: string, close(): Promise<void> }, browser: import("playwright-core").Browser, close(): Promise<void> }>}
 *   the server (its url ends with "/"), the browser, and close() ending both
 * @throws Error when the folder does not exist or Chromium cannot start
 */
export async function openSite({ out, serveSite, chromium, port }) {
  const server = await serveSite(out, port === undefined ? {} : { port });
  let browser;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
