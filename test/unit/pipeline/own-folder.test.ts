import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../../lib/pipeline/build";
import { compileLibSync } from "../../../lib/pipeline/compile-lib";
import { code, notebook, stdoutOf, writeNotebook } from "./helpers";

/** Every file below a folder, relative and sorted. */
const files = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile()).sort();

test("a folder outside the kit runs in place, as in JupyterLab: its working directory, ../ reads, ../lib imports, new and appended files, and `stepwise` imported without a file written there", async () => {
  compileLibSync(); // the notebooks import the built lib
  const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), "stepwise-own-folder-test-")));
  try {
    const nbs = path.join(base, "notebooks");
    mkdirSync(path.join(base, "lib"), { recursive: true });
    writeFileSync(path.join(base, "data.csv"), "a,b\n1,2\n");
    // compiled JS beside its declarations, as yunabe/tslab-examples keeps lib/mnist
    writeFileSync(path.join(base, "lib", "shapes.js"), "exports.side = 28;\n");
    writeFileSync(path.join(base, "lib", "shapes.d.ts"), "export declare const side: number;\n");
    writeNotebook(
      path.join(nbs, "01-effects.ipynb"),
      notebook([
        code(
          'import * as fs from "fs";\nconsole.log(process.cwd());\nconsole.log(fs.readFileSync("../data.csv", "utf8").trim());',
        ),
        code('import { side } from "../lib/shapes";\nconsole.log(side * 2);'),
        code('fs.writeFileSync("made.txt", "new\\n");\nfs.appendFileSync("log.txt", "second\\n");'),
        code(
          'import { sigmoid } from "stepwise";\nimport { derive } from "stepwise/engine";\nconsole.log(sigmoid(0), typeof derive);',
        ),
      ]),
    );
    writeNotebook(
      path.join(nbs, "more", "02-js.ipynb"),
      notebook(
        [
          code(
            'const fs = require("fs");\nconsole.log(process.cwd());\nconsole.log(fs.readFileSync("../../data.csv", "utf8").split("\\n")[1]);\nfs.writeFileSync("js-made.txt", "js\\n");\nconsole.log(require("stepwise").sigmoid(0));',
          ),
        ],
        {
          name: "jslab",
          language: "javascript",
        },
      ),
    );
    writeFileSync(path.join(nbs, "log.txt"), "first\n");
    const before = files(nbs);

    const executed = path.join(base, "executed");
    await buildSite({
      notebooksDir: nbs,
      out: path.join(base, "site"),
      cacheDir: path.join(base, "cache"),
      executedDir: executed,
      jobs: 2,
    });

    assert.equal(stdoutOf(path.join(executed, "01-effects.ipynb")), [
      `${nbs}\na,b\n1,2\n`,
      "56\n",
      "",
      "0.5 function\n",
    ]);
    assert.equal(stdoutOf(path.join(executed, "more", "02-js.ipynb")), [`${path.join(nbs, "more")}\n1,2\n0.5\n`]);
    assert.is(
      readFileSync(path.join(nbs, "made.txt"), "utf8"),
      "new\n",
      "a file the notebook creates is in its folder",
    );
    assert.is(readFileSync(path.join(nbs, "more", "js-made.txt"), "utf8"), "js\n");
    assert.is(
      readFileSync(path.join(nbs, "log.txt"), "utf8"),
      "first\nsecond\n",
      "an append changes the folder's file, as in JupyterLab",
    );
    assert.equal(
      files(nbs),
      [...before, "made.txt", path.join("more", "js-made.txt")].sort(),
      "nothing but the notebooks' own files is written into the folder",
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test.run();
