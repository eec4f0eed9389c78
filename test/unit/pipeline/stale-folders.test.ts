import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { markOwner, OWNER_FILE, sweepStaleFolders, trackFolder } from "../../../lib/pipeline/interrupt";
import { tempDir } from "./helpers";

const s = suite("sweepStaleFolders: what a SIGKILLed build left in the temporary folder");

/** The pid of a process that has exited (a child that ran and ended). */
function deadPid(): number {
  const { pid } = spawnSync("sh", ["-c", "exit 0"]);
  assert.ok(Number.isInteger(pid) && pid > 0, `a pid: ${pid}`);
  return pid;
}

s(
  "should delete the build folders of processes that are gone, and keep live ones, unowned ones and other folders",
  () => {
    const tmp = tempDir("stepwise-sweep-");
    const make = (name: string, owner?: number): string => {
      const dir = path.join(tmp, name);
      mkdirSync(path.join(dir, "node_modules"), { recursive: true });
      if (owner !== undefined) writeFileSync(path.join(dir, OWNER_FILE), String(owner));
      return dir;
    };
    const dead = deadPid();
    const staleRun = make("stepwise-run-aaaaaa", dead);
    const staleExec = make("stepwise-exec-bbbbbb", dead);
    const live = make("stepwise-run-cccccc", process.pid);
    const unowned = make("stepwise-exec-dddddd");
    const other = make("not-stepwise-eeeeee", dead);
    assert.equal(sweepStaleFolders(tmp).sort(), [staleExec, staleRun].sort());
    assert.not.ok(existsSync(staleRun));
    assert.not.ok(existsSync(staleExec));
    for (const kept of [live, unowned, other]) assert.ok(existsSync(kept), kept);
    assert.equal(sweepStaleFolders(tmp), [], "nothing left to sweep");
    assert.equal(sweepStaleFolders(path.join(tmp, "no-such-folder")), []);
  },
);

s(
  "should have markOwner write the owner file that names this process, and trackFolder write nothing (a tracked folder may become the site)",
  () => {
    const dir = tempDir("stepwise-run-owned-");
    markOwner(dir);
    assert.is(require("node:fs").readFileSync(path.join(dir, OWNER_FILE), "utf8"), String(process.pid));
    const site = tempDir("stepwise-site-");
    const untrack = trackFolder(site);
    assert.equal(require("node:fs").readdirSync(site), []);
    untrack();
  },
);

s.run();
