import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildLibOnce } from "../shared";
import { executedTutorials } from "./run-notebooks";
import { verifierClaimMismatches, type ClaimCell } from "./verifier-claims";

const test = suite("the tutorials' prose about the verifier");

test("should agree with the verdicts shown below or above it (tier, points, digits) in every tutorial", async () => {
  buildLibOnce();
  const executed = await executedTutorials();
  assert.ok(executed.size >= 8, `${executed.size} tutorials`);
  const problems = [...executed].flatMap(([name, cells]) =>
    verifierClaimMismatches(cells as unknown as ClaimCell[], name).map(
      (m) => `${name}, cell ${m.cell}: “${m.sentence}” ${m.problem}`,
    ),
  );
  assert.equal(problems, []);
});

test.run();
