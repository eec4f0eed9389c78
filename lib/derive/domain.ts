import seedrandom from "seedrandom";
import type { Interval } from "./types";

/**
 * How a derivation declares where its variables live. Each entry is either
 * an interval text such as "(0, 1)" (open), "[0, 1]" (closed) or "[0, 1)" (half-open),
 * a tuple [min, max] (an open interval), or an {@link Interval} object.
 */
export type DomainSpec = Readonly<Record<string, string | readonly [number, number] | Interval>>;

/**
 * A parsed interval: finite min < max, and the openness of each end (an open end is not in
 * the domain, a closed one is: it is sampled and every check holds there too).
 */
export interface DomainInterval {
  readonly min: number;
  readonly max: number;
  /** The lower end min is excluded. */
  readonly loOpen: boolean;
  /** The upper end max is excluded. */
  readonly hiOpen: boolean;
}

/** A parsed domain: variable name → interval. */
export type Domain = ReadonlyMap<string, DomainInterval>;

/**
 * An interval as the text a reader writes: "(0, 1)", "[0, 1]", "[0, 1)" or "(0, 1]".
 *
 * @param iv a parsed interval
 * @returns the text, each end's bracket from its openness
 */
export function intervalText(iv: DomainInterval): string {
  return `${iv.loOpen ? "(" : "["}${iv.min}, ${iv.max}${iv.hiOpen ? ")" : "]"}`;
}

/**
 * Parses a {@link DomainSpec}.
 *
 * @param spec  e.g. `{ yhat: "(0, 1)", t: "[0, 1]", x: [-10, 10] }`
 * @param where what declares it, for errors (a derivation's title)
 * @returns variable → interval with finite min < max
 * @throws RangeError naming the variable whose interval is malformed, empty or infinite;
 *   TypeError when the domain itself is not an object (e.g. left out)
 */
export function parseDomain(spec: DomainSpec, where: string): Domain {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError(
      `${where}: the domain must be an object of variable → interval, e.g. { x: "(-10, 10)" }, got ${spec === undefined ? "none" : JSON.stringify(spec)}`,
    );
  }
  const out = new Map<string, DomainInterval>();
  for (const [name, raw] of Object.entries(spec)) {
    let iv: DomainInterval;
    if (typeof raw === "string") {
      const m = /^\s*([([])\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)\s*([)\]])\s*$/i.exec(raw);
      if (!m) throw new RangeError(`${where}: domain of ${name} must look like "(0, 1)" or "[-10, 10]", got "${raw}"`);
      iv = { min: Number(m[2]), max: Number(m[3]), loOpen: m[1] === "(", hiOpen: m[4] === ")" };
    } else if (Array.isArray(raw)) {
      iv = { min: Number(raw[0]), max: Number(raw[1]), loOpen: true, hiOpen: true };
    } else {
      const o = raw as Interval;
      const open = o.open ?? true;
      if (
        typeof open !== "boolean" &&
        !(Array.isArray(open) && open.length === 2 && open.every((b) => typeof b === "boolean"))
      ) {
        throw new RangeError(
          `${where}: domain of ${name}: open must be a boolean or [lower, upper] booleans, got ${JSON.stringify(o.open)}`,
        );
      }
      const [loOpen, hiOpen] = typeof open === "boolean" ? [open, open] : open;
      iv = { min: o.min, max: o.max, loOpen, hiOpen };
    }
    if (!Number.isFinite(iv.min) || !Number.isFinite(iv.max) || !(iv.min < iv.max)) {
      throw new RangeError(
        `${where}: domain of ${name} must be a finite interval with min < max, got ${JSON.stringify(raw)}`,
      );
    }
    out.set(name, iv);
  }
  return out;
}

/** Points per derivation by default (each variable's interval is cut into this many strata, less the special points). */
export const DEFAULT_SAMPLES = 64;

/**
 * Draws reproducible points of a domain: first the special points, then a stratified
 * (Latin hypercube) sample of the rest.
 *
 * Special points, in this order, one value per variable and point: the lower end (the
 * bound itself when closed, else the bound plus 1e-7 of the width), the upper end
 * likewise, then for an interval that contains 0 inside: 0 itself, and ±1e-7 of the
 * width; then for each closed end the point 1e-7 of the width inside it.
 * A variable with fewer special values than another takes a random value in those points.
 * The remaining points cut every variable's interval into as many equal strata and put
 * one uniform random value in each stratum, in an independent random order per variable,
 * so that no gap between two sampled values of a variable exceeds two strata
 * (about 3 % of the interval for 64 points).
 *
 * @param domain the parsed domain
 * @param count  how many points (≥ 1); at least 16 leaves room for the strata
 * @param seed   seed of the generator (seedrandom's ARC4); the same seed gives the same points
 * @returns points as decimal strings with 17 significant digits (a bound as written,
 *          e.g. "0"), variable → value; an open end is never yielded, a closed one always is
 */
export function samplePoints(domain: Domain, count: number, seed: string): Record<string, string>[] {
  const rng = seedrandom(seed);
  const specials = new Map([...domain].map(([name, iv]) => [name, specialValues(iv)] as const));
  const nSpecial = Math.min(count, Math.max(0, ...[...specials.values()].map((s) => s.length)));
  const strata = count - nSpecial;
  const order = new Map([...domain.keys()].map((name) => [name, shuffled(strata, rng)] as const));
  const points: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const p: Record<string, string> = {};
    for (const [name, iv] of domain) {
      const special = specials.get(name)!;
      if (i < nSpecial && i < special.length) {
        p[name] = special[i];
        continue;
      }
      const k = i < nSpecial ? Math.floor(rng.double() * Math.max(strata, 1)) : order.get(name)![i - nSpecial];
      const n = Math.max(strata, 1);
      let v = iv.min + (iv.max - iv.min) * ((k + rng.double()) / n);
      // in an interval a few doubles wide a stratum may round onto a bound: draw over all of it
      for (let tries = 0; v <= iv.min || v >= iv.max; tries++)
        v = iv.min + (iv.max - iv.min) * (tries < 8 ? (k + rng.double()) / n : rng.double());
      p[name] = v.toPrecision(17);
    }
    points.push(p);
  }
  return points;
}

function specialValues(iv: DomainInterval): string[] {
  const w = iv.max - iv.min;
  const d = w * 1e-7;
  const inside = (v: number): string => (v > iv.min && v < iv.max ? v : (iv.min + iv.max) / 2).toPrecision(17);
  const out = [iv.loOpen ? inside(iv.min + d) : String(iv.min), iv.hiOpen ? inside(iv.max - d) : String(iv.max)];
  if (iv.min < 0 && iv.max > 0) out.push(inside(d), inside(-d));
  if (!iv.loOpen) out.push(inside(iv.min + d));
  if (!iv.hiOpen) out.push(inside(iv.max - d));
  return out;
}

/** 0 … n−1 in a random order. */
function shuffled(n: number, rng: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * A seed drawn from a derivation's content (its function, variable, domain and definitions),
 * so that every derivation has its own reproducible points: FNV-1a of the JSON text.
 *
 * @param content any JSON-serialisable value
 * @returns "content-" followed by 8 hex digits
 */
export function contentSeed(content: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(content)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `content-${h.toString(16).padStart(8, "0")}`;
}
