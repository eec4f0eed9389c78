// The set-up the browser benches share (scripts/bench-site.mjs, scripts/bench-try-step.mjs): a built
// site served on the loopback and the system's Chromium (/usr/bin/chromium, no downloads, no
// background traffic), so that every bench measures in the same browser the same way.

/** Chromium's flags for the benches: no sandbox (root), no GPU, nothing fetched in the background. */
export const BENCH_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/**
 * Serves a built site and launches Chromium.
 * @param {{ out: string, serveSite: Function, chromium: import("playwright-core").BrowserType }} o
 *   out: the site's folder; serveSite: dist/pipeline/serve.js's; chromium: playwright-core's
 * @returns {Promise<{ server: { url: string, close(): Promise<void> }, browser: import("playwright-core").Browser, close(): Promise<void> }>}
 *   the server (its url ends with "/"), the browser, and close() ending both
 * @throws Error when the folder does not exist or Chromium cannot start
 */
export async function openSite({ out, serveSite, chromium }) {
  const server = await serveSite(out);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BENCH_CHROMIUM_ARGS });
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
