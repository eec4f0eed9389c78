import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildAtomically, SITE_MARKER } from "../../../lib/pipeline/atomic-dir";
import { tempDir } from "./helpers";

const s = suite("buildAtomically");

s("should create the folder with a marker and replace it on the next success", async () => {
  const out = path.join(tempDir(), "site");
  await buildAtomically(out, async (dir) => writeFileSync(path.join(dir, "index.html"), "one"));
  assert.is(readFileSync(path.join(out, "index.html"), "utf8"), "one");
  assert.ok(existsSync(path.join(out, SITE_MARKER)));
  await buildAtomically(out, async (dir) => writeFileSync(path.join(dir, "other.html"), "two"));
  assert.equal(readdirSync(out).sort(), [SITE_MARKER, "other.html"].sort());
  assert.equal(readdirSync(path.dirname(out)), ["site"], "no temporary or old folder is left");
});

s("should leave the previous site exactly as it was when filling fails", async () => {
  const out = path.join(tempDir(), "site");
  await buildAtomically(out, async (dir) => writeFileSync(path.join(dir, "index.html"), "old"));
  let seen = "";
  try {
    await buildAtomically(out, async (dir) => {
      seen = dir;
      writeFileSync(path.join(dir, "index.html"), "half-written");
      throw new Error("render failed");
    });
    assert.unreachable();
  } catch (err) {
    assert.is((err as Error).message, "render failed");
  }
  assert.is(path.dirname(seen), path.dirname(out), "the temporary folder is next to the output");
  assert.is(readFileSync(path.join(out, "index.html"), "utf8"), "old");
  assert.equal(readdirSync(path.dirname(out)), ["site"]);
});

s("should refuse to replace a non-empty folder it did not write", async () => {
  const out = path.join(tempDir(), "docs");
  mkdirSync(out);
  writeFileSync(path.join(out, "precious.txt"), "keep");
  let filled = false;
  try {
    await buildAtomically(out, async () => {
      filled = true;
    });
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /docs exists and was not written by stepwise/);
  }
  assert.not.ok(filled);
  assert.is(readFileSync(path.join(out, "precious.txt"), "utf8"), "keep");
});

s.run();
