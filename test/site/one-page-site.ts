/**
 * A one-page site for the browser tests of "Try a step" and the playground: an executed
 * notebook made in the test (σ′ by the quotient rule as its derivation output, and whatever
 * cells the test adds), rendered by renderSite alone (no notebook runs), served on the
 * loopback, with Chromium.
 */
import * as path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { type Derivation, derive } from "../../lib/derive";
import { derivationPayload } from "../../lib/outputs/make-derivation-payload";
import { DERIVATION_MIME } from "../../lib/outputs/mime-types";
import { serveSite, type SiteServer } from "../../lib/pipeline/serve";
import { renderSite } from "../../lib/site/render/render-site";
import { ROOT, tempDir } from "./helpers";

/** σ′(x) by the quotient rule, as notebook 02 and the README write it. */
export const SIGMA_QUOTIENT = derive("σ′(x) by the quotient rule", {
  name: "g",
  f: "1 / (1 + e^(-x))",
  wrt: "x",
  domain: { x: "(-10, 10)" },
})
  .differentiate("(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2", "quotient rule", "u = 1, v = 1 + e^(−x)")
  .rewrite("e^(-x) / (1 + e^(-x))^2", "algebra")
  .rewrite("g(x) * (1 - g(x))", "recognise g");

/**
 * The code cell that shows a derivation verified: its derivation JSON output, as
 * `showVerified(d)` leaves it in an executed notebook.
 *
 * @param d the derivation (verified here)
 * @param metadata the cell's metadata (e.g. `{ tags: ["hide-input"] }`)
 */
export function derivationCell(d: Derivation, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cell_type: "code",
    metadata,
    execution_count: 1,
    source: "showVerified(d)",
    outputs: [
      {
        output_type: "display_data",
        metadata: {},
        data: {
          [DERIVATION_MIME]: derivationPayload(d.verify(), { spec: d.spec }),
          "text/plain": d.spec.title,
        },
      },
    ],
  };
}

/** The cell of {@link SIGMA_QUOTIENT} ({@link derivationCell}). */
export function sigmaCell(metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return derivationCell(SIGMA_QUOTIENT, metadata);
}

/** The site served and the browser; `close()` ends both. */
export interface OnePageSite {
  server: SiteServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Renders an executed notebook of these cells as the site's only page (`try.html`, with the
 * index and, since it shows a derivation, playground.html), serves it and starts Chromium.
 *
 * @param cells the notebook's cells
 * @param o title: the site's title; port: a fixed port (default: any free one)
 * @returns the server, the browser and `close`
 */
export async function servePage(
  cells: Record<string, unknown>[],
  o: { title: string; port?: number },
): Promise<OnePageSite> {
  const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: "typescript" } }, cells };
  const out = path.join(tempDir("stepwise-one-page-"), "site");
  await renderSite([{ file: "try.ipynb", source: notebook as never, executed: notebook as never }], out, {
    title: o.title,
  });
  // the benches' set-up (server, Chromium with the one set of launch options, close() ending both)
  const { openSite } = (await import(path.join(ROOT, "scripts", "bench-browser.mjs"))) as {
    openSite(o: {
      out: string;
      serveSite: typeof serveSite;
      chromium: typeof chromium;
      port?: number;
    }): Promise<OnePageSite>;
  };
  return openSite({ out, serveSite, chromium, port: o.port });
}
