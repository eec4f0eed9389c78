import { readFileSync } from "fs";
import { Script, createContext, runInContext } from "vm";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotlyLibrary, plotlyLoaderHtml, PLOTLY_READY_EVENT } from "../../../lib/display";

/** The JavaScript inside the loader's <script> element. */
function scriptText(html: string): string {
  const m = /^<script data-stepwise-plotly-loader="([^"]*)">\n([\s\S]*)\n<\/script>$/.exec(html);
  assert.ok(m, "the loader is not one <script> element");
  return m[2];
}

/** A fake browser global with an AMD `define`, as RequireJS sets up in the classic Notebook. */
function fakeWindow(extra: Record<string, unknown> = {}) {
  const events: string[] = [];
  const define = Object.assign(() => undefined, { amd: {} });
  // CommonJS-looking globals too: the loader must ignore them as well.
  const win: Record<string, unknown> = { define, events, module: { exports: {} }, exports: {}, ...extra };
  win.window = win;
  win.self = win;
  win.dispatchEvent = (e: { type: string }) => events.push(e.type);
  win.Event = class {
    constructor(public type: string) {}
  };
  return { win, define, events };
}

// A stand-in library written like a UMD bundle: it registers with AMD when it sees `define`, else sets window.Plotly.
const UMD = `if (typeof define === "function" && define.amd) { define([], function () { return {}; }); }
else { window.Plotly = { newPlot: function () {}, fromUmd: typeof module + "/" + typeof exports }; }
window.loads = (window.loads || 0) + 1; window.tricky = "</script> and <!-- in a string";`;

const s = suite("plotlyLoaderHtml");

s("should define window.Plotly even when AMD define and CommonJS module exist, then restore define", () => {
  const { win, define, events } = fakeWindow();
  runInContext(scriptText(plotlyLoaderHtml(UMD, "9.9.9")), createContext(win));
  assert.equal((win.Plotly as { fromUmd: string }).fromUmd, "undefined/undefined");
  assert.is(win.define, define);
  assert.equal(events, [PLOTLY_READY_EVENT]);
});

s("should not run the library when window.Plotly already exists", () => {
  const existing = { newPlot() {} };
  const { win, events } = fakeWindow({ Plotly: existing });
  runInContext(scriptText(plotlyLoaderHtml(UMD, "9.9.9")), createContext(win));
  assert.is(win.Plotly, existing);
  assert.is(win.loads, undefined);
  assert.equal(events, []);
});

s("should leave no define behind when the page had none", () => {
  const { win } = fakeWindow();
  delete win.define;
  runInContext(scriptText(plotlyLoaderHtml(UMD, "1")), createContext(win));
  assert.ok(!("define" in win));
  assert.is(win.loads, 1);
});

s("should escape </script and <!-- so the element cannot end early, keeping the strings' values", () => {
  const html = plotlyLoaderHtml(UMD, "1");
  assert.not.match(scriptText(html), /<\/script|<!--/i);
  const { win } = fakeWindow();
  runInContext(scriptText(html), createContext(win));
  assert.is(win.tricky, "</script> and <!-- in a string");
});

s("should put the version in the marker attribute and nothing unsafe", () => {
  assert.match(plotlyLoaderHtml("", "4.1.1"), '<script data-stepwise-plotly-loader="4.1.1">');
  assert.match(plotlyLoaderHtml("", '4"><x'), '<script data-stepwise-plotly-loader="4x">');
});

s.run();

const lib = suite("plotlyLibrary");

lib("should read the installed plotly.js-dist bundle and its version", () => {
  const { source, version } = plotlyLibrary();
  const pkg = JSON.parse(readFileSync(require.resolve("plotly.js-dist/package.json"), "utf8")) as { version: string };
  assert.is(version, pkg.version);
  assert.is(source, readFileSync(require.resolve("plotly.js-dist"), "utf8"));
  assert.match(source.slice(0, 200), `plotly.js v${pkg.version}`);
});

lib("should wrap the real bundle into a script that compiles", () => {
  const { source, version } = plotlyLibrary();
  new Script(scriptText(plotlyLoaderHtml(source, version)));
});

lib.run();
