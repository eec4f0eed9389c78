import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { VERIFIER_FACTORIES } from "../../../lib/derive/math-functions";
import { create, dependencies, factories, LEFT_OUT } from "../../../lib/derive/mathjs-parts";
import * as page from "../../../lib/derive/mathjs-parts.browser";

const s = suite("mathjs-parts: mathjs's factory maps, loaded without its default instance");
const main = require("mathjs") as Record<string, unknown>;

s(
  "should load, for every function and constant name mathjs exports a factory map for, the very map mathjs exports",
  () => {
    const names = Object.keys(main)
      .filter((k) => k.endsWith("Dependencies"))
      .map((k) => k.slice(0, -"Dependencies".length));
    assert.ok(names.length > 300, `mathjs exports ${names.length} factory maps`);
    const differing = names.filter((n) => dependencies(n) !== main[`${n}Dependencies`]);
    assert.equal(differing, []);
  },
);

s("should make a working instance from the maps it loads, in BigNumber arithmetic", () => {
  const math = create(
    Object.fromEntries(
      ["parse", "compile", "derivative", "bignumber", "exp", "sin", "multiply", "pow", "E"].map((n) => [
        `${n}Dependencies`,
        dependencies(n),
      ]),
    ),
    { number: "BigNumber", precision: 40 },
  );
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
  const probe =
    `require(${JSON.stringify(path.join(__dirname, "..", "..", "..", "dist", "derive", "verify.js"))});` +
    `const main = require.resolve("mathjs");` +
    `console.log(JSON.stringify({ main: main in require.cache }));`;
  const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), { main: false });
});

s.run();

const closure = suite("mathjs-parts factories: the verifier's factory set, without mathjs's Unit type");

/** Every factory the maps of these names hold, nested maps flattened (what mathjs's create would take from the maps). */
function flatten(names: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (map: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(map))
      k.startsWith("create") ? out.set(k, v) : walk(v as Record<string, unknown>);
  };
  for (const n of names) walk(main[`${n}Dependencies`] as Record<string, unknown>);
  return out;
}

/**
 * What leaving out Unit drops from the maps' closure: Unit itself and the factories only it
 * needs (its dependencies format, fix, isNumeric; fix needs floor and ceil).
 */
const DROPPED = ["createUnitClass", "createFormat", "createFix", "createFloor", "createCeil", "createIsNumeric"];

closure("should be the factories of the verifier's maps, less Unit and what only Unit needs", () => {
  const all = flatten(VERIFIER_FACTORIES);
  const ours = factories(VERIFIER_FACTORIES);
  assert.ok(Object.keys(ours).length > 100, `${Object.keys(ours).length} factories`);
  assert.equal(
    Object.keys(ours).filter((k) => all.get(k) !== ours[k]),
    [],
    "each factory is the one mathjs's maps hold",
  );
  assert.equal([...all.keys()].filter((k) => !(k in ours)).sort(), [...DROPPED].sort());
  assert.equal([...LEFT_OUT], ["Unit"]);
});

closure("should leave out Unit only where it is optional: SymbolNode's ?Unit is the one dependency on it", () => {
  const all = flatten(VERIFIER_FACTORIES) as Map<string, { dependencies: string[] }>;
  const onUnit = [...all].filter(
    ([k, f]) => !DROPPED.includes(k) && f.dependencies.some((d) => d.replace(/^\?/, "") === "Unit"),
  );
  assert.equal(
    onUnit.map(([k, f]) => [k, f.dependencies.filter((d) => d.includes("Unit"))]),
    [["createSymbolNode", ["?Unit"]]],
  );
});

closure("should make an instance without units: a unit name such as cm is an undefined symbol, not a Unit", () => {
  const ours = create(factories(VERIFIER_FACTORIES), { number: "BigNumber", precision: 40 });
  const full = (main.create as typeof create)(Object.fromEntries(flatten(VERIFIER_FACTORIES)) as never, {
    number: "BigNumber",
    precision: 40,
  });
  assert.is((full as unknown as Record<string, unknown>).Unit !== undefined, true, "the maps' own instance has Unit");
  assert.is(String(full.parse("5 cm").compile().evaluate()), "5 cm");
  assert.is((ours as unknown as Record<string, unknown>).Unit, undefined);
  assert.throws(() => ours.parse("5 cm").compile().evaluate(), /Undefined symbol cm/);
  assert.is(
    String(
      ours
        .parse("5 cm")
        .compile()
        .evaluate({ cm: ours.bignumber(2) }),
    ),
    "10",
  );
  assert.is(ours.derivative("sin(x)^2", "x").toString(), "2 * cos(x) * sin(x)");
});

closure(
  "should make a working instance of the verifier's other names too, and name a name mathjs has no factory for",
  () => {
    const math = create(factories(["parse", "compile", "exp"]));
    assert.is(math.parse("exp(0) + 1").compile().evaluate(), 2);
    assert.throws(
      () => factories(["exp", "noSuchFunction"]),
      /mathjs-parts: mathjs has no factory for "noSuchFunction"/,
    );
  },
);

closure.run();

const browser = suite("mathjs-parts.browser: the page's factories are the verifier's");

browser("should carry exactly the factories Node makes the verifier of, the very same ones", () => {
  const node = factories(VERIFIER_FACTORIES);
  const onPage = page.factories(VERIFIER_FACTORIES);
  assert.equal(Object.keys(onPage).sort(), Object.keys(node).sort());
  assert.equal(
    Object.keys(node).filter((k) => onPage[k] !== node[k]),
    [],
  );
  assert.not.ok("createUnitClass" in onPage);
});

browser("should name a name the page's verifier has no factory for", () => {
  assert.throws(() => page.factories(["exp", "gamma"]), /the page's verifier has no mathjs factory for "gamma"/);
  assert.throws(() => page.factories(["Unit"]), /the page's verifier has no mathjs factory for "Unit"/);
});

browser.run();
