/**
 * The no-worse check of a change to explain(): every explain() output of the bench's functions
 * (the three sets of scripts/bench-explain.ts) under every strategy, saved, and later compared.
 *
 *   npx tsx scripts/explain-snapshot.ts save <file>      writes the outputs (JSON, one entry per
 *                                                        function × strategy: the specs of the
 *                                                        parts and of the derivation, or the error)
 *   npx tsx scripts/explain-snapshot.ts compare <file>   regenerates them and compares: an entry is
 *                                                        "same" (byte-identical), "no worse" (the final
 *                                                        form has no more nodes, formSize, and every
 *                                                        step of it and of its parts is verified and
 *                                                        proved by the exact tier), or "WORSE"
 *
 * compare exits 1 when any entry is worse, listing each with the function, the strategy and why.
 * `--only <text>` keeps the functions whose name contains it; `--functions <file.json>` takes the
 * functions of that file ({ functions: [{ name, f, wrt, domain }] }) instead of the bench's;
 * `--generated <n>` adds the first n functions of the bench's generated set (its seed).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Derivation } from "../lib/derive/derive";
import { formSize } from "../lib/derive/explain/algebra";
import { type ExplainStrategy, explainSteps, SELF_CHECK_SAMPLES } from "../lib/derive/explain/explain";
import { math } from "../lib/derive/expression";
import { type CorpusFunction, readExplainCorpus } from "./explain-corpus";
import { GENERATED_SEED, generatedFunctions } from "./explain-generated-functions";

type Fn = Omit<CorpusFunction, "set">;
/** One function × strategy: the derivation as data, or the error explain() threw. */
interface Entry {
  key: string;
  output: string;
}

const STRATEGIES: ExplainStrategy[] = ["auto", "quotient", "chain", "product"];
const [mode, file] = process.argv.slice(2);
const only = process.argv.indexOf("--only");
const functionsFile = process.argv.indexOf("--functions");
const generated = process.argv.indexOf("--generated");
const fns: Fn[] = (
  functionsFile > 0
    ? (JSON.parse(readFileSync(process.argv[functionsFile + 1], "utf8")).functions as Fn[])
    : [
        ...readExplainCorpus(),
        ...generatedFunctions(generated > 0 ? Number(process.argv[generated + 1]) : 0, GENERATED_SEED),
      ]
).filter((fn) => only < 0 || fn.name.includes(process.argv[only + 1]));

/** The derivation and its parts as one JSON text (what the payload is built from). */
const asData = (d: Derivation): string => JSON.stringify({ parts: d.parts.map((p) => p.spec), spec: d.spec });

function run(fn: Fn, strategy: ExplainStrategy): { output: string; derivation?: Derivation } {
  try {
    const derivation = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name, strategy });
    return { output: asData(derivation), derivation };
  } catch (err) {
    return { output: `error: ${(err as Error).message}` };
  }
}

const finalSize = (output: string): number => {
  if (output.startsWith("error")) return Number.POSITIVE_INFINITY;
  const steps = (JSON.parse(output) as { spec: { steps: { expr: string }[] } }).spec.steps;
  return formSize(math.parse(steps[steps.length - 1].expr));
};

if (mode === "save" && file) {
  const entries: Entry[] = fns.flatMap((fn) =>
    STRATEGIES.map((s) => ({ key: `${fn.name} [${s}]`, output: run(fn, s).output })),
  );
  writeFileSync(file, JSON.stringify(entries, null, 1));
  console.log(`saved ${entries.length} outputs to ${file}`);
} else if (mode === "compare" && file) {
  const saved = new Map((JSON.parse(readFileSync(file, "utf8")) as Entry[]).map((e) => [e.key, e.output]));
  let same = 0;
  const better: string[] = [];
  const worse: string[] = [];
  for (const fn of fns)
    for (const s of STRATEGIES) {
      const key = `${fn.name} [${s}]`;
      const before = saved.get(key);
      const now = run(fn, s);
      if (before === now.output) {
        same++;
        continue;
      }
      const [a, b] = [before === undefined ? Number.POSITIVE_INFINITY : finalSize(before), finalSize(now.output)];
      if (!now.derivation) {
        worse.push(`${key}: ${now.output}`);
        continue;
      }
      const results = [...now.derivation.parts, now.derivation].map((p) => p.verify({ samples: SELF_CHECK_SAMPLES }));
      const unproved = results
        .flatMap((r) => r.steps.slice(1))
        .filter((st) => !st.ok || st.tier !== "proved")
        .map((st) => `${st.rule}: ${st.expr} (${st.ok ? st.tier : "✗"})`);
      if (b > a || unproved.length)
        worse.push(`${key}: size ${a} → ${b}${unproved.length ? `; ${unproved.join("; ")}` : ""}`);
      else better.push(`${key}: size ${a} → ${b}`);
    }
  console.log(`${same} byte-identical, ${better.length} changed and no worse, ${worse.length} worse`);
  for (const line of better) console.log(`  no worse: ${line}`);
  for (const line of worse) console.log(`  WORSE: ${line}`);
  process.exitCode = worse.length ? 1 : 0;
} else {
  console.error("usage: npx tsx scripts/explain-snapshot.ts save|compare <file> [--only <text>]");
  process.exitCode = 2;
}
