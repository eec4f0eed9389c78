/**
 * Prose that says what the verifier did must agree with what it did. This reads the
 * sentences of a notebook's markdown cells that speak about verification (they name a
 * tier, the verifier, sampling, proving, or N-digit arithmetic), extracts the checkable
 * claims, and compares each with the derivation payloads of the executed notebook:
 *
 * - "N … points" (N points of the sampling tier) must equal the payload's `samples`;
 * - "N-digit arithmetic" must equal its `precision`;
 * - "the X tier decided it", "is decided by the X tier" (X: exact, symbolic → proved;
 *   numeric, numerical, sampling, sampled → sampled) about the step whose rule the
 *   sentence names (or, when it names none, about some step) must match that step's tier,
 *   and so must "is (marked) proved / sampled" in a sentence that names a step's rule;
 * - "every step … is proved / sampled" and "a ✓ means the step was proven" must hold for every step;
 * - any other wording of a tier ("decided by sampling", "checked numerically", "were sampled",
 *   "could not be proved", "proved by the exact tier", …) must hold for the steps the sentence
 *   names, for every step when it says all / every / each / both, else for some step.
 *
 * Which derivations a sentence speaks about: those shown by the code cells just before
 * its markdown cell (up to the previous markdown cell), or, when the sentence says
 * "below" or nothing shows a derivation before it, just after; the nearest such group
 * that shows any derivation.
 */
import { DERIVATION_MIME } from "../../lib/outputs/mime-types";
import { readDerivationPayload, type DerivationPayload } from "../../lib/outputs/derivation-payload";

/** A cell as nbformat stores it (the parts read here). */
export interface ClaimCell {
  cell_type: string;
  source: string | string[];
  outputs?: { data?: Record<string, unknown> }[];
}

/** One sentence whose claim does not match the derivations it speaks about. */
export interface ClaimMismatch {
  /** 1-based cell number (every cell counted). */
  cell: number;
  sentence: string;
  /** What the sentence claims and what the outputs hold, in words. */
  problem: string;
}

const join = (s: string | string[]): string => (Array.isArray(s) ? s.join("") : s);

/** Does the sentence speak about what the verifier did? */
const ABOUT_VERIFIER =
  /\btiers?\b|\bverif|\bsampl|\bproved\b|\bproven\b|-digit arithmetic|\bnumerically\b|\bsymbolically\b/i;

/** A tier as prose may name it → the verifier's own name. */
const TIER_WORDS: Record<string, "proved" | "sampled"> = {
  exact: "proved",
  symbolic: "proved",
  proved: "proved",
  proof: "proved",
  numeric: "sampled",
  numerical: "sampled",
  sampling: "sampled",
  sampled: "sampled",
};

function sentences(markdown: string): string[] {
  // math may hold full stops: split on ". " followed by a capital, a list item or a line end
  return markdown
    .replace(/\*\*/g, "")
    .split(/(?<=[.;:!?])\s+(?=[A-Z*$(`])|\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}

function payloadsOf(cell: ClaimCell, where: string): DerivationPayload[] {
  return (cell.outputs ?? [])
    .filter((o) => o.data?.[DERIVATION_MIME] !== undefined)
    .map((o) => readDerivationPayload(o.data![DERIVATION_MIME], where));
}

/** The derivations a markdown cell's sentence speaks about (see the module's docblock). */
function context(cells: ClaimCell[], at: number, forward: boolean, name: string): DerivationPayload[] {
  const group = (from: number, step: 1 | -1): DerivationPayload[] => {
    // walk over runs of code cells separated by markdown, nearest first, until one shows a derivation
    for (let i = from; i >= 0 && i < cells.length; ) {
      const found: DerivationPayload[] = [];
      while (i >= 0 && i < cells.length && cells[i].cell_type !== "markdown") {
        found.push(...payloadsOf(cells[i], `${name}, cell ${i + 1}`));
        i += step;
      }
      if (found.length > 0) return found;
      i += step;
    }
    return [];
  };
  if (forward) return group(at + 1, 1);
  const before = group(at - 1, -1);
  return before.length > 0 ? before : group(at + 1, 1);
}

const steps = (ps: DerivationPayload[]) =>
  ps.flatMap((p) => p.verdicts.filter((v) => v.kind !== "given").map((v) => ({ ...v, title: p.spec.title })));

/** The rule's own words ("algebra: common denominator" → "common denominator"). */
const ruleWords = (rule: string): string =>
  rule
    .replace(/^algebra:\s*/i, "")
    .trim()
    .toLowerCase();

/** Wordings of the sampled tier, and of the proved tier (checked after the sampled ones, which hold the negations). */
const SAMPLED_WORDS = [
  /\bdecided by sampling\b/i,
  /\bsampled (?:the|this|these|both|every|each|all|it|them)\b/i,
  /\b(?:checked|verified|decided|confirmed|compared|settled)\s+(?:only\s+)?(?:numerically|by sampling)\b/i,
  // (not "each step is sampled in 60-digit arithmetic": how sampling is done, which every step gets)
  /\b(?:is|are|was|were)\s+(?:only\s+)?(?:marked\s+)?sampled\b(?!\s+(?:in|with)\s+\d+-digit)/i,
  /\bfell back (?:to|on) (?:sampling|the (?:numeric|numerical|sampling) tier)\b/i,
  /\b(?:could|can)\s*not\s+be\s+(?:proved|proven)\b/i,
  /\b(?:rather than|instead of|not) (?:being )?(?:proved|proven)\b/i,
];
const PROVED_WORDS = [
  /\b(?:is|are|was|were)\s+(?:marked\s+|shown\s+)?(?:proved|proven)\b/i,
  /\b(?:proved|proven|decided) by the (?:exact|symbolic) tier\b/i,
  /\b(?:checked|verified|decided|settled)\s+(?:symbolically|exactly)\b/i,
];

/**
 * The tier a sentence claims for the steps it speaks about, in words other than "the X tier
 * decided it" and "every step is X": undefined when it claims none, both, or speaks in general
 * ("a step is sampled when …", "if", "unless").
 */
function phrasedTier(sentence: string): { tier: "proved" | "sampled"; words: string } | undefined {
  if (/\b(?:a|any) (?:step|equation|line)\b|\bwhen\b|\bif\b|\bunless\b/i.test(sentence)) return undefined;
  const sampled = SAMPLED_WORDS.map((r) => r.exec(sentence)).find((m) => m !== null);
  const rest = sampled ? sentence.replace(sampled[0], "") : sentence;
  const proved = PROVED_WORDS.map((r) => r.exec(rest)).find((m) => m !== null);
  if (sampled && proved) return undefined;
  if (sampled) return { tier: "sampled", words: sampled[0] };
  if (proved) return { tier: "proved", words: proved[0] };
  return undefined;
}

/**
 * Compares every verification claim in a notebook's prose with its outputs.
 *
 * @param cells the executed notebook's cells (with outputs)
 * @param name the notebook's name, for errors
 * @returns the mismatches, empty when the prose agrees with the outputs
 * @throws TypeError (from readDerivationPayload) naming the cell when a payload is malformed
 */
export function verifierClaimMismatches(cells: ClaimCell[], name: string): ClaimMismatch[] {
  const out: ClaimMismatch[] = [];
  cells.forEach((cell, at) => {
    if (cell.cell_type !== "markdown") return;
    for (const sentence of sentences(join(cell.source))) {
      if (!ABOUT_VERIFIER.test(sentence)) continue;
      const ps = context(cells, at, /\bbelow\b/i.test(sentence), name);
      if (ps.length === 0) continue;
      const miss = (problem: string): void => {
        out.push({ cell: at + 1, sentence, problem });
      };
      for (const m of sentence.matchAll(/\b(\d+)\s+(?:[a-z-]+\s+){0,2}points\b/gi)) {
        const n = Number(m[1]);
        const wrong = [...new Set(ps.map((p) => p.samples))].filter((s) => s !== n);
        if (wrong.length > 0)
          miss(`says ${n} points, the derivations sampled ${wrong.join(", ")} points per comparison`);
      }
      for (const m of sentence.matchAll(/\b(\d+)-digit arithmetic/gi)) {
        const n = Number(m[1]);
        const wrong = [...new Set(ps.map((p) => p.precision))].filter((s) => s !== n);
        if (wrong.length > 0) miss(`says ${n}-digit arithmetic, the derivations used ${wrong.join(", ")} digits`);
      }
      const all = steps(ps);
      const lower = sentence.toLowerCase();
      const named = all.filter((s) => ruleWords(s.rule).length > 3 && lower.includes(ruleWords(s.rule)));
      // "the X tier decided it", or, in a sentence that names a step, "it is (marked) proved"
      const decided =
        /\b(\w+) tier decided\b|\bdecided by the (\w+) tier\b/i.exec(sentence) ??
        (named.length > 0
          ? /\b(?:is|was) (?:marked |shown |decided )?(?:as )?(proved|proven|sampled)\b/i.exec(sentence)
          : null);
      if (decided) {
        const word = (decided[1] ?? decided[2] ?? decided[3]).toLowerCase().replace(/^proven$/, "proved");
        const tier = TIER_WORDS[word];
        if (!tier) miss(`names a "${word}" tier; the verifier's tiers are proved (the exact tier) and sampled`);
        else {
          const about = named.length > 0 ? named : all;
          const matches = about.filter((s) => s.tier === tier);
          if (named.length > 0 && matches.length < named.length) {
            miss(
              `says the ${word} tier (${tier}) decided ${named.map((s) => `step ${s.index} (${s.rule}) of "${s.title}"`).join(", ")}, the output says ${named.map((s) => s.tier).join(", ")}`,
            );
          } else if (named.length === 0 && matches.length === 0) {
            miss(
              `says the ${word} tier (${tier}) decided a step, every step shown was ${[...new Set(all.map((s) => s.tier))].join(" or ")}`,
            );
          }
        }
      }
      const every =
        /(?:\bevery (?:step|equation|line)\b[^.;]*?\b(?:is|was)|\u2713 means the step was) (proved|proven|sampled)\b/i.exec(
          sentence,
        );
      // any other wording of a tier ("decided by sampling", "checked numerically", "were sampled",
      // "could not be proved", "proved by the exact tier") about these derivations' steps
      const phrased = decided || every ? null : phrasedTier(sentence);
      if (phrased) {
        const scope = /\b(?:all|every|each|both)\b[^.;]*?\b(?:steps?|equations?|lines?)\b/i.test(sentence)
          ? "every"
          : named.length > 0
            ? "named"
            : "some";
        const about = scope === "named" ? named : all;
        const wrong = about.filter((st) => st.tier !== phrased.tier);
        const says = `says "${phrased.words}" (${phrased.tier})`;
        const list = (xs: typeof all) =>
          xs.map((st) => `step ${st.index} (${st.rule || "no rule"}) of "${st.title}" is ${st.tier}`).join(", ");
        if (scope !== "some" && wrong.length > 0)
          miss(`${says} of ${scope === "every" ? "every step" : "the step it names"}, ${list(wrong)}`);
        else if (scope === "some" && wrong.length === about.length)
          miss(`${says} of a step, every step shown was ${[...new Set(all.map((st) => st.tier))].join(" or ")}`);
      }
      if (every) {
        const tier = every[1].toLowerCase() === "sampled" ? "sampled" : "proved";
        const others = all.filter((s) => s.tier !== tier);
        if (others.length > 0)
          miss(
            `says every step is ${tier}, ${others.map((s) => `step ${s.index} of "${s.title}" is ${s.tier}`).join(", ")}`,
          );
      }
    }
  });
  return out;
}
