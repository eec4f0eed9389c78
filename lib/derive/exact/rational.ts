/**
 * Exact rational numbers n/d with bigint numerator and denominator, always reduced,
 * d > 0. The coefficients of the exact tier's polynomials.
 */
export class Q {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  /** n/d reduced; throws RangeError when d is 0. */
  static of(n: bigint, d: bigint = 1n): Q {
    if (d === 0n) throw new RangeError("Q.of: division by zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g > 1n ? new Q(n / g, d / g) : new Q(n, d);
  }

  static readonly ZERO = new Q(0n, 1n);
  static readonly ONE = new Q(1n, 1n);

  /** The exact value of a decimal literal such as "2.5", "-1e-15", "3.0000000000000000001". */
  static fromDecimal(text: string): Q {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!m || (m[2] === "" && (m[3] ?? "") === ""))
      throw new RangeError(`Q.fromDecimal: not a decimal number: "${text}"`);
    const digits = BigInt((m[2] || "0") + (m[3] ?? ""));
    const exp = Number(m[4] ?? 0) - (m[3] ?? "").length;
    const sign = m[1] === "-" ? -1n : 1n;
    return exp >= 0 ? Q.of(sign * digits * 10n ** BigInt(exp)) : Q.of(sign * digits, 10n ** BigInt(-exp));
  }

  /** The exact value of a finite double. */
  static fromNumber(x: number): Q {
    if (!Number.isFinite(x)) throw new RangeError(`Q.fromNumber: not finite: ${x}`);
    if (Number.isInteger(x)) return Q.of(BigInt(x));
    let d = 1n;
    let v = x;
    while (!Number.isInteger(v)) {
      v *= 2;
      d *= 2n;
    }
    return Q.of(BigInt(v), d);
  }

  add(o: Q): Q {
    return Q.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return Q.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return Q.of(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return Q.of(this.n * o.d, this.d * o.n);
  }
  neg(): Q {
    return new Q(-this.n, this.d);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  sign(): number {
    return this.n > 0n ? 1 : this.n < 0n ? -1 : 0;
  }
  equals(o: Q): boolean {
    return this.n === o.n && this.d === o.d;
  }
  cmp(o: Q): number {
    const c = this.n * o.d - o.n * this.d;
    return c > 0n ? 1 : c < 0n ? -1 : 0;
  }
  /** The largest integer ≤ this. */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }
  /** this^k for an integer k (k < 0 needs this ≠ 0). */
  pow(k: number): Q {
    if (k < 0) return Q.ONE.div(this).pow(-k);
    return Q.of(this.n ** BigInt(k), this.d ** BigInt(k));
  }
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * The prime factors of a positive integer with their multiplicities, by trial division up
 * to 10⁵; a cofactor left above that is returned as one factor (it may be composite).
 */
export function factorInteger(n: bigint): Map<bigint, number> {
  const out = new Map<bigint, number>();
  const add = (p: bigint) => out.set(p, (out.get(p) ?? 0) + 1);
  for (let p = 2n; p <= 100000n && p * p <= n; p += p === 2n ? 1n : 2n) {
    while (n % p === 0n) {
      add(p);
      n /= p;
    }
  }
  if (n > 1n) add(n);
  return out;
}
