/**
 * npm run mutants: the soundness measurement of the verifier on every derivation the
 * tutorials show, exercises included. The derivations come from the notebooks
 * themselves: the `application/vnd.stepwise.derivation+json` outputs of the executed
 * tutorials (run under tslab, or taken from the build's execution cache, .stepwise-cache/,
 * when neither their code nor the lib changed), each rebuilt from its spec with derive(). A derivation
 * shown with expectFailure (a deliberate mistake) is left out. The kit's own derivations of the
 * tutorials' functions (explain(), test/fixtures/explain-functions.json's "tutorials") join them.
 * Prints one summary line,
 *   "M mutants, R rejected; T true steps, A accepted"
 * then any survivors or false alarms, and exits 1 unless R = M, A = T and M ≥ 2000.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { derivationFromSpec } from "../lib/derive/from-spec";
import type { DerivationSpec } from "../lib/derive/spec";
import type { DomainSpec } from "../lib/derive/domain";
import { explain, type ExplainStrategy } from "../lib/derive/explain/explain";
import { runMutationTest } from "../tooling/mutation/mutation-test";
import { listNotebooks } from "../lib/pipeline/build";
import { compileLibSync } from "../lib/pipeline/compile-lib";
import { executedDerivations } from "../lib/pipeline/executed-derivations";

const ROOT = path.resolve(__dirname, "..");

/** A tutorial function of test/fixtures/explain-functions.json. */
interface Tutorial {
  notebook: string;
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
  strategy?: ExplainStrategy;
  target?: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  compileLibSync();
  const dir = path.join(ROOT, "notebooks");
  const shown = (await executedDerivations(dir, listNotebooks(dir))).filter((d) => !d.payload.expectFailure);
  const specs = shown.map((d) => derivationFromSpec(d.payload.spec as DerivationSpec).spec);
  // the kit's own derivations of the tutorials' functions (explain(), with its parts)
  const tutorials: Tutorial[] = JSON.parse(
    readFileSync(path.join(ROOT, "test", "fixtures", "explain-functions.json"), "utf8"),
  ).tutorials;
  for (const t of tutorials) {
    const d = explain(t.f, {
      name: t.name,
      wrt: t.wrt,
      domain: t.domain,
      strategy: t.strategy,
      target: t.target,
      title: `explain(${t.f}) by ${t.wrt}, notebook ${t.notebook}`,
    });
    specs.push(...d.parts.map((p) => p.spec), d.spec);
  }
  const r = runMutationTest(specs);
  console.log(`${r.mutants} mutants, ${r.rejected} rejected; ${r.trueSteps} true steps, ${r.accepted} accepted`);
  console.log(
    `(${specs.length} derivations from ${new Set(shown.map((d) => d.notebook)).size} notebooks; ${r.proved} of ${r.trueSteps} true steps proved by the exact tier; ${r.equivalent} equivalent mutants discarded before testing; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const m of r.survivors) console.log(`SURVIVED  ${m.derivation}, step ${m.step}: ${m.expr}`);
  for (const m of r.falseAlarms) console.log(`REJECTED TRUE STEP  ${m.derivation}, step ${m.step}: ${m.expr}`);
  const ok = r.rejected === r.mutants && r.accepted === r.trueSteps && r.mutants >= 2000;
  if (!ok) console.log("FAIL: required R = M, A = T and M ≥ 2000");
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
