/**
 * npm run mutants: the soundness measurement of the verifier on every derivation the
 * tutorials show, exercises included. The derivations come from the notebooks
 * themselves: the `application/vnd.stepwise.derivation+json` outputs of the executed
 * tutorials (run under tslab, or taken from the build's execution cache, .stepwise-cache/,
 * when neither their code nor the lib changed), each rebuilt from its spec with derive(). A derivation
 * shown with expectFailure (a deliberate mistake) is left out. Prints one summary line,
 *   "M mutants, R rejected; T true steps, A accepted"
 * then any survivors or false alarms, and exits 1 unless R = M, A = T and M ≥ 2000.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { derivationFromSpec } from "../lib/derive/from-spec";
import type { DerivationSpec } from "../lib/derive/spec";
import { runMutationTest } from "../tooling/mutation/mutation-test";
import { listNotebooks } from "../lib/pipeline/build";
import { executedDerivations } from "../lib/pipeline/executed-derivations";

const ROOT = path.resolve(__dirname, "..");

async function main(): Promise<void> {
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  const dir = path.join(ROOT, "notebooks");
  const shown = (await executedDerivations(dir, listNotebooks(dir))).filter((d) => !d.payload.expectFailure);
  const specs = shown.map((d) => derivationFromSpec(d.payload.spec as DerivationSpec).spec);
  const r = runMutationTest(specs);
  console.log(`${r.mutants} mutants, ${r.rejected} rejected; ${r.trueSteps} true steps, ${r.accepted} accepted`);
  console.log(`(${specs.length} derivations from ${new Set(shown.map((d) => d.notebook)).size} notebooks; ${r.proved} of ${r.trueSteps} true steps proved by the exact tier; ${r.equivalent} equivalent mutants discarded before testing; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
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
