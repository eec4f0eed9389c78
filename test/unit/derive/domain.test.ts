/**
 * Tests of lib/derive/domain.ts: parsing the declared domain of a derivation's
 * variables, and drawing reproducible sample points from it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contentSeed, parseDomain, samplePoints } from "../../../lib/derive/domain";
import { thrown } from "./helpers";

const pd = suite("parseDomain");

pd("should read an open interval text as open, with its bounds", () => {
  const d = parseDomain({ yhat: "(0, 1)" }, "T");
  assert.equal(d.get("yhat"), { min: 0, max: 1, loOpen: true, hiOpen: true });
});

pd("should read a closed interval text as closed, negative bounds included", () => {
  const d = parseDomain({ x: "[-10, 10]" }, "T");
  assert.equal(d.get("x"), { min: -10, max: 10, loOpen: false, hiOpen: false });
});

pd("should read a half-open text with each end's own openness (the closed end is in the domain)", () => {
  assert.equal(parseDomain({ x: "(0, 1]" }, "T").get("x"), { min: 0, max: 1, loOpen: true, hiOpen: false });
  assert.equal(parseDomain({ x: "[0, 1)" }, "T").get("x"), { min: 0, max: 1, loOpen: false, hiOpen: true });
});

pd("should read an Interval object's open as one boolean or as [lower, upper], and refuse anything else", () => {
  assert.equal(parseDomain({ x: { min: 0, max: 1, open: [false, true] } }, "T").get("x"), {
    min: 0,
    max: 1,
    loOpen: false,
    hiOpen: true,
  });
  assert.equal(parseDomain({ x: { min: 0, max: 1, open: [true, false] } }, "T").get("x"), {
    min: 0,
    max: 1,
    loOpen: true,
    hiOpen: false,
  });
  for (const bad of ["yes", [true], [true, 1], 1]) {
    const e = thrown(() => parseDomain({ x: { min: 0, max: 1, open: bad as never } }, "T"));
    assert.instance(e, RangeError, JSON.stringify(bad));
    assert.match(
      e.message,
      `domain of x: open must be a boolean or [lower, upper] booleans, got ${JSON.stringify(bad)}`,
    );
  }
});

pd("should refuse a domain that is not an object, naming what declares it and what it got", () => {
  for (const [bad, got] of [
    [undefined, "none"],
    [null, "null"],
    ["(0, 1)", '"(0, 1)"'],
    [[0, 1], "[0,1]"],
  ] as const) {
    assert.throws(
      () => parseDomain(bad as never, "Deriv D"),
      (e: Error) =>
        e instanceof TypeError &&
        e.message ===
          `Deriv D: the domain must be an object of variable → interval, e.g. { x: "(-10, 10)" }, got ${got}`,
      String(got),
    );
  }
});

pd("should accept spaces and scientific notation in the text", () => {
  assert.equal(parseDomain({ x: "  ( 1e-3 ,2.5e1 ) " }, "T").get("x"), {
    min: 0.001,
    max: 25,
    loOpen: true,
    hiOpen: true,
  });
});

pd("should read a tuple [min, max] as an open interval", () => {
  assert.equal(parseDomain({ z: [-2, 3] }, "T").get("z"), { min: -2, max: 3, loOpen: true, hiOpen: true });
});

pd("should read an Interval object, open by default and closed when open is false", () => {
  assert.equal(parseDomain({ u: { min: 1, max: 50 } }, "T").get("u"), { min: 1, max: 50, loOpen: true, hiOpen: true });
  assert.equal(parseDomain({ u: { min: 1, max: 50, open: false } }, "T").get("u"), {
    min: 1,
    max: 50,
    loOpen: false,
    hiOpen: false,
  });
});

pd("should return one entry per variable, in declaration order", () => {
  const d = parseDomain({ yhat: "(0, 1)", t: "[0, 1]", x: [-1, 1] }, "T");
  assert.equal([...d.keys()], ["yhat", "t", "x"]);
});

pd("should reject an interval whose min is not below its max, naming the variable, the text and the caller", () => {
  for (const raw of ["(1, 0)", "[2, 2]"]) {
    const e = thrown(() => parseDomain({ x: raw }, 'derivation "D"'));
    assert.instance(e, RangeError);
    assert.match(e.message, 'derivation "D"');
    assert.match(e.message, "domain of x");
    assert.match(e.message, raw);
  }
});

pd("should reject a text that is not an interval of numbers", () => {
  for (const raw of ["[a, b]", "0 to 1", "(0; 1)", "(0, 1, 2)", "(0, Infinity)"]) {
    const e = thrown(() => parseDomain({ t: raw }, "T"));
    assert.instance(e, RangeError, raw);
    assert.match(e.message, "domain of t", raw);
    assert.match(e.message, `"${raw}"`, raw);
  }
});

pd('should reject a number-like text that is not a number, such as "(., 1)"', () => {
  assert.instance(
    thrown(() => parseDomain({ x: "(., 1)" }, "T")),
    RangeError,
  );
});

pd("should reject infinite, NaN or reversed tuples and objects", () => {
  assert.instance(
    thrown(() => parseDomain({ x: [0, Infinity] }, "T")),
    RangeError,
  );
  assert.instance(
    thrown(() => parseDomain({ x: [NaN, 1] }, "T")),
    RangeError,
  );
  assert.instance(
    thrown(() => parseDomain({ x: [3, -3] }, "T")),
    RangeError,
  );
  assert.instance(
    thrown(() => parseDomain({ x: { min: 1, max: 1 } }, "T")),
    RangeError,
  );
});

const sp = suite("samplePoints");

const YT = parseDomain({ yhat: "(0, 1)", t: "[0, 1]" }, "T");

sp("should return exactly count points, each with every variable of the domain", () => {
  for (const count of [1, 16, 24, 100]) {
    const points = samplePoints(YT, count, "seed");
    assert.is(points.length, count);
    for (const p of points) assert.equal(Object.keys(p).sort(), ["t", "yhat"]);
  }
});

sp("should give the same points for the same seed", () => {
  assert.equal(samplePoints(YT, 50, "stepwise"), samplePoints(YT, 50, "stepwise"));
});

sp("should give different points for another seed (after the seed-independent special points)", () => {
  const a = samplePoints(YT, 50, "stepwise");
  const b = samplePoints(YT, 50, "another seed");
  for (let i = 4; i < a.length; i++) assert.is.not(a[i].yhat, b[i].yhat, `point ${i}`);
});

sp("should leave no gap wider than two strata: on (−10, 10) with 64 points every 0.7-wide window holds a point", () => {
  for (const seed of ["a", "b", "c", "stepwise"]) {
    const xs = samplePoints(parseDomain({ x: "(-10, 10)" }, "T"), 64, seed)
      .map((p) => Number(p.x))
      .sort((a, b) => a - b);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]);
    assert.ok(Math.max(...gaps) < 20 * (2 / 59), `largest gap ${Math.max(...gaps)} (seed ${seed})`);
    assert.ok(xs[0] + 10 < 1e-5 && 10 - xs[xs.length - 1] < 1e-5, "points near both bounds");
  }
});

sp("should stratify every variable of a multi-variable domain (Latin hypercube)", () => {
  const points = samplePoints(parseDomain({ a: "(0, 1)", b: "(0, 1)" }, "T"), 40, "lhs");
  for (const v of ["a", "b"]) {
    // two special points (near each bound), then 38 strata
    const strata = new Set(points.slice(2).map((p) => Math.floor(Number(p[v]) * 38)));
    assert.is(strata.size, 38, `${v} hits every one of the 38 strata`);
  }
});

sp("should put points just either side of 0 among the special points when 0 lies inside", () => {
  const points = samplePoints(parseDomain({ z: "(-100, 100)" }, "T"), 32, "zero");
  assert.ok(Number(points[2].z) > 0 && Number(points[2].z) < 1e-4, points[2].z);
  assert.ok(Number(points[3].z) < 0 && Number(points[3].z) > -1e-4, points[3].z);
});

sp("should draw a content seed: the same for the same content, another for other content", () => {
  const a = contentSeed({ f: "x", domain: { x: "(0, 1)" } });
  assert.match(a, /^content-[0-9a-f]{8}$/);
  assert.is(contentSeed({ f: "x", domain: { x: "(0, 1)" } }), a);
  assert.is.not(contentSeed({ f: "x^2", domain: { x: "(0, 1)" } }), a);
});

sp("should keep every point strictly inside an open interval, also a very narrow one", () => {
  const narrow = parseDomain({ x: "(1, 1.000000000000001)" }, "T"); // a few doubles wide
  for (const p of samplePoints(narrow, 200, "narrow")) {
    const x = Number(p.x);
    assert.ok(x > 1 && x < 1.000000000000001, `x = ${p.x}`);
  }
  for (const p of samplePoints(parseDomain({ x: "(-10, 10)" }, "T"), 1000, "wide")) {
    const x = Number(p.x);
    assert.ok(x > -10 && x < 10, `x = ${p.x}`);
  }
});

sp("should keep the points of a closed interval within its bounds", () => {
  for (const p of samplePoints(parseDomain({ t: "[2, 3]" }, "T"), 500, "closed")) {
    const t = Number(p.t);
    assert.ok(t >= 2 && t <= 3, `t = ${p.t}`);
  }
});

sp("should spread the points over the interval (mean of 2000 points in (0, 1) within 0.03 of 0.5)", () => {
  const points = samplePoints(parseDomain({ x: "(0, 1)" }, "T"), 2000, "spread");
  const xs = points.map((p) => Number(p.x));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.03, `mean ${mean}`);
  assert.ok(Math.min(...xs) < 0.01 && Math.max(...xs) > 0.99, "reaches near both ends");
  assert.is(new Set(xs).size, xs.length, "all distinct");
});

sp("should put a closed interval's bounds in the first two points, and only there", () => {
  const points = samplePoints(YT, 40, "bounds");
  assert.is(points[0].t, "0");
  assert.is(points[1].t, "1");
  assert.ok(points.slice(2).every((p) => Number(p.t) > 0 && Number(p.t) < 1));
  assert.ok(
    points.every((p) => Number(p.yhat) > 0 && Number(p.yhat) < 1),
    "the open interval never yields a bound",
  );
});

sp("should sample a half-open interval's closed end and never its open one", () => {
  for (const [text, closedEnd, openEnd] of [
    ["[0, 1)", "0", "1"],
    ["(-2, 5]", "5", "-2"],
  ] as const) {
    const points = samplePoints(parseDomain({ x: text }, "T"), 40, "half-open").map((p) => p.x);
    assert.is(points.filter((x) => x === closedEnd).length, 1, `${text}: the closed end once`);
    assert.ok(
      points.every((x) => Number(x) !== Number(openEnd)),
      `${text}: never the open end`,
    );
  }
});

sp("should write each value as a decimal string with 17 significant digits that reads back as the same double", () => {
  for (const p of samplePoints(YT, 40, "digits").slice(2)) {
    for (const v of Object.values(p)) {
      const digits = v
        .replace(/^-?0?\.?0*/, "")
        .replace(".", "")
        .replace(/e.*$/, "");
      assert.is(digits.length, 17, v);
      assert.is(Number(v).toPrecision(17), v);
    }
  }
});

pd.run();
sp.run();
