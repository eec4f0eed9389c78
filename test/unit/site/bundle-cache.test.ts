import { readdirSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { cachedBundle, cachedBundleAsync } from "../../../lib/site/bundles/bundle-cache";
import type { Plugin } from "esbuild";
import { tempFolder } from "../../temp-folders";

const s = suite("cachedBundle: esbuild bundles kept between builds, rebuilt when an input changes");

function project() {
  const dir = tempFolder("stepwise-bundle-test-");
  writeFileSync(path.join(dir, "entry.js"), 'import { word } from "./word.js";\nwindow.said = word + "!";\n');
  writeFileSync(path.join(dir, "word.js"), 'export const word = "hello";\n');
  const options = {
    entryPoints: [path.join(dir, "entry.js")],
    bundle: true,
    format: "iife" as const,
    absWorkingDir: dir,
    logLevel: "silent" as const,
  };
  return { dir, options, cache: path.join(dir, "cache") };
}
const run = (text: string): unknown => {
  const window: Record<string, unknown> = {};
  new Function("window", text)(window);
  return window.said;
};
const entryFile = (cache: string) =>
  path.join(cache, "bundles", readdirSync(path.join(cache, "bundles")).find((f) => f.endsWith(".js"))!);

s("should build, then read the stored bundle back while no input changed", () => {
  const { options, cache } = project();
  const first = cachedBundle("demo", options, cache);
  assert.is(run(first), "hello!");
  const stored = entryFile(cache);
  const written = statSync(stored).mtimeMs;
  const second = cachedBundle("demo", options, cache);
  assert.is(second, first);
  assert.is(statSync(stored).mtimeMs, written, "not written again");
});

s("should rebuild when a file the bundle imports changes, and when the options change", () => {
  const { dir, options, cache } = project();
  assert.is(run(cachedBundle("demo", options, cache)), "hello!");
  writeFileSync(path.join(dir, "word.js"), 'export const word = "changed";\n');
  assert.is(run(cachedBundle("demo", options, cache)), "changed!");
  const minified = cachedBundle("demo", { ...options, minify: true }, cache);
  assert.is(run(minified), "changed!");
  assert.ok(minified.length < cachedBundle("demo", options, cache).length, "the minified build is its own entry");
});

s("should rebuild over a damaged entry, and build every time without a cache folder", () => {
  const { options, cache } = project();
  cachedBundle("demo", options, cache);
  const manifest = entryFile(cache).replace(/\.js$/, ".json");
  writeFileSync(manifest, "{ not json");
  assert.is(run(cachedBundle("demo", options, cache)), "hello!");
  assert.is(run(cachedBundle("demo", options, undefined)), "hello!");
});

s("should name the file when the bundle does not build", () => {
  const { dir, options, cache } = project();
  writeFileSync(path.join(dir, "word.js"), "export const word = ;\n");
  assert.throws(() => cachedBundle("demo", options, cache), /word\.js/);
});

s(
  "should build with plugins asynchronously, keep the result, and rebuild when the plugins' key or an input changes",
  async () => {
    const { dir, options, cache } = project();
    // a plugin that says the word louder; how it does so is what the key stands for
    const shout = (text: string): string => text.replace(/"(\w+)"/, (_, w: string) => `"${w.toUpperCase()}"`);
    const plugin: Plugin = {
      name: "shout",
      setup(build) {
        build.onLoad({ filter: /word\.js$/ }, async (a) => ({
          contents: shout(require("node:fs").readFileSync(a.path, "utf8")),
          loader: "js",
        }));
      },
    };
    const withPlugin = { ...options, plugins: [plugin] };
    const first = await cachedBundleAsync("demo", withPlugin, cache, "shout v1");
    assert.is(run(first), "HELLO!");
    const stored = entryFile(cache);
    const written = statSync(stored).mtimeMs;
    assert.is(await cachedBundleAsync("demo", withPlugin, cache, "shout v1"), first);
    assert.is(statSync(stored).mtimeMs, written, "not written again");
    const bundles = () => readdirSync(path.join(cache, "bundles")).filter((f) => f.endsWith(".js")).length;
    await cachedBundleAsync("demo", withPlugin, cache, "shout v2");
    assert.is(bundles(), 2, "another key is another entry");
    writeFileSync(path.join(dir, "word.js"), 'export const word = "changed";\n');
    assert.is(run(await cachedBundleAsync("demo", withPlugin, cache, "shout v1")), "CHANGED!");
  },
);

s.run();
