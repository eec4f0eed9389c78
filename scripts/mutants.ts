/**
 * npm run mutants: the soundness measurement of the verifier on every derivation the
 * tutorials show. Prints one summary line,
 *   "M mutants, R rejected; T true steps, A accepted"
 * then any survivors or false alarms, and exits 1 unless R = M, A = T and M ≥ 2000.
 */
import { allTutorialDerivations } from "../lib/derivations";
import { runMutationTest } from "../lib/derive/mutation-test";

const started = Date.now();
const specs = allTutorialDerivations().map((d) => d.spec);
const r = runMutationTest(specs);
console.log(`${r.mutants} mutants, ${r.rejected} rejected; ${r.trueSteps} true steps, ${r.accepted} accepted`);
console.log(`(${specs.length} derivations; ${r.proved} of ${r.trueSteps} true steps proved by the exact tier; ${r.equivalent} equivalent mutants discarded before testing; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
for (const m of r.survivors) console.log(`SURVIVED  ${m.derivation}, step ${m.step}: ${m.expr}`);
for (const m of r.falseAlarms) console.log(`REJECTED TRUE STEP  ${m.derivation}, step ${m.step}: ${m.expr}`);
const ok = r.rejected === r.mutants && r.accepted === r.trueSteps && r.mutants >= 2000;
if (!ok) console.log("FAIL: required R = M, A = T and M ≥ 2000");
process.exit(ok ? 0 : 1);
