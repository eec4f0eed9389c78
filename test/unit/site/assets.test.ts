import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { copyAssets, plotlyBundle } from "../../../lib/site/assets";
import { tempDir } from "./helpers";

const bundle = suite("plotlyBundle");

bundle("should be plotly's basic partial bundle (scatter, bar, pie), minified, far smaller than the whole plotly.js", () => {
  const { code, minified } = plotlyBundle();
  const version = (require("plotly.js-basic-dist-min/package.json") as { version: string }).version;
  assert.ok(code.startsWith(`/**\n* plotly.js (basic - minified) v${version}`), code.slice(0, 60));
  assert.ok(minified);
  const full = readFileSync(require.resolve("plotly.js-dist"), "utf8");
  assert.ok(gzipSync(code).length < gzipSync(full).length / 3, `${gzipSync(code).length} vs ${gzipSync(full).length} bytes gzip`);
  // every trace type the site's charts use is registered in it
  assert.ok(code.includes('moduleType:"trace",name:"scatter"') || /name:"scatter"/.test(code));
});

const copy = suite("copyAssets");

copy("should write the site's CSS and script and KaTeX's stylesheet with every font it names", () => {
  const out = tempDir();
  const written = copyAssets(out, { charts: false });
  assert.equal(written, ["assets/site.css", "assets/stepwise.js", "assets/katex/katex.min.css", "assets/katex/fonts/"]);
  const css = readFileSync(path.join(out, "assets/katex/katex.min.css"), "utf8");
  const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]);
  assert.ok(fonts.length >= 20, `${fonts.length} font URLs`);
  for (const f of fonts) assert.ok(existsSync(path.join(out, "assets/katex", f)), f);
  assert.not.ok(existsSync(path.join(out, "assets/plotly.min.js")));
});

copy("should add plotly.js when a page has charts", () => {
  const out = tempDir();
  copyAssets(out, { charts: true });
  assert.ok(statSync(path.join(out, "assets/plotly.min.js")).size > 1_000_000);
  assert.not.ok(existsSync(path.join(out, "assets/verifier.js")));
});

copy("should add the widget and the verifier bundle when a page has something to try", () => {
  const out = tempDir();
  const written = copyAssets(out, { charts: false, tryable: true });
  assert.ok(written.includes("assets/try.js") && written.includes("assets/verifier.js"), written.join(", "));
  const verifier = readFileSync(path.join(out, "assets/verifier.js"), "utf8");
  assert.ok(verifier.includes("stepwiseVerifier"));
  assert.not.match(verifier, /require\("(node:)?(fs|path|child_process)"\)/, "no Node module in the browser bundle");
  assert.match(readFileSync(path.join(out, "assets/site.css"), "utf8"), /\.stepwise-answer/);
});

bundle.run();
copy.run();
