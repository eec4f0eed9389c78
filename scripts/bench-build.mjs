// The pipeline's speed goals (issue 13), measured in one run on the same notebooks:
//   cold build / nbconvert        wall time of `stepwise build` with an empty execution cache, over
//                                 `jupyter nbconvert --execute --to html` (one process, sequential)
//   warm rebuild after a markdown edit / nbconvert
//                                 the same build again after a markdown cell changed (the cache hits)
//   live preview                  `stepwise dev`: from saving a markdown cell to the reloaded page
//   code-cell edit                `stepwise dev`: from saving a code edit (a cell added) to the reloaded page
//                                 showing its output in Chromium, median of 3, beside nbconvert of that one
//                                 notebook, with the breakdown of each edit (scripts/bench-loop.mjs)
//   cold CPU / nbconvert CPU      user+system CPU of the whole process tree of each (getrusage of waited children)
// Called from scripts/bench.mjs; needs a compiled dist/.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_LAUNCH } from "./bench-browser.mjs";
import { benchLoop } from "./bench-loop.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Runs a command and returns its wall time and the CPU time of its whole (waited) process tree, in seconds. */
function measured(command, args, env) {
  const probe = [
    "import json, resource, subprocess, sys, time",
    "t = time.monotonic()",
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)",
    "wall = time.monotonic() - t",
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)",
    "print(json.dumps({'status': r.returncode, 'wall': wall, 'cpu': u.ru_utime + u.ru_stime, 'stderr': r.stderr.decode()[-600:]}))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", probe, command, ...args], { env, encoding: "utf8" });
  const result = JSON.parse(r.stdout.trim().split("\n").pop());
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return result;
}

/**
 * The nbconvert to compare the build with: the one of the Python the build itself executes
 * notebooks with (`findPython`: $STEPWISE_PYTHON, else .venv, else Debian's), so that both
 * run the same nbclient; Debian's `jupyter nbconvert` when that Python has none.
 * @returns {{ command: string, args: string[], label: string } | null} null when there is no nbconvert at all
 */
export function nbconvertCommand() {
  const { findPython } = require(path.join(root, "dist", "pipeline", "jupyter-env.js"));
  let python;
  try {
    python = findPython();
  } catch {
    python = undefined;
  }
  if (python) {
    const v = spawnSync(
      python,
      ["-c", "import nbconvert, nbclient; print(nbconvert.__version__, nbclient.__version__)"],
      { encoding: "utf8" },
    );
    if (v.status === 0) {
      const [nbconvert, nbclient] = v.stdout.trim().split(" ");
      return {
        command: python,
        args: ["-m", "nbconvert"],
        label: `nbconvert ${nbconvert} (nbclient ${nbclient}) of ${path.relative(root, python) || python}, the build's own Python`,
      };
    }
  }
  const debian = spawnSync("/usr/bin/jupyter-nbconvert", ["--version"], { encoding: "utf8" });
  if (debian.status === 0)
    return {
      command: "/usr/bin/jupyter",
      args: ["nbconvert"],
      label: `Debian's nbconvert ${debian.stdout.trim()} (/usr/bin/jupyter)`,
    };
  return null;
}

/** Appends a sentence to the first markdown cell of a notebook file. */
function editMarkdown(file, text) {
  const nb = JSON.parse(readFileSync(file, "utf8"));
  const cell = nb.cells.find((c) => c.cell_type === "markdown");
  cell.source = [].concat(cell.source).join("") + `\n\n${text}`;
  writeFileSync(file, JSON.stringify(nb, null, 1));
}

/**
 * Prints the four figures for the notebooks of `dir` (copied to a scratch folder inside the project,
 * so that they import "stepwise" as in notebooks/).
 */
export async function benchBuild(dir) {
  const { listNotebooks } = require(path.join(root, "dist", "pipeline", "build.js"));
  const { jupyterEnv } = require(path.join(root, "dist", "pipeline", "jupyter-env.js"));
  const { startDev } = require(path.join(root, "dist", "pipeline", "dev.js"));
  const launchChromium = () => require("playwright-core").chromium.launch(CHROMIUM_LAUNCH);
  mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
  const work = mkdtempSync(path.join(root, "test-artifacts", "bench-"));
  try {
    const nbDir = path.join(work, "notebooks");
    cpSync(dir, nbDir, { recursive: true, filter: (p) => !p.includes(".ipynb_checkpoints") });
    const files = listNotebooks(nbDir);
    const cache = path.join(work, "cache");
    const bin = path.join(root, "bin", "stepwise.js");
    const build = (out) =>
      measured(
        process.execPath,
        [bin, "build", nbDir, "--out", path.join(work, out), "--cache-dir", cache],
        process.env,
      );

    console.log(
      `2b. cached execution and live preview: ${files.length} notebooks, a fresh cold build and nbconvert measured again here`,
    );
    const cold = build("site-cold");
    // the same cold build one notebook at a time: what running two kernels at once buys on this machine
    const single = measured(
      process.execPath,
      [
        bin,
        "build",
        nbDir,
        "--out",
        path.join(work, "site-cold-1"),
        "--cache-dir",
        path.join(work, "cache-1"),
        "--jobs",
        "1",
      ],
      process.env,
    );
    const converter = nbconvertCommand();
    if (!converter) {
      console.log(
        "   no nbconvert to compare with (neither the build's Python nor Debian's jupyter-nbconvert has one): ratios skipped\n",
      );
      return;
    }
    console.log(`   compared with ${converter.label}`);
    const nb = measured(
      converter.command,
      [
        ...converter.args,
        "--execute",
        "--to",
        "html",
        "--output-dir",
        path.join(work, "nbconvert"),
        ...files.map((f) => path.join(nbDir, f)),
      ],
      jupyterEnv(),
    );
    editMarkdown(path.join(nbDir, files[files.length - 1]), "An edit made by the bench.");
    const warm = build("site-warm");
    const r = (a, b) => (a / b).toFixed(3);
    console.log(
      `   cold build / nbconvert: ${r(cold.wall, nb.wall)}   (stepwise ${cold.wall.toFixed(2)} s, nbconvert ${nb.wall.toFixed(2)} s; goal ≤ 0.5)`,
    );
    console.log(
      `   warm rebuild after a markdown edit / nbconvert: ${r(warm.wall, nb.wall)}   (${warm.wall.toFixed(2)} s; goal ≤ 0.05)`,
    );
    console.log(
      `   cold CPU / nbconvert CPU: ${r(cold.cpu, nb.cpu)}   (stepwise ${cold.cpu.toFixed(2)} s, nbconvert ${nb.cpu.toFixed(2)} s; goal ≤ 1)`,
    );
    console.log(
      `   cold build with --jobs 1 / nbconvert: ${r(single.wall, nb.wall)}   (${single.wall.toFixed(2)} s, CPU ${single.cpu.toFixed(2)} s; ${os.availableParallelism()} cores here, the default runs that many notebooks at once: ${(single.wall / cold.wall).toFixed(2)}× faster)`,
    );

    // live preview: save a markdown edit, wait for the open page to show it after its reload
    const devLines = [];
    const dev = await startDev({
      notebooksDir: nbDir,
      out: path.join(work, "site-dev"),
      port: 0,
      libDir: null,
      cacheDir: cache,
      log: (line) => devLines.push({ line, at: process.hrtime.bigint() }),
    });
    const browser = await launchChromium();
    try {
      const target = files[0];
      const page = await browser.newPage();
      await page.goto(dev.url + target.replace(/\.ipynb$/, ".html"));
      const delays = [];
      for (let k = 1; k <= 3; k++) {
        const marker = `live-edit-${k}-${Date.now()}`;
        const reloaded = page.waitForEvent("load", { timeout: 60_000 });
        const t = process.hrtime.bigint();
        editMarkdown(path.join(nbDir, target), marker);
        await reloaded;
        await page.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 60_000 });
        delays.push(Number(process.hrtime.bigint() - t) / 1e9);
      }
      const median = [...delays].sort((a, b) => a - b)[1];
      console.log(
        `   live preview, markdown save → reloaded page: ${median.toFixed(2)} s   (median of ${delays.map((d) => d.toFixed(2)).join(", ")}; goal ≤ 1.5 s)`,
      );

      // the author's loop: a code-cell edit re-executes the notebook, then the page reloads
      const { NotebookExecutor } = require(path.join(root, "dist", "pipeline", "execute-notebook.js"));
      await benchLoop({
        dev,
        lines: devLines,
        page,
        file: path.join(nbDir, target),
        nbconvert: () =>
          measured(
            converter.command,
            [
              ...converter.args,
              "--execute",
              "--to",
              "html",
              "--output-dir",
              path.join(work, "nbconvert-one"),
              path.join(nbDir, target),
            ],
            jupyterEnv(),
          ),
        coldRun: async (file) => {
          const executor = new NotebookExecutor();
          try {
            return await executor.run(file, path.join(work, "cold-one.ipynb"));
          } finally {
            await executor.close();
          }
        },
      });
    } finally {
      await browser.close();
      await dev.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
