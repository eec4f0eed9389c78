import { request } from "node:http";
import * as path from "node:path";
import * as vm from "node:vm";
import type { Cell, Notebook } from "../../../lib/notebook/nbformat";
import type { StepwiseVerifier } from "../../../lib/site/try/browser-entry";
import { verifierBundle } from "../../../lib/site/try/verifier-bundle";
import { tempFolder } from "../../temp-folders";

/** The project root. */
export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** A fresh temporary folder in the system's temporary directory, removed when the test process exits. */
export function tempDir(prefix = "stepwise-site-test-"): string {
  return tempFolder(prefix);
}

/**
 * A fresh temporary folder inside the project (test-artifacts/, gitignored), for
 * notebooks that `import "stepwise"`: the kernel resolves the package from the
 * notebook's folder upwards, so it must lie inside this project.
 */
export function projectTempDir(prefix = "tmp-"): string {
  return tempFolder(prefix, path.join(ROOT, "test-artifacts"));
}

/** A markdown cell. */
export function md(source: string, extra: Partial<Cell> = {}): Cell {
  return { cell_type: "markdown", metadata: {}, source, ...extra };
}

/** A code cell with outputs. */
export function code(source: string, outputs: Cell["outputs"] = [], extra: Partial<Cell> = {}): Cell {
  return { cell_type: "code", metadata: {}, source, outputs, execution_count: 1, ...extra };
}

/** A tslab notebook of the given cells. */
export function notebook(cells: Cell[]): Notebook {
  return {
    cells,
    metadata: {
      kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The absolute path of a file under test/fixtures. */
export function fixture(...parts: string[]): string {
  return path.resolve(__dirname, "..", "..", "fixtures", ...parts);
}

/** The kit's derivation bundle for a small verified derivation (v′ = −e^(−x)), as display writes it. */
export function derivationData(): Record<string, unknown> {
  // required lazily: only the tests that need a derivation pay for the verifier
  const { derive } = require("../../../lib/derive") as typeof import("../../../lib/derive");
  const { derivationBundle } = require("../../../lib/display") as typeof import("../../../lib/display");
  const d = derive("v′(x) for v = 1 + e^(−x)", {
    name: "v",
    f: "1 + e^(-x)",
    wrt: "x",
    domain: { x: "(-10, 10)" },
  }).differentiate("-e^(-x)", "sum rule, exponential rule", "the 1 drops out");
  return { ...derivationBundle(d.verify(), { spec: d.spec }) };
}

/** A plotly figure output (application/vnd.plotly.v1+json) with a text/html that the site must not read. */
export function plotlyOutput(name = "sigma"): { output_type: "display_data"; data: Record<string, unknown> } {
  return {
    output_type: "display_data",
    data: {
      "application/vnd.plotly.v1+json": {
        data: [{ type: "scatter", x: [0, 1], y: [0.5, 0.73], name }],
        layout: { title: { text: name } },
      },
      "text/html": "<p>NOT THE CHART</p>",
      "text/plain": `chart: ${name}`,
    },
  };
}

/**
 * Status, content type and body of a raw GET to a site server (the path is sent as
 * written, not normalised); fails when the server does not answer within 5 s.
 */
export function rawGet(url: string, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error(`no answer for ${rawPath}`)));
    req.end();
  });
}

/**
 * The page's verifier (assets/verifier.js, as the site writes it) run in a fresh VM context
 * with only `performance`, as a browser page would load it: its `window.stepwiseVerifier`.
 */
export async function pageVerifier(): Promise<StepwiseVerifier> {
  const context: Record<string, unknown> = { performance };
  vm.runInNewContext(await verifierBundle(), context, { filename: "assets/verifier.js" });
  return context.stepwiseVerifier as StepwiseVerifier;
}
