import { createContext, runInContext } from "node:vm";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { PLOTLY_ASSET_PATH, PLOTLY_ASSET_URL, PLOTLY_SCRIPT_ATTR, withPlotlySource } from "../../../lib/display";

type Listener = () => void;

/** A minimal element: attributes and event listeners (what the loader touches). */
class FakeElement {
  attrs: Record<string, string> = {};
  listeners: Record<string, Listener[]> = {};
  src = "";
  constructor(
    public tag: string,
    public textContent = "",
  ) {}
  getAttribute(name: string) {
    return name in this.attrs ? this.attrs[name] : null;
  }
  setAttribute(name: string, value: string) {
    this.attrs[name] = value;
  }
  addEventListener(type: string, fn: Listener) {
    (this.listeners[type] ??= []).push(fn);
  }
  fire(type: string) {
    for (const fn of this.listeners[type] ?? []) fn();
  }
}

/** A fake page: <body data-base-url> (classic Notebook) or #jupyter-config-data (JupyterLab), optional RequireJS. */
function fakePage(opts: { bodyBase?: string; configBase?: string; requirejs?: boolean; plotly?: unknown } = {}) {
  const head: FakeElement[] = [];
  const body = new FakeElement("body");
  if (opts.bodyBase !== undefined) body.setAttribute("data-base-url", opts.bodyBase);
  const config =
    opts.configBase !== undefined ? new FakeElement("script", JSON.stringify({ baseUrl: opts.configBase })) : null;
  const required: { paths: Record<string, string>[]; names: string[][] } = { paths: [], names: [] };
  const win: Record<string, unknown> = {
    Plotly: opts.plotly,
    document: {
      body,
      head: { appendChild: (e: FakeElement) => head.push(e) },
      getElementById: (id: string) => (id === "jupyter-config-data" ? config : null),
      createElement: (tag: string) => new FakeElement(tag),
      querySelector: (sel: string) =>
        sel === `script[${PLOTLY_SCRIPT_ATTR}]` ? (head.find((e) => PLOTLY_SCRIPT_ATTR in e.attrs) ?? null) : null,
    },
  };
  if (opts.requirejs) {
    win.requirejs = Object.assign(
      (names: string[], ok: (m: unknown) => void) => {
        required.names.push(names);
        ok({ newPlot() {}, amd: true });
      },
      { config: (c: { paths: Record<string, string> }) => required.paths.push(c.paths) },
    );
  }
  win.window = win;
  const ctx = createContext(win);
  const withPlotly = runInContext(`(${withPlotlySource()})`, ctx) as (
    done: (p: unknown) => void,
    failed: (url: string) => void,
  ) => void;
  return { win, head, required, withPlotly };
}

/** Calls withPlotly once and records what it reported. */
function call(page: ReturnType<typeof fakePage>) {
  const got: { done: unknown[]; failed: string[] } = { done: [], failed: [] };
  page.withPlotly(
    (p) => got.done.push(p),
    (u) => got.failed.push(u),
  );
  return got;
}

const s = suite("withPlotlySource");

s("should name a file under nbextensions/ of a Jupyter data folder", () => {
  assert.equal([...PLOTLY_ASSET_PATH], ["nbextensions", "stepwise-plotly", "plotly.min.js"]);
  assert.is(PLOTLY_ASSET_URL, "nbextensions/stepwise-plotly/plotly.min");
});

s("should use window.Plotly when the page has it, loading nothing", () => {
  const existing = { newPlot() {} };
  const page = fakePage({ plotly: existing, requirejs: true });
  const got = call(page);
  assert.equal(got.done, [existing]);
  assert.equal(page.required.names, []);
  assert.is(page.head.length, 0);
});

s("should load the static file through RequireJS under the page's base URL (classic Notebook)", () => {
  const page = fakePage({ bodyBase: "/user/ann/", requirejs: true });
  const got = call(page);
  assert.equal(JSON.parse(JSON.stringify(page.required.paths)), [
    { "stepwise-plotly": "/user/ann/nbextensions/stepwise-plotly/plotly.min" },
  ]);
  assert.equal(JSON.parse(JSON.stringify(page.required.names)), [["stepwise-plotly"]]);
  assert.is(got.done.length, 1);
  assert.is((got.done[0] as { amd: boolean }).amd, true);
  assert.is(page.head.length, 0, "no <script> element besides RequireJS");
});

s("should add one shared <script src> for all charts of a page without RequireJS, and draw each on load", () => {
  const page = fakePage({ configBase: "/lab-base" });
  const a = call(page);
  const b = call(page);
  assert.is(page.head.length, 1, "one <script> element for two charts");
  const tag = page.head[0];
  assert.is(tag.src, "/lab-base/nbextensions/stepwise-plotly/plotly.min.js");
  assert.is(tag.getAttribute(PLOTLY_SCRIPT_ATTR), "loading");
  assert.equal([a.done.length, b.done.length], [0, 0]);
  const plotly = { newPlot() {} };
  page.win.Plotly = plotly;
  tag.fire("load");
  assert.is(tag.getAttribute(PLOTLY_SCRIPT_ATTR), "loaded");
  assert.equal(a.done, [plotly]);
  assert.equal(b.done, [plotly]);
  assert.equal(call(page).done, [plotly], "a later chart uses window.Plotly at once");
});

s("should report the URL when the file cannot be loaded, for this chart and later ones", () => {
  const page = fakePage({ bodyBase: "/" });
  const first = call(page);
  page.head[0].fire("error");
  const url = "/nbextensions/stepwise-plotly/plotly.min.js";
  assert.equal(first.failed, [url]);
  assert.is(page.head[0].getAttribute(PLOTLY_SCRIPT_ATTR), "failed");
  assert.equal(call(page).failed, [url]);
  assert.is(page.head.length, 1, "no second attempt in the same page");
});

s("should fall back to the server root when the page names no base URL", () => {
  const page = fakePage({});
  call(page);
  assert.is(page.head[0].src, "/nbextensions/stepwise-plotly/plotly.min.js");
});

s.run();
