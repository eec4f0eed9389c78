import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { copyAssets, plotlyBundle } from "../../../lib/site/assets";
import { tempDir } from "./helpers";

const bundle = suite("plotlyBundle");

bundle("should be plotly.js-dist's bundle, minified, with its license header kept", () => {
  const source = readFileSync(require.resolve("plotly.js-dist"), "utf8");
  const { code, minified } = plotlyBundle();
  const version = (require("plotly.js-dist/package.json") as { version: string }).version;
  assert.ok(code.startsWith(`/**\n* plotly.js v${version}`), code.slice(0, 40));
  if (minified) assert.ok(code.length < source.length * 0.7, `${code.length} vs ${source.length}`);
  else assert.is(code, source);
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
});

bundle.run();
copy.run();
