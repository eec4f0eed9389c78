import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import type { ServerResponse } from "node:http";
import * as path from "node:path";
import { escapeHtml } from "../outputs/escape";
import { readNotebook, type Notebook } from "../notebook/nbformat";
import { folderTitle, renderSite } from "../site/render/render-site";
import { serveSite } from "./serve";
import { SITE_MARKER } from "./atomic-dir";
import { executeNotebooks, listNotebooks, pageNoun, readIntro } from "./build";
import { DEFAULT_CACHE_DIR } from "./cache";
import { compileLib } from "./compile-lib";
import { NotebookExecutor, type RunTimings } from "./execute-notebook";
import { kitImportEnv } from "./kit-link";
import { PROJECT_ROOT } from "./jupyter-env";
import { liveClientScript } from "../site/bundles/browser-bundles";

/** Options of {@link startDev}. */
export interface DevOptions {
  /** The notebooks' folder (watched, subfolders included). */
  notebooksDir: string;
  /** Where the preview site is written; default a folder under the kit's .stepwise-cache/dev/. */
  out?: string;
  /** Site title; default the folder's own title (`folderTitle`). */
  title?: string;
  /** Port on 127.0.0.1, default 8080 (0: any free port). */
  port?: number;
  /** Seconds per cell, default 180. */
  timeout?: number;
  /** Notebooks executed at once. */
  jobs?: number;
  /** The lib's sources, watched; a change recompiles dist/ and re-executes every notebook. Default the kit's lib/ (null: not watched). */
  libDir?: string | null;
  /** Execution cache folder (see buildSite). */
  cacheDir?: string;
  /** Milliseconds of quiet after a change before rebuilding, default 80. */
  debounceMs?: number;
  /** Receives one line per event, from the first second: serving, each build's start, each notebook done, build done or failed. */
  log?: (line: string) => void;
}

/** What one rebuild did. */
export interface DevBuild {
  ok: boolean;
  /** Notebooks whose pages were written (relative paths). */
  pages: string[];
  /** Of those, the ones that were executed (not from the cache). */
  executed: string[];
  error?: string;
  seconds: number;
  /** Seconds of its phases: executing (or taking from the cache) and rendering the pages; with the executor's breakdown per executed notebook. */
  phases: { execute: number; render: number; runs: { file: string; timings: RunTimings }[] };
}

/** A running live preview. */
export interface DevSession {
  /** e.g. "http://127.0.0.1:8080/". */
  url: string;
  out: string;
  /** The last rebuild, and a promise for the next one to finish. */
  last(): DevBuild | undefined;
  nextBuild(): Promise<DevBuild>;
  /** Resolves once the spare kernels the session keeps have started (see NotebookExecutor.sparesReady). */
  sparesReady(): Promise<void>;
  close(): Promise<void>;
}

/** The page shown while no site could be built yet. */
function placeholder(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stepwise dev</title></head><body><h1>stepwise dev</h1><pre>${escapeHtml(message)}</pre></body></html>`;
}

/**
 * The live preview (`stepwise dev`): builds the site (executions from the cache
 * where valid), serves it on 127.0.0.1 with a small script in every page, and
 * watches the notebooks' folder and lib/. A saved notebook is re-read; it is
 * re-executed only if its code cells changed (the execution cache decides) and
 * only its page (and the index) is written again; a change in lib/ recompiles
 * dist/ (tsc) and re-executes the notebooks (the lib is an input of every
 * notebook's cache key). Then the open pages reload. A
 * failing build keeps the server and the last good pages, and shows the error
 * (notebook, cell, message) in a box over the page.
 *
 * @param options see {@link DevOptions}
 * @returns the session, once the first build finished (failed or not) and the server listens
 * @throws Error when the notebooks' folder does not exist or the port is taken
 */
export async function startDev(options: DevOptions): Promise<DevSession> {
  const dir = path.resolve(options.notebooksDir);
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const out = path.resolve(
    options.out ?? path.join(DEFAULT_CACHE_DIR, "dev", createHash("sha256").update(dir).digest("hex").slice(0, 16)),
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, SITE_MARKER), "{}\n");
  const log = options.log ?? (() => undefined);
  const libDir = options.libDir === undefined ? path.join(PROJECT_ROOT, "lib") : options.libDir;
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown): void => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  let files: string[] = [];
  let sources: Notebook[] = [];
  const executed = new Map<string, Notebook>();
  let lastBuild: DevBuild | undefined;
  let assetsCopied = false;
  /** The pages of the last build, by notebook (site-relative paths). */
  let written = new Map<string, string>();
  let rendered = false;
  let waiting: ((b: DevBuild) => void)[] = [];
  /** The rebuild under way, told to pages that connect meanwhile: what it does, and the notebooks done so far. */
  let building: { what: string; done: number; total: number } | null = null;
  /** One executor for the session: it keeps a spare kernel ready, so that a code edit skips the kernel's start-up. */
  const executor = new NotebookExecutor(kitImportEnv(dir));

  /** Rebuilds the given notebooks (all when `all`), writes their pages and the index. */
  const rebuild = async (changed: Set<string>, all: boolean, lib: boolean): Promise<DevBuild> => {
    const t = process.hrtime.bigint();
    let build: DevBuild;
    const phases: DevBuild["phases"] = { execute: 0, render: 0, runs: [] };
    const started = (what: string, total: number): void => {
      building = { what, done: 0, total };
      log(`stepwise dev: ${what}…`);
      send("building", building);
    };
    try {
      if (lib && libDir) {
        started("lib/ changed: compiling it to dist/", 0);
        await compileLib();
      }
      const listed = listNotebooks(dir, [out]);
      const structure = listed.join("\n") !== files.join("\n");
      files = listed;
      sources = files.map((f) => readNotebook(path.join(dir, f)));
      const todo = files.filter((f) => all || lib || structure || changed.has(f) || !executed.has(f));
      const executedNow: string[] = [];
      const executeStart = process.hrtime.bigint();
      if (todo.length > 0) {
        started(todo.length === 1 ? `rebuilding ${todo[0]}` : `rebuilding ${todo.length} notebooks`, todo.length);
        const idx = todo.map((f) => files.indexOf(f));
        const r = await executeNotebooks(
          dir,
          todo,
          idx.map((i) => sources[i]),
          {
            timeout: options.timeout,
            jobs: options.jobs,
            cacheDir: options.cacheDir,
            executor,
            spare: true,
            onProgress: (p) => {
              if (!p.cached && !p.error) executedNow.push(p.file);
              if (p.timings) phases.runs.push({ file: p.file, timings: p.timings });
              const how = p.error
                ? `failed after ${p.seconds.toFixed(1)} s`
                : p.cached
                  ? "from the cache (code unchanged)"
                  : `executed in ${p.seconds.toFixed(1)} s${p.timings ? ` (${describeTimings(p.timings)})` : ""}`;
              log(`  [${p.done}/${p.total}] ${p.error ? "✗" : "✓"} ${p.file}  ${how}`);
              if (building) building.done = p.done;
              send("progress", { file: p.file, done: p.done, total: p.total, ok: !p.error });
            },
          },
        );
        todo.forEach((f, k) => executed.set(f, r.executed[k]));
      }
      phases.execute = seconds(executeStart);
      const renderStart = process.hrtime.bigint();
      const pages = structure || all || lib ? files : todo;
      const site = await renderSite(
        files.map((file, i) => ({ file, source: sources[i], executed: executed.get(file) ?? sources[i] })),
        out,
        {
          title: options.title ?? folderTitle(dir),
          noun: pageNoun(dir),
          introMarkdown: readIntro(dir),
          sourceDir: dir,
          only: new Set(pages),
          assets: !assetsCopied || structure,
          cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
        },
      );
      assetsCopied = true;
      rendered = true;
      // a notebook deleted (or renamed) since the last build: its page and its download copy go too
      const now = new Map(site.map((p) => [p.file, p.page]));
      for (const [file, page] of written) {
        if (now.get(file) === page) continue;
        rmSync(path.join(out, page), { force: true });
        if (!now.has(file)) {
          rmSync(path.join(out, "notebooks", file), { force: true });
          executed.delete(file);
        }
      }
      written = now;
      phases.render = seconds(renderStart);
      build = { ok: true, pages, executed: executedNow, seconds: seconds(t), phases };
      log(
        `stepwise dev: rebuilt ${pages.length} page(s) (${executedNow.length} executed) in ${build.seconds.toFixed(2)} s`,
      );
      send("reload", { pages });
    } catch (err) {
      const message = (err as Error).message;
      build = { ok: false, pages: [], executed: [], error: message, seconds: seconds(t), phases };
      log(`stepwise dev: build failed: ${message}`);
      if (!rendered) writeFileSync(path.join(out, "index.html"), placeholder(message));
      send("failed", { message });
    }
    building = null;
    lastBuild = build;
    const w = waiting;
    waiting = [];
    for (const f of w) f(build);
    return build;
  };

  // listen first, so that a taken port is reported before a long first build
  if (!existsSync(path.join(out, "index.html"))) writeFileSync(path.join(out, "index.html"), placeholder("building…"));
  let liveClientJs: string | undefined; // bundled on the first request
  const server = await serveSite(out, {
    port: options.port ?? 8080,
    injectHtml: '<script defer src="/__stepwise/live.js"></script>\n',
    handle: (req, res) => {
      const url = (req.url ?? "").split("?")[0];
      if (url === "/__stepwise/live.js") {
        res
          .writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" })
          .end((liveClientJs ??= liveClientScript()));
        return true;
      }
      if (url === "/__stepwise/events") {
        res.writeHead(200, {
          "Content-Type": "text/event-stream",
          "Cache-Control": "no-cache",
          Connection: "keep-alive",
        });
        res.write(
          `event: state\ndata: ${JSON.stringify({ error: lastBuild?.ok === false ? lastBuild.error : null, building })}\n\n`,
        );
        clients.add(res);
        res.on("close", () => clients.delete(res));
        return true;
      }
      return false;
    },
  });

  log(
    `stepwise dev: serving ${out} at ${server.url} — the first build is under way; open pages show its progress and reload when it is done`,
  );
  await rebuild(new Set(), true, false);

  // watching: changes are collected, then one rebuild runs after a quiet moment; changes during a rebuild queue the next
  let pending = new Set<string>();
  let pendingLib = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      const lib = pendingLib;
      pending = new Set();
      pendingLib = false;
      running = running.then(() => rebuild(changed, false, lib));
    }, options.debounceMs ?? 80);
  };
  const watchers: FSWatcher[] = [];
  watchers.push(
    watch(dir, { recursive: true }, (_e, name) => {
      if (!name) return;
      const rel = String(name).split(path.sep).join("/");
      if (rel.split("/").some((p) => p.startsWith(".")) || path.join(dir, rel).startsWith(out + path.sep)) return;
      if (!/\.(ipynb|md|png|jpe?g|gif|svg|webp)$/i.test(rel)) return;
      pending.add(rel);
      schedule();
    }),
  );
  if (libDir && existsSync(libDir)) {
    watchers.push(
      watch(libDir, { recursive: true }, (_e, name) => {
        if (!name || !String(name).endsWith(".ts")) return;
        pendingLib = true;
        schedule();
      }),
    );
  }
  log(
    `stepwise dev: watching ${dir}${libDir ? ` and ${libDir}` : ""}; saving a notebook rebuilds its page (Ctrl-C to stop)`,
  );

  return {
    url: server.url,
    out,
    last: () => lastBuild,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    sparesReady: () => executor.sparesReady(),
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await server.close();
      await executor.close();
    },
  };
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** "spare kernel, cells 1.2 s" or "kernel start 5.1 s, cells 2.3 s": where a run's time went. */
function describeTimings(t: RunTimings): string {
  const cells = t.cells.reduce((a, b) => a + b, 0);
  const kernel = t.spare ? "spare kernel" : `kernel start ${(t.kernel ?? 0).toFixed(1)} s`;
  return `${kernel}, cells ${cells.toFixed(1)} s`;
}
