import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { nearestOption } from "../../../lib/pipeline/cli";
import { ROOT } from "./helpers";

const s = suite("nearestOption and the CLI's unknown-option message");
const USAGE = "stepwise build [--out DIR] [--title TEXT] [--jobs N] [--no-cache]\nstepwise serve [--port N]";

s("should name the nearest option for a typo, a missing letter or a prefix, and none for something far", () => {
  assert.is(nearestOption("--outt", USAGE), "--out");
  assert.is(nearestOption("--prot", USAGE), "--port");
  assert.is(nearestOption("--no-cach", USAGE), "--no-cache");
  assert.is(nearestOption("--titel=x", USAGE), "--title");
  assert.is(nearestOption("--zzzzzz", USAGE), undefined);
  assert.is(nearestOption("-q", USAGE), undefined);
});

s("should say it on the command line, with exit status 2", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "stepwise.js"), "build", "notebooks", "--outt", "x"], {
    encoding: "utf8",
  });
  assert.is(r.status, 2);
  assert.ok(r.stderr.startsWith("stepwise: unknown option --outt (did you mean --out?)\n"), r.stderr.slice(0, 200));
});

s.run();
