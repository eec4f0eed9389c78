import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SITE_PLOTLY_MODULES, sitePlotlyBundle } from "../../../lib/site/bundles/plotly-bundle";
import { PLOTLY_ICONS_LEFT_OUT, sitePlotIcons } from "../../../lib/site/bundles/plotly-icons";

const plotlyRoot = path.dirname(require.resolve("plotly.js/package.json"));
const src = (f: string): string => readFileSync(path.join(plotlyRoot, "src", f), "utf8");
const icons = require(path.join(plotlyRoot, "src/fonts/ploticon.js")) as Record<string, { path?: string }>;

/** Every `Icons.name` / `Icons['name']` of plotly's src/, by file. */
function iconReferences(): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const files = readdirSync(path.join(plotlyRoot, "src"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js") && !f.endsWith("ploticon.js"));
  for (const f of files)
    for (const m of src(f).matchAll(/\bIcons(?:\.([\w$]+)|\[['"]([^'"]+)['"]\])/g)) {
      const name = m[1] ?? m[2];
      refs.set(name, [...(refs.get(name) ?? []), f]);
    }
  return refs;
}

/** The mode bar buttons of buttons.js whose `icon:` is the given icon. */
function buttonsWithIcon(icon: string): string[] {
  const text = src("components/modebar/buttons.js");
  const names: string[] = [];
  for (const m of text.matchAll(/modeBarButtons\.(\w+) = \{([\s\S]*?)\n\};/g)) {
    const ref = /\bicon:\s*Icons(?:\.([\w$]+)|\[['"]([^'"]+)['"]\])/.exec(m[2]);
    if (ref && (ref[1] ?? ref[2]) === icon) names.push(m[1]);
  }
  return names;
}

test("each icon left out should be one plotly's src/ never refers to, or one only 3-D scenes' buttons show", () => {
  const refs = iconReferences();
  // plotly adds the 3-D buttons to the mode bar only for a figure with a gl3d subplot
  const manage = src("components/modebar/manage.js");
  assert.match(
    manage,
    /else if\(hasGL3D\) \{\s*hoverGroup = \['hoverClosest3d'\];\s*resetGroup = \['resetCameraDefault3d', 'resetCameraLastSave3d'\];/,
  );
  assert.match(manage, /if\(hasGL3D\) \{\s*dragModeGroup = \['zoom3d', 'pan3d', 'orbitRotation', 'tableRotation'\];/);
  const threeD = new Set(["orbitRotation", "tableRotation", "resetCameraLastSave3d"]);
  for (const name of threeD) {
    const elsewhere = readdirSync(path.join(plotlyRoot, "src"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".js") && !/modebar[\\/](buttons|manage)\.js$/.test(f))
      .filter((f) => src(f).includes(`'${name}'`));
    assert.equal(elsewhere, [], `${name} is named outside the mode bar's buttons.js and manage.js`);
  }
  // and the site's bundle registers no gl3d subplot (no trace type that draws one)
  assert.equal(
    SITE_PLOTLY_MODULES.filter((m) => /gl3d|scatter3d|surface|mesh3d|cone|streamtube|volume|isosurface/.test(m)),
    [],
  );
  for (const icon of PLOTLY_ICONS_LEFT_OUT) {
    assert.ok(icon in icons, `ploticon.js has ${icon}`);
    const files = refs.get(icon) ?? [];
    if (files.length === 0) continue;
    assert.equal(files, ["components/modebar/buttons.js"], `${icon} is referred to in ${files.join(", ")}`);
    const buttons = buttonsWithIcon(icon);
    assert.ok(buttons.length > 0, `${icon}: no button of buttons.js has it as its icon`);
    for (const b of buttons) assert.ok(threeD.has(b), `${icon} is the icon of ${b}, which a 2-D chart can show`);
  }
  // the kept icons include every icon of a 2-D chart's buttons, and the fallback
  for (const kept of ["zoombox", "pan", "selectbox", "lasso", "zoom_plus", "zoom_minus", "autoscale", "home", "camera"])
    assert.not.ok(PLOTLY_ICONS_LEFT_OUT.includes(kept), kept);
  assert.ok(refs.get("question")?.includes("components/modebar/modebar.js"), "modebar.js falls back to Icons.question");
});

test("sitePlotIcons should be ploticon.js's icons, unchanged, without those left out", () => {
  const module = { exports: {} as Record<string, unknown> };
  new Function("module", sitePlotIcons(path.dirname(plotlyRoot)))(module);
  const expected = Object.fromEntries(Object.entries(icons).filter(([k]) => !PLOTLY_ICONS_LEFT_OUT.includes(k)));
  assert.equal(Object.keys(module.exports).sort(), Object.keys(expected).sort());
  assert.equal(module.exports, JSON.parse(JSON.stringify(expected)));
  assert.equal(Object.keys(icons).length - Object.keys(module.exports).length, PLOTLY_ICONS_LEFT_OUT.length);
});

test("the site's plotly.js should carry the kept icons' paths and none of those left out", async () => {
  const code = await sitePlotlyBundle();
  for (const [name, icon] of Object.entries(icons)) {
    if (!icon.path) continue;
    const left = PLOTLY_ICONS_LEFT_OUT.includes(name);
    assert.is(code.includes(icon.path), !left, `${name}: ${left ? "left out" : "kept"}`);
  }
});

test.run();
