#!/usr/bin/env node
// Set-up for a fresh clone, run before `npm start` and `npm test` (prestart/pretest):
// installs the npm packages, Jupyter's executor (and, with --browser, Chromium), then
// builds the lib. Every step says what it does; a step that cannot be done stops with
// a message saying what to install by hand. Only Node built-ins are used here.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wantBrowser = process.argv.includes("--browser");

function fail(message) {
  console.error(`\nstepwise setup: ${message}`);
  process.exit(1);
}

function run(cmd, args, what) {
  console.log(`stepwise setup: ${what}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`${what} failed (${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}).`);
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) fail(`Node.js 20 or newer is needed, this is ${process.version}.`);

// 1. npm packages: `npm ci` when node_modules is missing or older than the lock file.
const lock = join(root, "package-lock.json");
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  run("npm", ["ci", "--no-audit", "--no-fund"], "installing npm packages");
}

// 2. Debian packages (only where missing): Jupyter's executor, and Chromium and the classic
//    Notebook server for the browser tests.
const canApt = process.platform === "linux" && existsSync("/usr/bin/apt-get") && process.getuid?.() === 0;
const hasNbclient = ["/usr/bin/python3", "python3"].some(
  (py) => spawnSync(py, ["-c", "import nbclient, nbformat, nbconvert"], { stdio: "ignore" }).status === 0,
) || (process.env.STEPWISE_PYTHON && spawnSync(process.env.STEPWISE_PYTHON, ["-c", "import nbclient"], { stdio: "ignore" }).status === 0);
const hasChromium = existsSync("/usr/bin/chromium");
// The classic Notebook server, which the frontend test (test/frontend) drives in Chromium.
const hasNotebook = existsSync("/usr/bin/jupyter-notebook");
const debs = [
  ...(hasNbclient ? [] : ["jupyter-nbconvert", "python3-nbclient", "python3-nbformat"]),
  ...(wantBrowser && !hasChromium ? ["chromium"] : []),
  ...(wantBrowser && !hasNotebook ? ["jupyter-notebook"] : []),
];
if (debs.length > 0) {
  if (!canApt) {
    fail(
      `missing: ${debs.join(", ")}. Install them yourself: on Debian/Ubuntu as root ` +
        `\`apt-get install -y ${debs.join(" ")}\`; elsewhere \`pip install nbclient nbformat nbconvert\`` +
        (wantBrowser ? ", a Chromium at /usr/bin/chromium and the classic Notebook at /usr/bin/jupyter-notebook (Debian's jupyter-notebook)" : "") +
        " (set STEPWISE_PYTHON to a Python that has nbclient).",
    );
  }
  run("apt-get", ["update", "-q"], "updating Debian's package lists");
  run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...debs], "installing Debian packages");
}

// 3. Build the lib (CommonJS + .d.ts in dist/), which the notebooks import as "stepwise".
run("npm", ["run", "--silent", "build"], "building the lib");
try {
  execFileSync("node", ["-e", "require('stepwise')"], { cwd: join(root, "notebooks"), stdio: "pipe" });
} catch (err) {
  fail(`the built lib does not load by name from notebooks/: ${String(err.stderr || err.message).trim()}`);
}
console.log("stepwise setup: ready.");
