/**
 * The names a derivation declares (lib/derive/head-names.ts): `name` and the heads of `defs`
 * may not be a built-in function or constant of the verifier or a variable of the domain.
 * Before, name "sigma" printed σ(x) = x², name "x" printed x′(x), and defs { "sigma(u)": "u^2" }
 * silently redefined σ so that σ′ = 2x was ✓ proved. Every built-in name is tried, through
 * derive(), explain() and a bare spec (what the page verifies).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { explain } from "../../../lib/derive/explain/explain";
import { BUILTIN_DEFINITIONS, RESERVED_NAMES } from "../../../lib/derive/expression";
import { VERIFIER_FUNCTIONS } from "../../../lib/derive/math-functions";
import { verifyDerivation } from "../../../lib/derive/verify";
import { thrown } from "./helpers";

const t = suite("the names a derivation declares");

const FUNCTIONS = [...Object.keys(BUILTIN_DEFINITIONS).map((h) => h.replace(/\(.*$/, "")), ...VERIFIER_FUNCTIONS];
const CONSTANTS = Object.keys(RESERVED_NAMES);
const domain = { x: "(0.5, 2)", y: "(1, 3)" };

/** The three ways in: derive(), explain(), a spec verified as the page does. */
const WAYS: [string, (head: { name?: string; defs?: Record<string, string> }) => unknown][] = [
  ["derive", (h) => derive("D", { ...h, f: "x^2 + y", wrt: "x", domain })],
  ["explain", (h) => explain("x^2 + y", { ...h, wrt: "x", domain })],
  [
    "spec",
    (h) =>
      verifyDerivation({
        title: "D",
        name: h.name ?? "f",
        defs: h.defs,
        f: "x^2 + y",
        wrt: "x",
        domain,
        steps: [{ kind: "differentiate", expr: "2 * x", rule: "power rule", note: "" }],
      }),
  ],
];

t("should refuse every built-in constant and every variable as the name, saying which field, what and why", () => {
  const cases: [string, string][] = [
    ...CONSTANTS.filter((n) => /^[a-z]/.test(n)).map(
      (n) => [n, "a built-in constant of the verifier"] as [string, string],
    ),
    ["x", "a variable of the domain"],
    ["y", "a variable of the domain"],
  ];
  assert.ok(cases.length >= 6, `${cases.length} names`);
  for (const [way, run] of WAYS) {
    for (const [name, why] of cases) {
      const e = thrown(() => run({ name }));
      assert.instance(e, RangeError, `${way} ${name}`);
      assert.match(e.message, `name "${name}" is ${why}`, `${way} ${name}: ${e.message}`);
    }
  }
});

t("should refuse a defs entry that redefines a built-in function or constant or a variable, naming the entry", () => {
  const cases: [string, string][] = [
    ...FUNCTIONS.map((n) => [`${n}(u)`, "a built-in function of the verifier"] as [string, string]),
    ...CONSTANTS.map((n) => [n, "a built-in constant of the verifier"] as [string, string]),
    ["y", "a variable of the domain"],
  ];
  for (const [way, run] of WAYS) {
    for (const [entry, why] of cases) {
      const e = thrown(() => run({ defs: { [entry]: "u^2" } }));
      assert.instance(e, RangeError, `${way} ${entry}`);
      const name = entry.replace(/\(.*$/, "");
      assert.match(e.message, `defs entry "${entry}" would redefine ${name}, ${why}`, `${way} ${entry}: ${e.message}`);
    }
  }
});

t("should let a built-in function name the derivation of itself (notebook 10: log for ∂log(u)/∂u)", () => {
  for (const [name, f, d] of [
    ["log", "log(u)", "1 / u"],
    ["softplus", "log(1 + e^u)", "sigma(u)"],
  ]) {
    const r = derive(`∂${name}/∂u`, { name, f, wrt: "u", domain: { u: "(0.1, 5)" } })
      .differentiate(d, "chain rule")
      .verify();
    assert.is(r.ok, true, name);
  }
});

t(
  "should refuse a built-in function of one argument as the name of another function (σ(x) = x²), saying where they differ",
  () => {
    const MANY_ARGUMENTS = new Set(["pow", "nthRoot", "max", "min"]);
    const judged = (name: string, f: string) =>
      derive("D", { name, f, wrt: "x", domain }).differentiate("2 * x", "power rule").verify();
    const refused: string[] = [];
    for (const name of new Set(FUNCTIONS)) {
      if (MANY_ARGUMENTS.has(name)) continue;
      const e = thrown(() => judged(name, "x^2 + y"));
      assert.match(e.message, `name "${name}" is a built-in function of the verifier`, name);
      assert.match(e.message, `but f = "x^2 + y" is not ${name}(x) (they differ at x = `, name);
      refused.push(name);
    }
    assert.ok(refused.includes("sigma") && refused.includes("softplus") && refused.length >= 30, refused.join());
    // the same through explain() and a spec verified as the page does
    assert.match(thrown(() => explain("x^2", { name: "sigma", wrt: "x", domain })).message, 'name "sigma" is');
    // the function itself, or a formula equal to it, keeps the name
    for (const [name, f] of [
      ["sigma", "1 / (1 + e^(-x))"],
      ["tanh", "(e^x - e^(-x)) / (e^x + e^(-x))"],
      ["exp", "e^x"],
      ["sqrt", "x^(1/2)"],
    ]) {
      const r = derive("D", { name, f, wrt: "x", domain }).rewrite(`${name}(x)`, "recognise the definition").verify();
      assert.is(r.ok, true, name);
    }
  },
);

t("should refuse a name that defs also defines, and keep accepting new names", () => {
  const e = thrown(() => derive("D", { name: "h", defs: { "h(u)": "u" }, f: "x", wrt: "x", domain }));
  assert.match(e.message, 'name "h" is also defined in defs (entry "h(u)")');
  // f that is the definition itself names the same function (notebook 07: name p1, f p1, defs p1)
  for (const [f, defs, body] of [
    ["p1", { p1: "e^x / (e^x + e^y)" }, "e^x / (e^x + e^y)"],
    ["h(x)", { "h(u)": "u^3" }, "x^3"],
  ] as const) {
    const same = derive("D", { name: f.replace(/\(.*$/, ""), f, wrt: "x", domain, defs })
      .rewrite(body, "definition")
      .verify();
    assert.is(same.ok, true, f);
  }
  const ok = derive("D", { name: "g", defs: { "h(u)": "u^2", q: "y" }, f: "h(x) + q", wrt: "x", domain })
    .differentiate("2 * x", "power rule")
    .rewrite("2 * g(x) / x - 2 * q / x", "recognise g")
    .verify();
  assert.equal(
    ok.steps.map((s) => s.ok),
    [true, true, true],
  );
});

t(
  "should let a capitalised constant head a function in defs (notebook 04's exercise E(ŷ)) but not a lowercase one",
  () => {
    for (const [way, run] of WAYS) {
      for (const head of ["E", "PI", "LN2"]) run({ defs: { [`${head}(u)`]: "u^2" } });
      for (const head of ["e", "pi", "i"]) {
        const e = thrown(() => run({ defs: { [`${head}(u)`]: "u^2" } }));
        assert.match(
          e?.message ?? "",
          `defs entry "${head}(u)" would redefine ${head}, a built-in constant`,
          `${way} ${head}(u)`,
        );
      }
    }
    // the exercise's slip check: E(yhat) defined as the exercise's f, the slip compared by the verifier
    const r = derive("D", {
      name: "slip",
      defs: { "E(yhat)": "(yhat - t)^2" },
      f: "(yhat - t)^2 + 1",
      wrt: "yhat",
      domain: { yhat: "(0, 1)", t: "[0, 1]" },
    })
      .rewrite("E(yhat) + 1", "recognise E")
      .verify();
    assert.is(r.steps[1].ok, true);
  },
);

t.run();
