import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../temp-folders";
import * as path from "node:path";
import { executeNotebook } from "../../lib/pipeline/execute-notebook";
import { plainTexts, readCells } from "./run-notebooks";

const s = suite("stepwise/engine in a tslab notebook");

s("should import the engine from the subpath beside the notebook API, one derive for both", async () => {
  const fixture = path.resolve(__dirname, "..", "fixtures", "engine-import.ipynb");
  const out = path.join(tempFolder("stepwise-engine-"), "out.ipynb");
  await executeNotebook(fixture, out);
  const text = plainTexts(readCells(out)).join("");
  assert.match(text, /^engine: true, ([1-9]\d*) of \1 steps hold\n$/);
});

s.run();
