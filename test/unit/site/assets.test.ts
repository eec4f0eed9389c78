import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { copyAssets, plotlyBundle } from "../../../lib/site/bundles/write-assets";
import { PLOTLY_API_LEFT_OUT, sitePlotlyBundle } from "../../../lib/site/bundles/plotly-bundle";
import { tempDir } from "./helpers";

const bundle = suite("plotlyBundle");

bundle(
  "should be plotly's basic partial bundle (scatter, bar, pie) for Jupyter frontends, minified, far smaller than the whole plotly.js",
  () => {
    const { code, minified } = plotlyBundle();
    const version = (require("plotly.js-basic-dist-min/package.json") as { version: string }).version;
    assert.ok(code.startsWith(`/**\n* plotly.js (basic - minified) v${version}`), code.slice(0, 60));
    assert.ok(minified);
    const full = readFileSync(require.resolve("plotly.js-dist"), "utf8");
    assert.ok(
      gzipSync(code).length < gzipSync(full).length / 3,
      `${gzipSync(code).length} vs ${gzipSync(full).length} bytes gzip`,
    );
    // every trace type the site's charts use is registered in it
    assert.ok(code.includes('moduleType:"trace",name:"scatter"') || /name:"scatter"/.test(code));
  },
);

const site = suite("sitePlotlyBundle");

site(
  "should build plotly.js with scatter traces only, as one script setting window.Plotly with newPlot and Plots.resize, smaller than plotly's basic bundle",
  async () => {
    const code = await sitePlotlyBundle();
    const version = (require("plotly.js/package.json") as { version: string }).version;
    assert.ok(
      code.startsWith(`/* plotly.js v${version} (MIT), for the stepwise site: scatter, shapes, legend, fx, modebar`),
      code.slice(0, 90),
    );
    // the trace and component modules it registers
    const registered = [...code.matchAll(/moduleType:"(trace|component)",name:"(\w+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.ok(registered.includes("trace scatter"), registered.join(", "));
    for (const other of ["bar", "pie", "heatmap", "scattergl"])
      assert.not.ok(registered.includes(`trace ${other}`), `${other} is left out`);
    assert.ok(
      gzipSync(code).length < gzipSync(plotlyBundle().code).length - 30 * 1024,
      `${gzipSync(code).length} vs ${gzipSync(plotlyBundle().code).length} bytes gzip`,
    );
    assert.match(code, /\.Plots=\{resize:\w+\.resize/);
    assert.match(code, /window\.Plotly=\w+;?\}\)\(\);?\s*$/);
  },
);

site("should leave out plotly's schema validation and templates, and keep the methods the mode bar calls", async () => {
  const code = await sitePlotlyBundle();
  assert.equal(PLOTLY_API_LEFT_OUT, ["validate", "makeTemplate", "validateTemplate"]);
  // validate.js's own messages and template_api's name: neither module is in the bundle
  assert.not.ok(code.includes("is not part of the schema"), "Plotly.validate's messages are left out");
  assert.not.ok(code.includes("makeTemplate"), "Plotly.makeTemplate is left out");
  // the camera button's image export, the eraser's deleteActiveShape, and the GUI edits the mode bar makes
  for (const kept of [
    "newPlot",
    "relayout",
    "restyle",
    "react",
    "purge",
    "toImage",
    "downloadImage",
    "deleteActiveShape",
  ])
    assert.ok(code.includes(`.${kept}=`), `${kept} is kept`);
  assert.ok(code.includes("_guiRelayout"), "the mode bar's _guiRelayout is kept");
});

const copy = suite("copyAssets");

copy("should write the site's CSS and script and KaTeX's stylesheet with every font it names", async () => {
  const out = tempDir();
  const written = await copyAssets(out, { charts: false });
  assert.equal(written, [
    "assets/site.css",
    "assets/stepwise.js",
    "assets/theme.js",
    "assets/search.js",
    "assets/katex/katex.min.css",
    "assets/katex/fonts/",
  ]);
  const css = readFileSync(path.join(out, "assets/katex/katex.min.css"), "utf8");
  const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]);
  assert.ok(fonts.length >= 20, `${fonts.length} font URLs`);
  for (const f of fonts) assert.ok(existsSync(path.join(out, "assets/katex", f)), f);
  assert.not.ok(existsSync(path.join(out, "assets/plotly.min.js")));
});

copy("should add plotly.js when a page has charts", async () => {
  const out = tempDir();
  await copyAssets(out, { charts: true });
  assert.is(readFileSync(path.join(out, "assets/plotly.min.js"), "utf8"), await sitePlotlyBundle());
  assert.ok(statSync(path.join(out, "assets/plotly.min.js")).size > 500_000);
  assert.not.ok(existsSync(path.join(out, "assets/verifier.js")));
});

copy("should add the widget and the verifier bundle when a page has something to try", async () => {
  const out = tempDir();
  const written = await copyAssets(out, { charts: false, tryable: true });
  assert.ok(written.includes("assets/try.js") && written.includes("assets/verifier.js"), written.join(", "));
  const verifier = readFileSync(path.join(out, "assets/verifier.js"), "utf8");
  assert.ok(verifier.includes("stepwiseVerifier"));
  assert.not.match(verifier, /require\("(node:)?(fs|path|child_process)"\)/, "no Node module in the browser bundle");
  assert.match(readFileSync(path.join(out, "assets/site.css"), "utf8"), /\.stepwise-answer/);
});

bundle.run();
copy.run();
site.run();
