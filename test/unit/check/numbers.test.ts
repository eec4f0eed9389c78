import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  PROBABILITY_SUM_TOLERANCE,
  checkArray,
  checkDistribution,
  checkEpsilon,
  checkFinite,
  checkNumber,
  checkSameLength,
  checkUnitInterval,
  checkVector,
  describeValue,
} from "../../../lib/check";
import { throwsWith } from "../functions/reference";

const describe = suite("describeValue");

describe("should render numbers, strings and other values unambiguously", () => {
  assert.is(describeValue(NaN), "NaN");
  assert.is(describeValue(-Infinity), "-Infinity");
  assert.is(describeValue(-0), "-0");
  assert.is(describeValue(1.5), "1.5");
  assert.is(describeValue("1"), '"1"');
  assert.is(describeValue(undefined), "undefined");
  assert.is(describeValue(null), "null");
  assert.is(describeValue(true), "true");
  assert.is(describeValue(10n), "10n");
  assert.is(describeValue({}), "[object Object]");
  assert.is(
    describeValue(() => 1),
    "a function",
  );
});

describe("should render arrays, truncated after 6 entries with the length", () => {
  assert.is(describeValue([1, NaN, "a"]), '[1, NaN, "a"]');
  assert.is(describeValue([1, 2, 3, 4, 5, 6, 7, 8]), "[1, 2, 3, 4, 5, 6, … (8 entries)]");
});

describe.run();

const num = suite("checkNumber");

num("should return numbers, including ±Infinity, unchanged", () => {
  assert.is(checkNumber("f", "x", 2.5), 2.5);
  assert.is(checkNumber("f", "x", -Infinity), -Infinity);
});

num("should throw a TypeError naming the function, argument and value for NaN and non-numbers", () => {
  throwsWith(() => checkNumber("f", "x", NaN), TypeError, /^f: x must be a number, got NaN$/);
  throwsWith(() => checkNumber("g", "yhat", "0.5"), TypeError, /^g: yhat must be a number, got "0\.5"$/);
  throwsWith(() => checkNumber("g", "t", [1]), TypeError, /^g: t must be a number, got \[1\]$/);
});

num.run();

const fin = suite("checkFinite");

fin("should accept finite numbers and reject ±Infinity with a RangeError, NaN with a TypeError", () => {
  assert.is(checkFinite("f", "z", -3), -3);
  throwsWith(() => checkFinite("f", "z", Infinity), RangeError, /^f: z must be finite, got Infinity$/);
  throwsWith(() => checkFinite("f", "z", -Infinity), RangeError, /^f: z must be finite, got -Infinity$/);
  throwsWith(() => checkFinite("f", "z", NaN), TypeError, /^f: z must be a number, got NaN$/);
});

fin.run();

const unit = suite("checkUnitInterval");

unit("should accept the closed interval [0, 1] by default", () => {
  for (const v of [0, 1e-300, 0.5, 1]) assert.is(checkUnitInterval("f", "t", v), v);
  throwsWith(
    () => checkUnitInterval("f", "t", 1 + 2 ** -52),
    RangeError,
    /^f: t must be in \[0, 1\], got 1\.0000000000000002$/,
  );
  throwsWith(() => checkUnitInterval("f", "t", -1e-300), RangeError, /^f: t must be in \[0, 1\], got -1e-300$/);
});

unit("should exclude 0 and 1 when open", () => {
  assert.is(checkUnitInterval("f", "yhat", 0.25, true), 0.25);
  throwsWith(() => checkUnitInterval("f", "yhat", 0, true), RangeError, /^f: yhat must be in \(0, 1\), got 0$/);
  throwsWith(() => checkUnitInterval("f", "yhat", 1, true), RangeError, /^f: yhat must be in \(0, 1\), got 1$/);
});

unit.run();

const eps = suite("checkEpsilon");

eps("should accept [0, 0.5) and reject the rest naming epsilon", () => {
  assert.is(checkEpsilon("f", 0), 0);
  assert.is(checkEpsilon("f", 1e-7), 1e-7);
  throwsWith(() => checkEpsilon("f", 0.5), RangeError, /^f: epsilon must be in \[0, 0\.5\), got 0\.5$/);
  throwsWith(() => checkEpsilon("f", -0.1), RangeError, /^f: epsilon must be in \[0, 0\.5\), got -0\.1$/);
  throwsWith(() => checkEpsilon("f", undefined), TypeError, /^f: epsilon must be a number, got undefined$/);
});

eps.run();

const arr = suite("checkArray");

arr("should accept any array and reject non-arrays with a TypeError", () => {
  checkArray("f", "z", []);
  checkArray("f", "z", [1, "x"]);
  throwsWith(
    () => checkArray("f", "z", { length: 1 }),
    TypeError,
    /^f: z must be an array of numbers, got \[object Object\]$/,
  );
  throwsWith(() => checkArray("f", "z", 3), TypeError, /^f: z must be an array of numbers, got 3$/);
});

arr.run();

const vec = suite("checkVector");

vec("should accept non-empty arrays of numbers, infinite entries only when not finite-only", () => {
  assert.equal(checkVector("f", "z", [1, -Infinity]), [1, -Infinity]);
  throwsWith(
    () => checkVector("f", "z", [1, -Infinity], true),
    RangeError,
    /^f: z\[1\] must be finite, got -Infinity$/,
  );
});

vec("should reject empty arrays, bad entries and non-arrays naming the entry and value", () => {
  throwsWith(() => checkVector("f", "z", []), RangeError, /^f: z must be a non-empty array, got length 0$/);
  throwsWith(() => checkVector("f", "z", [0, 1, NaN]), TypeError, /^f: z\[2\] must be a number, got NaN$/);
  throwsWith(() => checkVector("f", "z", [0, null]), TypeError, /^f: z\[1\] must be a number, got null$/);
  throwsWith(() => checkVector("f", "z", "12"), TypeError, /^f: z must be an array of numbers, got "12"$/);
});

vec.run();

const same = suite("checkSameLength");

same("should accept two non-empty arrays of equal length", () => {
  checkSameLength("f", "t", [1, 0], "p", [0.5, 0.5]);
});

same("should reject different or zero lengths with a RangeError naming both lengths", () => {
  throwsWith(
    () => checkSameLength("f", "t", [1], "p", [0.5, 0.5]),
    RangeError,
    /^f: t and p must be non-empty arrays of the same length, got lengths 1 and 2$/,
  );
  throwsWith(
    () => checkSameLength("f", "t", [], "z", []),
    RangeError,
    /^f: t and z must be non-empty arrays of the same length, got lengths 0 and 0$/,
  );
});

same.run();

const dist = suite("checkDistribution");

dist("should accept vectors in [0, 1] that sum to 1 within the tolerance 1e−6", () => {
  assert.is(PROBABILITY_SUM_TOLERANCE, 1e-6);
  checkDistribution("f", "p", [0.7, 0.2, 0.1]);
  checkDistribution("f", "p", [1]);
  checkDistribution("f", "p", [0.5, 0.5 + 9e-7]);
  checkDistribution("f", "p", [0.5, 0.5 - 9e-7]);
});

dist("should reject a sum off by more than 1e−6 and entries outside [0, 1], naming them", () => {
  throwsWith(
    () => checkDistribution("f", "p", [0.5, 0.5 + 2 ** -18]),
    RangeError,
    /^f: p must sum to 1 \(within 1e-6\), got sum 1\.0000038146972656$/,
  );
  throwsWith(
    () => checkDistribution("f", "p", [0.25, 0.25]),
    RangeError,
    /^f: p must sum to 1 \(within 1e-6\), got sum 0\.5$/,
  );
  throwsWith(() => checkDistribution("f", "t", [1.5, -0.5]), RangeError, /^f: t\[0\] must be in \[0, 1\], got 1\.5$/);
  throwsWith(() => checkDistribution("f", "t", [0.5, NaN]), TypeError, /^f: t\[1\] must be a number, got NaN$/);
  throwsWith(() => checkDistribution("f", "t", []), RangeError, /^f: t must be a non-empty array, got length 0$/);
});

dist.run();
