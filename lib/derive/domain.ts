import seedrandom from "seedrandom";
import type { Interval } from "./types";

/**
 * How a derivation declares where its variables live. Each entry is either
 * an interval text such as "(0, 1)" (open) or "[0, 1]" (closed), a tuple
 * [min, max] (an open interval), or an {@link Interval} object.
 */
export type DomainSpec = Readonly<Record<string, string | readonly [number, number] | Interval>>;

/** A parsed domain: variable name → interval. */
export type Domain = ReadonlyMap<string, Required<Interval>>;

/**
 * Parses a {@link DomainSpec}.
 *
 * @param spec  e.g. `{ yhat: "(0, 1)", t: "[0, 1]", x: [-10, 10] }`
 * @param where what declares it, for errors (a derivation's title)
 * @returns variable → interval with finite min < max
 * @throws RangeError naming the variable whose interval is malformed, empty or infinite
 */
export function parseDomain(spec: DomainSpec, where: string): Domain {
  const out = new Map<string, Required<Interval>>();
  for (const [name, raw] of Object.entries(spec)) {
    let iv: Required<Interval>;
    if (typeof raw === "string") {
      const m = /^\s*([([])\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)\s*([)\]])\s*$/i.exec(raw);
      if (!m) throw new RangeError(`${where}: domain of ${name} must look like "(0, 1)" or "[-10, 10]", got "${raw}"`);
      // A half-open text is sampled as open: random points never land on a bound anyway.
      iv = { min: Number(m[2]), max: Number(m[3]), open: m[1] === "(" || m[4] === ")" };
    } else if (Array.isArray(raw)) {
      iv = { min: Number(raw[0]), max: Number(raw[1]), open: true };
    } else {
      const o = raw as Interval;
      iv = { min: o.min, max: o.max, open: o.open ?? true };
    }
    if (!Number.isFinite(iv.min) || !Number.isFinite(iv.max) || !(iv.min < iv.max)) {
      throw new RangeError(`${where}: domain of ${name} must be a finite interval with min < max, got ${JSON.stringify(raw)}`);
    }
    out.set(name, iv);
  }
  return out;
}

/**
 * Draws reproducible random points of a domain.
 *
 * @param domain the parsed domain
 * @param count  how many points (≥ 1)
 * @param seed   seed of the generator (seedrandom's ARC4); the same seed gives the same points
 * @returns points as decimal strings with 17 significant digits (a bound as written,
 *          e.g. "0"), variable → value;
 *          an open interval never yields its bounds, a closed one yields its lower
 *          bound in the first point and its upper bound in the second (where, for
 *          example, a target t ∈ [0, 1] takes the values 0 and 1 it has in practice)
 */
export function samplePoints(domain: Domain, count: number, seed: string): Record<string, string>[] {
  const rng = seedrandom(seed);
  const points: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const p: Record<string, string> = {};
    for (const [name, iv] of domain) {
      let v: number;
      do {
        v = iv.min + (iv.max - iv.min) * rng.double();
      } while (iv.open && (v <= iv.min || v >= iv.max));
      if (!iv.open && i < 2) {
        p[name] = String(i === 0 ? iv.min : iv.max);
        continue;
      }
      p[name] = v.toPrecision(17);
    }
    points.push(p);
  }
  return points;
}
