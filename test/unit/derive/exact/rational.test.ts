/** Tests of lib/derive/exact/rational.ts: exact rationals and integer factoring. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { factorInteger, Q } from "../../../../lib/derive/exact/rational";

const q = suite("Q");

q("should keep every digit of a decimal literal, exactly", () => {
  assert.is(Q.fromDecimal("2.0000000000000000001").toString(), "20000000000000000001/10000000000000000000");
  assert.is(Q.fromDecimal("1e-15").toString(), "1/1000000000000000");
  assert.is(Q.fromDecimal("-2.5E+2").toString(), "-250");
  assert.is(Q.fromDecimal("0.125").toString(), "1/8");
  assert.throws(() => Q.fromDecimal("1/3"), /not a decimal number/);
});

q("should read a double exactly (0.1 is not 1/10)", () => {
  assert.is(Q.fromNumber(0.5).toString(), "1/2");
  assert.is(Q.fromNumber(0.1).toString(), "3602879701896397/36028797018963968");
  assert.throws(() => Q.fromNumber(Infinity), /not finite/);
});

q("should reduce, keep the sign in the numerator and do exact arithmetic", () => {
  assert.is(Q.of(6n, -4n).toString(), "-3/2");
  const a = Q.of(1n, 3n);
  assert.is(a.add(a).add(a).toString(), "1");
  assert.is(a.mul(Q.of(3n)).sub(Q.ONE).isZero(), true);
  assert.is(Q.of(2n, 3n).pow(-2).toString(), "9/4");
  assert.is(Q.of(-7n, 2n).floor(), -4n);
  assert.is(Q.of(7n, 2n).floor(), 3n);
  assert.is(Q.of(1n, 3n).cmp(Q.of(1n, 2n)), -1);
  assert.throws(() => Q.of(1n, 0n), /division by zero/);
});

const f = suite("factorInteger");

f("should give the prime factors with multiplicities", () => {
  assert.equal(
    [...factorInteger(360n)],
    [
      [2n, 3],
      [3n, 2],
      [5n, 1],
    ],
  );
  assert.equal([...factorInteger(97n)], [[97n, 1]]);
  assert.equal([...factorInteger(1n)], []);
});

q.run();
f.run();
