/**
 * explain() in the page: the kit's own derivation of a function, verified by the page's
 * verifier and laid out as the site lays out a notebook's derivation (`derivationView`,
 * `derivationHtml`, KaTeX). Used by the playground (playground.html) and by "Show the kit's
 * derivation" of "Try a step". Browser-safe: nothing here may import a Node module.
 */
import type { DomainSpec } from "../../derive/domain";
import { parseDomain } from "../../derive/domain";
import { functionWithoutBrackets } from "../../derive/context";
import {
  expandDefinitions,
  freeVariables,
  parseDefinitions,
  parseExpression,
  RESERVED_NAMES,
} from "../../derive/expression";
import { explainSteps, type ExplainStrategy } from "../../derive/explain";
import { derivationHtml, type DisplayMath } from "../../outputs/derivation-html";
import { derivationView } from "../../outputs/derivation-view";
import { derivationPayload } from "../../outputs/make-derivation-payload";
import type { DerivationResult } from "../../derive/types";

/** The strategies a reader can pick, in the order the playground lists them. */
export const STRATEGIES: readonly ExplainStrategy[] = ["auto", "quotient", "chain", "product"];

/** What a reader (or a derivation's payload) asks explain() for. */
export interface ExplainRequest {
  /** The function, mathjs syntax, e.g. "x * sigma(x)". */
  f: string;
  /** The differentiation variable. */
  wrt: string;
  /** Each variable's interval, e.g. { x: "(-10, 10)" }. */
  domain: DomainSpec;
  /** The first rule where there is a choice (default "auto"). */
  strategy?: ExplainStrategy;
  /** As derive()'s head: the function's name (default "f"), definitions, TeX names. */
  name?: string;
  defs?: Readonly<Record<string, string>>;
  texNames?: Readonly<Record<string, string>>;
}

/** Which input of the request an error is about. */
export type RequestPart = "function" | "variable" | "domain" | "strategy";

/** explain()'s answer in the page: the derivations as HTML and what the verifier said, or an error. */
export interface ExplainAnswer {
  /** The parts' derivations, then the main one, each a `<div class="stepwise-derivation">`. */
  html?: string;
  /** Every derivation verified in the page (all steps ✓ and the final check passed). */
  ok?: boolean;
  /** Derivations (parts and the main one), steps in all, steps proved by the exact tier. */
  derivations?: number;
  steps?: number;
  proved?: number;
  /** In words, for the line above the derivations: verified in the page, how many steps, how many proved. */
  summary?: string;
  /** The main derivation's last expression (mathjs syntax). */
  result?: string;
  /** Milliseconds taken to generate and to verify, in the page. */
  ms?: { explain: number; verify: number };
  /** The problem in words, naming the part; `part` says which input it is about. */
  error?: string;
  part?: RequestPart;
}

/**
 * The variables of a function in mathjs syntax: its free names once the definitions of `defs`
 * are expanded (a notebook's `yhat = sigma(w * x + b)` makes w, x and b variables of a function
 * written in yhat), without the constants (e, pi, …).
 *
 * @param f the function text
 * @param defs definitions as derive()'s `defs`, e.g. { yhat: "sigma(z)", "h(x)": "x^2" }
 * @returns the names, in order of first appearance; [] when f does not parse
 */
export function variablesOf(f: string, defs: Readonly<Record<string, string>> = {}): string[] {
  let node: ReturnType<typeof parseExpression>;
  try {
    node = parseExpression(f, "the function");
  } catch {
    return [];
  }
  const defined = new Set(Object.keys(defs).map((k) => k.replace(/\(.*$/, "").trim()));
  try {
    if (defined.size) node = expandDefinitions(node, parseDefinitions(defs), "the function");
  } catch {
    // definitions the verifier rejects are reported when the derivation is made
  }
  return [...freeVariables(node)].filter((n) => !Object.hasOwn(RESERVED_NAMES, n) && !defined.has(n));
}

/**
 * Reads the playground's domain field: entries separated by ";", each "name: interval" (also
 * "name in interval" or "name ∈ interval"); an entry without a name is the interval of `wrt`.
 *
 * @param text e.g. "x: (-10, 10); t: [0, 1]" or "(0, 1)"
 * @param wrt the variable an unnamed entry belongs to
 * @returns the domain, e.g. { x: "(-10, 10)", t: "[0, 1]" } (intervals as written, checked later)
 * @throws RangeError naming the entry that has no interval or repeats a variable
 */
export function parseDomainText(text: string, wrt: string): DomainSpec {
  const domain: Record<string, string> = {};
  for (const raw of text.split(";")) {
    const entry = raw.trim();
    if (!entry) continue;
    const named = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::|∈|\bin\b|=)\s*(.*)$/u.exec(entry);
    const [name, interval] = named ? [named[1], named[2].trim()] : [wrt, entry];
    if (!interval) throw new RangeError(`the entry “${entry}” has no interval, e.g. ${name}: (-10, 10)`);
    if (Object.hasOwn(domain, name))
      throw new RangeError(`${name} has two intervals (“${domain[name]}” and “${interval}”)`);
    domain[name] = interval;
  }
  return domain;
}

/** The verifier's message without its "explain(…)" prefix and the notebook advice a page reader cannot take. */
function inWords(message: string): string {
  return message
    .replace(/^explain(\("[^"]*"\))?(, the function)?:\s*/, "")
    .replace(/^derivation "[^"]*", /, "")
    .replace(/;\s*declare [^;]*? in defs, e\.g\. \{.*\}$/, "");
}

/** The part an error of explain() or of the verifier is about, from what it names. */
function partOf(message: string): RequestPart {
  if (/\bdomain\b|not a real number|has no derivative where/.test(message)) return "domain";
  if (/strategy/.test(message)) return "strategy";
  return "function";
}

const failure = (part: RequestPart, error: string): ExplainAnswer => ({ part, error });

/**
 * The kit's derivation of a function, generated by explain()'s generator (`explainSteps`) and
 * verified here by the same verifier as "Try a step" (every part and the main derivation, with
 * the verifier's default sample count), laid out with the display formulas drawn by `math`.
 * The input is checked first, so that each error names its part: the function does not parse
 * or uses something outside the verifier's list, the variable is not in the function, the
 * domain does not parse, misses a variable, or is one where the function is not
 * differentiable or not finite, the function is larger than explain's bound (300 nodes).
 *
 * @param req the function, variable, domain, strategy (and name, defs, texNames)
 * @param math draws one formula from its TeX (the page passes KaTeX; see `DisplayMath` for its
 *   `place`, "line" for a line of the chain)
 * @returns the derivations' HTML and the verifier's figures, or { error, part } in words;
 *   a generated step the verifier rejects is reported as the kit's internal error (never thrown)
 */
export function explainInPage(req: ExplainRequest, math: DisplayMath): ExplainAnswer {
  const f = (req.f ?? "").trim();
  if (!f) return failure("function", "the function: it is empty; type one, e.g. x * sigma(x)");
  try {
    parseExpression(f, "the function");
  } catch (err) {
    return failure("function", `the function: ${(err as Error).message.replace(/^the function: /, "")}`);
  }
  // `sin x`: a function typed without brackets reads as a variable; say so before asking for its interval
  for (const v of variablesOf(f, req.defs)) {
    const called = Object.hasOwn(req.domain ?? {}, v) ? null : functionWithoutBrackets(v);
    if (called) return failure("function", `the function: ${called}`);
  }
  const strategy = req.strategy ?? "auto";
  if (!STRATEGIES.includes(strategy))
    return failure("strategy", `the strategy: “${String(strategy)}” is none of ${STRATEGIES.join(", ")}`);
  const variables = variablesOf(f, req.defs);
  if (!req.wrt || !variables.includes(req.wrt))
    return failure(
      "variable",
      `the variable: ${req.wrt ? `${req.wrt} is not in the function${variables.length ? "" : `, a constant: its derivative by ${req.wrt} is 0 (the constant rule)`}` : "none is picked"}; the function's variables are ${variables.join(", ") || "none"}`,
    );
  try {
    parseDomain(req.domain, "the domain");
  } catch (err) {
    return failure("domain", `the domain: ${(err as Error).message.replace(/^the domain: /, "")}`);
  }
  const missing = variables.filter((v) => !Object.hasOwn(req.domain, v));
  if (missing.length)
    return failure(
      "domain",
      `the domain: ${missing.join(", ")} ${missing.length === 1 ? "has" : "have"} no interval; add e.g. ${missing.map((v) => `${v}: (-10, 10)`).join("; ")}`,
    );
  const t0 = performance.now();
  let derivation: ReturnType<typeof explainSteps>;
  try {
    derivation = explainSteps(f, {
      wrt: req.wrt,
      domain: req.domain,
      strategy,
      ...(req.name ? { name: req.name } : {}),
      ...(req.defs ? { defs: req.defs } : {}),
      ...(req.texNames ? { texNames: req.texNames } : {}),
    });
  } catch (err) {
    const message = inWords((err as Error).message);
    const part = partOf(message);
    return failure(part, `the ${part}: ${message}`);
  }
  const t1 = performance.now();
  const all = [...derivation.parts, derivation];
  let results: DerivationResult[];
  try {
    results = all.map((d) => d.verify());
  } catch (err) {
    const message = inWords((err as Error).message);
    const part = partOf(message);
    return failure(part, `the ${part}: ${message}`);
  }
  const t2 = performance.now();
  const bad = results.findIndex((r) => !r.ok);
  if (bad >= 0) {
    const r = results[bad];
    const step = r.steps.find((s) => !s.ok) ?? r.final;
    return failure(
      "function",
      `the kit's own derivation of ${f} has a step the verifier rejects (“${all[bad].spec.title}”, step ${step?.index ?? "?"}: ${step?.expr ?? ""}): a bug of the kit, please report it`,
    );
  }
  const html = results
    .map((r, i) => derivationHtml(derivationView(derivationPayload(r, { spec: all[i].spec })), { math }))
    .join("\n");
  const checked = results.flatMap((r) => r.steps.filter((s) => s.kind !== "given"));
  const main = results[results.length - 1];
  const proved = checked.filter((s) => s.tier === "proved").length;
  const parts = results.length - 1;
  return {
    summary:
      `\u2713 every step verified in this page: ${checked.length} step${checked.length === 1 ? "" : "s"}, ${proved} proved, ${checked.length - proved} sampled` +
      (parts > 0 ? `; ${parts} part${parts === 1 ? "" : "s"} worked out first` : ""),
    html,
    ok: true,
    derivations: results.length,
    steps: checked.length,
    proved,
    result: main.steps[main.steps.length - 1]?.expr ?? "",
    ms: { explain: t1 - t0, verify: t2 - t1 },
  };
}

/**
 * The strategy that matches a hand-written derivation, for "Show the kit's derivation": the
 * rule its first `differentiate` step names (quotient, chain or product rule), else "auto".
 *
 * @param steps the derivation's steps (kind and rule)
 * @returns the strategy
 */
export function strategyOfSteps(steps: readonly { kind: string; rule?: string }[]): ExplainStrategy {
  const rule = steps.find((s) => s.kind === "differentiate")?.rule ?? "";
  const m = /\b(quotient|chain|product) rule\b/i.exec(rule);
  return m ? (m[1].toLowerCase() as ExplainStrategy) : "auto";
}
