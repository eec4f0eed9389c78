/**
 * Writes test/fixtures/notebook-derivations.json: the spec of every derivation the tutorials
 * show (their executed `application/vnd.stepwise.derivation+json` outputs, from the execution
 * cache or a run under tslab), with its notebook and whether it is a deliberate mistake. The unit
 * tests read it (test/unit/derive/hint/notebook-hints.test.ts) without running a kernel;
 * test/notebooks/derivations.test.ts fails when it is not what the notebooks show.
 *
 * Usage: npx tsx scripts/notebook-derivations-fixture.ts
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { listNotebooks } from "../lib/pipeline/build";
import { compileLibSync } from "../lib/pipeline/compile-lib";
import { executedDerivations } from "../lib/pipeline/executed-derivations";
import { notebookDerivationsFixture } from "../test/notebook-derivations-fixture";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  compileLibSync();
  const dir = path.join(root, "notebooks");
  const fixture = notebookDerivationsFixture(await executedDerivations(dir, listNotebooks(dir)));
  const file = path.join(root, "test", "fixtures", "notebook-derivations.json");
  writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
  console.log(`${fixture.length} derivations written to ${path.relative(root, file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
