import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NotebookExecutor } from "../../lib/pipeline/execute-notebook";
import { kitImportEnv } from "../../lib/pipeline/kit-link";
import { tempFolder } from "../temp-folders";
import { executedTutorials, NOTEBOOK_DIR, readCells, tutorialNames } from "./run-notebooks";

const s = suite("every tutorial in a spare kernel (stepwise dev) as in a kernel started for it (npm start)");

s("should give every cell the same outputs and execution count", async () => {
  const cold = await executedTutorials(); // the build's own runs, each in a kernel started for it
  const work = tempFolder("stepwise-spare-tutorials-");
  const executor = new NotebookExecutor(kitImportEnv(NOTEBOOK_DIR));
  try {
    const names = tutorialNames();
    executor.warm([path.join(NOTEBOOK_DIR, names[0])], "tutorials");
    for (const name of names) {
      const out = path.join(work, name);
      const r = await executor.run(path.join(NOTEBOOK_DIR, name), out, { spare: "tutorials" });
      assert.is(r.timings.spare, true, `${name} ran in a spare kernel`);
      const spare = readCells(out).map((c) => [c.outputs ?? null, c.execution_count ?? null]);
      const expected = cold.get(name)!.map((c) => [c.outputs ?? null, c.execution_count ?? null]);
      assert.equal(spare, expected, `${name}: outputs differ between a spare kernel and a cold one`);
    }
  } finally {
    await executor.close();
  }
});

s.run();
