import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { VERIFIER_FACTORIES } from "../../../lib/derive/math-functions";
import { create, dependencies } from "../../../lib/derive/mathjs-parts";
import * as page from "../../../lib/derive/mathjs-parts.browser";

const s = suite("mathjs-parts: mathjs's factory maps, loaded without its default instance");
const main = require("mathjs") as Record<string, unknown>;

s("should load, for every function and constant name mathjs exports a factory map for, the very map mathjs exports", () => {
  const names = Object.keys(main)
    .filter((k) => k.endsWith("Dependencies"))
    .map((k) => k.slice(0, -"Dependencies".length));
  assert.ok(names.length > 300, `mathjs exports ${names.length} factory maps`);
  const differing = names.filter((n) => dependencies(n) !== main[`${n}Dependencies`]);
  assert.equal(differing, []);
});

s("should make a working instance from the maps it loads, in BigNumber arithmetic", () => {
  const math = create({ ...["parse", "compile", "derivative", "bignumber", "exp", "sin", "multiply", "pow", "E"].reduce((m, n) => ({ ...m, [`${n}Dependencies`]: dependencies(n) }), {}) }, { number: "BigNumber", precision: 40 });
  const full = (main.create as typeof create)(main.all as never, { number: "BigNumber", precision: 40 });
  assert.is(math.derivative("sin(x)^2", "x").toString(), full.derivative("sin(x)^2", "x").toString());
  assert.is(math.derivative("sin(x)^2", "x").toString(), "2 * cos(x) * sin(x)");
  assert.is(math.parse("exp(1)").compile().evaluate().toString(), "2.718281828459045235360287471352662497757");
  assert.is(math.parse("E").compile().evaluate().toString(), "2.718281828459045235360287471352662497757");
});

s("should name the function when mathjs has no factory for it", () => {
  assert.throws(() => dependencies("noSuchFunction"), /mathjs-parts: mathjs has no factory for "noSuchFunction"/);
});

s("should not build mathjs's default instance: loading lib/derive leaves mathjs's main entry unloaded", () => {
  const probe = `require(${JSON.stringify(path.join(__dirname, "..", "..", "..", "dist", "derive", "verify.js"))});` +
    `const main = require.resolve("mathjs");` +
    `console.log(JSON.stringify({ main: main in require.cache }));`;
  const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), { main: false });
});

s.run();

const browser = suite("mathjs-parts.browser: the page's factory maps are the verifier's");

browser("should carry exactly the factories of VERIFIER_FACTORIES, the same maps Node loads", () => {
  assert.equal([...page.BROWSER_FACTORIES].sort(), [...VERIFIER_FACTORIES].sort());
  for (const name of VERIFIER_FACTORIES) assert.ok(page.dependencies(name) === dependencies(name), name);
  assert.throws(() => page.dependencies("gamma"), /the page's verifier has no mathjs factory for "gamma"/);
});

browser.run();
