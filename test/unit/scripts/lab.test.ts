import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT } from "../../shared";

/** Runs scripts/lab.mjs with arguments it must refuse before starting anything. */
function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "lab.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, stderr: r.stderr };
}

const s = suite("npm run lab: arguments");

s("should refuse a token on the command line, where ps shows it to every user", () => {
  for (const flag of ["--ServerApp.token=secret", "--NotebookApp.token=secret", "--IdentityProvider.token=secret"]) {
    const r = lab(flag);
    assert.is(r.status, 1, flag);
    assert.match(r.stderr, "pass the token as JUPYTER_TOKEN in the environment");
    assert.not.match(r.stderr, "secret");
  }
});

s("should name the bad value of --port and --dir", () => {
  const port = lab("--port", "http");
  assert.is(port.status, 1);
  assert.match(port.stderr, '--port must be a whole number from 1 to 65535, got "http"');
  const dir = lab("--dir", "/no/such/folder");
  assert.is(dir.status, 1);
  assert.match(dir.stderr, '--dir must name an existing folder, got "/no/such/folder"');
});

s.run();
