import { lstatSync, mkdirSync, readlinkSync, realpathSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { linkKitInto, resolvesKit } from "../../../lib/pipeline/kit-link";
import { executeNotebook } from "../../../lib/pipeline/execute-notebook";
import { code, notebook, ROOT, stdoutOf, tempDir, writeNotebook } from "./helpers";

const s = suite("linkKitInto: a folder outside the kit imports stepwise in place (npm run lab -- --dir)");

s("should link FOLDER/node_modules/stepwise to the kit once, so that Node resolves the package there", () => {
  const dir = tempDir("stepwise-link-test-");
  assert.is(resolvesKit(dir), false);
  const link = linkKitInto(dir);
  assert.is(link, path.join(dir, "node_modules", "stepwise"));
  assert.ok(lstatSync(link!).isSymbolicLink());
  assert.is(realpathSync(readlinkSync(link!)), realpathSync(ROOT));
  const resolved = require.resolve("stepwise/package.json", { paths: [dir] });
  assert.is(realpathSync(path.dirname(resolved)), realpathSync(ROOT));
  assert.is(resolvesKit(dir), true);
  assert.is(linkKitInto(dir), null, "a second call finds the link and writes nothing");
  const sub = path.join(dir, "chapter-1");
  mkdirSync(sub);
  assert.is(linkKitInto(sub), null, "a subfolder resolves the kit through its parent's node_modules");
});

s("should let tslab compile and run a notebook there that imports stepwise", async () => {
  const dir = tempDir("stepwise-link-test-");
  linkKitInto(dir);
  writeNotebook(
    path.join(dir, "mine.ipynb"),
    notebook([code('import { sigmoid } from "stepwise";\nconsole.log(sigmoid(0))')]),
  );
  const r = await executeNotebook(path.join(dir, "mine.ipynb"), path.join(dir, "mine.out.ipynb"));
  assert.equal(stdoutOf(r.out), ["0.5\n"]);
});

s("should write nothing inside the kit itself", () => {
  assert.is(linkKitInto(path.join(ROOT, "notebooks")), null);
});

s("should refuse, naming the path, when node_modules/stepwise is something else", () => {
  const dir = tempDir("stepwise-link-test-");
  mkdirSync(path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "node_modules", "stepwise"), "not a package");
  assert.throws(
    () => linkKitInto(dir),
    (e: Error) =>
      e.message.includes(`${path.join(dir, "node_modules", "stepwise")} exists but is not a stepwise package`),
  );
});

s.run();
