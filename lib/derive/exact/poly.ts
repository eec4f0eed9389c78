/**
 * Polynomials with exact rational coefficients over atoms: the variables, exponentials
 * e^(m) of monomials m, logarithms of positive primitive polynomials, roots of primes
 * (p^(k/n), exponent in (0, 1)), π, and functions of a quotient of polynomials that the
 * class does not otherwise reduce (sin, cos, atan, …, and e^(N/D) with D not constant),
 * each an atom per argument: f(a) = f(b) when a and b have the same normal form. Exponents are rational (integers except for
 * exponentials and roots), so these are Laurent polynomials; the ring is an integral
 * domain and a polynomial is zero as a function when all its coefficients are zero.
 */
import { checkDeadline } from "../deadline";
import { Q } from "./rational";

/** What an atom stands for. */
export type Atom =
  | { kind: "var"; name: string }
  | { kind: "exp"; mono: Mono }
  | { kind: "log"; poly: Poly }
  | { kind: "root"; prime: bigint }
  | { kind: "pi" }
  /** name(n / d): a function of one argument the class treats as opaque (atom^k is its k-th power). */
  | { kind: "fn"; name: string; n: Poly; d: Poly };

/** A monomial: atom id → exponent, sorted by id, no zero exponents. */
export type Mono = readonly (readonly [string, Q])[];
/** A term: coefficient times monomial. */
export interface Term {
  m: Mono;
  c: Q;
}
/** A polynomial: monomial key → term (no zero coefficients). */
export type Poly = ReadonlyMap<string, Term>;

const atoms = new Map<string, Atom>();

/** The atom behind an id. */
export function atomOf(id: string): Atom {
  const a = atoms.get(id);
  if (!a) throw new Error(`exact tier: unknown atom ${id}`);
  return a;
}

/**
 * Registers an atom and returns its id. Ids nest without ambiguity: an exponential's monomial and
 * a log's polynomial are in parentheses, so e^(x²) ("E:(v:x^2)") and the monomial (e^x)²
 * ("E:(v:x)^2") differ; written without them both read "E:v:x^2", and log(1 + e^(x²)) shared its
 * id with log(1 + e^(2x)) in the process-wide atom table (atom-ids.test.ts).
 */
export function atomId(a: Atom): string {
  const id =
    a.kind === "var"
      ? `v:${a.name}`
      : a.kind === "exp"
        ? `E:(${monoKey(a.mono)})`
        : a.kind === "log"
          ? `L:(${polyKey(a.poly)})`
          : a.kind === "root"
            ? `R:${a.prime}`
            : a.kind === "fn"
              ? `F:${a.name}(${polyKey(a.n)} / ${polyKey(a.d)})`
              : "pi";
  if (!atoms.has(id)) atoms.set(id, a);
  return id;
}

/** The text key of a monomial, e.g. "v:x^2*E:v:z" (atoms in id order). */
export function monoKey(m: Mono): string {
  return m.map(([a, e]) => (e.equals(Q.ONE) ? a : `${a}^${e}`)).join("*");
}

/** The text key of a polynomial: its terms, sorted; equal polynomials have equal keys. */
export function polyKey(p: Poly): string {
  return [...p.keys()]
    .sort()
    .map((k) => `${p.get(k)!.c}·${k}`)
    .join(" + ");
}

export const ZERO: Poly = new Map();

/** The constant polynomial c (the zero polynomial for c = 0). */
export function constant(c: Q): Poly {
  return c.isZero() ? ZERO : new Map([["", { m: [], c }]]);
}

export const ONE = constant(Q.ONE);

/** The polynomial a^e for one atom. */
export function atomPower(id: string, e: Q = Q.ONE): Poly {
  return fromTerms([{ m: [[id, e]], c: Q.ONE }]);
}

/** Terms built since the step's time bound was last looked at (see {@link fromTerms}). */
let sinceCheck = 0;
/** How many terms are built between two looks at the step's time bound: about a millisecond of work. */
const TERMS_PER_CHECK = 2048;

/**
 * Builds a polynomial from terms, normalising each monomial (roots of primes folded into the coefficient).
 * Every polynomial operation goes through here, so the step's time bound (deadline.ts) is
 * checked here too, every {@link TERMS_PER_CHECK} terms: a normal form that grows for
 * seconds (a product of large sums) ends the step as "undecided" within about a millisecond
 * of its bound, not after.
 *
 * @throws StepUndecided (deadline.ts) when the step's time is up
 */
export function fromTerms(terms: Iterable<Term>): Poly {
  const out = new Map<string, Term>();
  for (const t of terms) {
    if (++sinceCheck >= TERMS_PER_CHECK) {
      sinceCheck = 0;
      checkDeadline(() => "the exact tier: bringing the sides to their normal form");
    }
    const { m, c } = normalMono(t.m, t.c);
    if (c.isZero()) continue;
    const k = monoKey(m);
    const prev = out.get(k);
    const sum = prev ? prev.c.add(c) : c;
    if (sum.isZero()) out.delete(k);
    else out.set(k, { m, c: sum });
  }
  return out;
}

/** Drops zero exponents and moves whole powers of prime roots into the coefficient. */
function normalMono(m: Mono, c: Q): Term {
  const out: [string, Q][] = [];
  for (const [a, e] of m) {
    let ex = e;
    const atom = atomOf(a);
    if (atom.kind === "root") {
      const f = ex.floor();
      if (f !== 0n) {
        c = c.mul(Q.of(atom.prime).pow(Number(f)));
        ex = ex.sub(Q.of(f));
      }
    }
    if (!ex.isZero()) out.push([a, ex]);
  }
  return { m: out, c };
}

/** The product of two monomials (exponents added, zero exponents dropped). */
export function mulMono(a: Mono, b: Mono): Mono {
  const map = new Map<string, Q>(a.map(([k, e]) => [k, e]));
  for (const [k, e] of b) map.set(k, (map.get(k) ?? Q.ZERO).add(e));
  return [...map].filter(([, e]) => !e.isZero()).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

/** A monomial raised to a rational power k. */
export function powMono(a: Mono, k: Q): Mono {
  return a.map(([id, e]) => [id, e.mul(k)] as const);
}

/** a + b. */
export function add(a: Poly, b: Poly): Poly {
  return fromTerms([...a.values(), ...b.values()]);
}

/** k · a for a rational k. */
export function scale(a: Poly, k: Q): Poly {
  return k.isZero() ? ZERO : fromTerms([...a.values()].map((t) => ({ m: t.m, c: t.c.mul(k) })));
}

/** −a. */
export function neg(a: Poly): Poly {
  return scale(a, Q.ONE.neg());
}

/** a − b. */
export function sub(a: Poly, b: Poly): Poly {
  return add(a, neg(b));
}

/** The most terms a product may have before the exact tier gives up (keeps it fast). */
export const MAX_TERMS = 4000;

/** Thrown when a normal form would grow past MAX_TERMS terms: the exact tier then leaves the step to sampling. */
export class TooLarge extends Error {}

/** a · b; throws TooLarge past MAX_TERMS terms. */
export function mul(a: Poly, b: Poly): Poly {
  if (a.size * b.size > MAX_TERMS * 8) throw new TooLarge(`a product of ${a.size} and ${b.size} terms`);
  const terms: Term[] = [];
  for (const x of a.values()) for (const y of b.values()) terms.push({ m: mulMono(x.m, y.m), c: x.c.mul(y.c) });
  const p = fromTerms(terms);
  if (p.size > MAX_TERMS) throw new TooLarge(`a polynomial of ${p.size} terms`);
  return p;
}

/** a^n for an integer n ≥ 0 (repeated products; a single term directly). */
export function pow(a: Poly, n: number): Poly {
  if (a.size === 1) {
    const t = [...a.values()][0];
    return fromTerms([{ m: powMono(t.m, Q.of(BigInt(n))), c: t.c.pow(n) }]);
  }
  let r = ONE;
  for (let i = 0; i < n; i++) r = mul(r, a);
  return r;
}

/** True for the zero polynomial. */
export function isZero(a: Poly): boolean {
  return a.size === 0;
}

/** The constant value when the polynomial is a constant, else undefined. */
export function constantValue(a: Poly): Q | undefined {
  if (a.size === 0) return Q.ZERO;
  if (a.size === 1 && a.has("")) return a.get("")!.c;
  return undefined;
}

/** True when a − b is the zero polynomial. */
export function equalPoly(a: Poly, b: Poly): boolean {
  return isZero(sub(a, b));
}

/** Prints a polynomial in mathjs syntax, atoms by name (x, e^(x), log(1 + e^(z)), 2^(1/2), pi). */
export function printPoly(p: Poly): string {
  if (p.size === 0) return "0";
  const parts = [...p.keys()].sort().map((k) => {
    const { m, c } = p.get(k)!;
    const factors = m.map(([a, e]) => printAtom(a, e));
    const abs = c.sign() < 0 ? c.neg() : c;
    const coef = abs.equals(Q.ONE) && factors.length > 0 ? [] : [abs.isInteger() ? abs.toString() : `(${abs})`];
    return { neg: c.sign() < 0, text: [...coef, ...factors].join(" * ") };
  });
  return parts
    .map((t, i) => (i === 0 ? (t.neg ? `-${t.text}` : t.text) : `${t.neg ? " - " : " + "}${t.text}`))
    .join("");
}

/**
 * The text of each atom printed so far, by atom id: its name for a variable, π, a root, a log or
 * another function, and the exponent's text for an exponential. Atoms are interned and never
 * change, so the text is made once; without this an atom nested in others (e^(1/(1 + e^(−x))) in
 * σ nested k deep) is printed again inside every atom that holds it, in every certificate, a cost
 * that grows exponentially with the nesting.
 */
const atomTexts = new Map<string, string>();

/**
 * Empties the atom table and the atom texts (process-state.ts): for tests that judge a derivation
 * in a fresh state. Every normal form made before refers to atoms by id, so the caches that keep
 * normal forms (prove.ts, normalize.ts) must be emptied with it.
 */
export function forgetAtoms(): void {
  atoms.clear();
  atomTexts.clear();
}

/** {@link atomTexts}' entry of an atom (made when first asked for). */
function atomText(id: string): string {
  let text = atomTexts.get(id);
  if (text === undefined) {
    text = atomTextOnce(id);
    atomTexts.set(id, text);
  }
  return text;
}

/** The text of an atom: its base (name, log(…), f(…)), or for an exponential its exponent ("" for e itself). */
function atomTextOnce(id: string): string {
  const a = atomOf(id);
  if (a.kind === "exp") return a.mono.length === 0 ? "" : printPoly(fromTerms([{ m: a.mono, c: Q.ONE }]));
  return a.kind === "var"
    ? a.name
    : a.kind === "pi"
      ? "pi"
      : a.kind === "root"
        ? a.prime.toString()
        : a.kind === "log"
          ? `log(${printPoly(a.poly)})`
          : a.kind === "fn"
            ? `${a.name}(${equalPoly(a.d, ONE) ? printPoly(a.n) : `(${printPoly(a.n)}) / (${printPoly(a.d)})`})`
            : "";
}

function printAtom(id: string, e: Q): string {
  const a = atomOf(id);
  if (a.kind === "exp") {
    const inner = atomText(id);
    const ex =
      inner === ""
        ? e.toString()
        : e.equals(Q.ONE)
          ? inner
          : e.equals(Q.ONE.neg())
            ? `-${inner}`
            : `${e.isInteger() ? e : `(${e})`} * ${inner}`;
    return `e^(${ex})`;
  }
  const base = atomText(id);
  if (e.equals(Q.ONE)) return base;
  return `${base}^${e.isInteger() && e.sign() > 0 ? e : `(${e})`}`;
}
