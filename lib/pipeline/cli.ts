import * as path from "node:path";
import { parseArgs } from "node:util";
import { serveSite } from "./serve";
import { existsSync, statSync } from "node:fs";
import { SITE_MARKER } from "./atomic-dir";
import { buildSite } from "./build";
import { startDev } from "./dev";
import { exitCleanlyOnSignals, interruptedBy } from "./interrupt";

const USAGE = `Usage:
  stepwise build [NOTEBOOKS_DIR] [--out DIR] [--title TEXT] [--jobs N] [--timeout SECONDS] [--no-cache] [--no-execute] [--keep-going]
      Execute every notebook of NOTEBOOKS_DIR (default: notebooks) and its subfolders under
      its Jupyter kernel and write a static site to DIR (default: site). The old site is
      replaced only on success. A notebook whose code cells, kernel, the built lib and the
      lockfile are unchanged is taken from the execution cache (.stepwise-cache/ in the kit);
      --no-cache executes everything. --keep-going runs every notebook even after one fails,
      then lists the failures (exit code 1; the old site stays).
  stepwise dev [NOTEBOOKS_DIR] [--out DIR] [--title TEXT] [--port N] [--timeout SECONDS]
      Live preview: build, serve on http://127.0.0.1:8080/, watch NOTEBOOKS_DIR and lib/,
      rebuild what changed and reload the open page; errors are shown in the page.
  stepwise serve [DIR] [--port N] [--host ADDRESS]
      Serve a built site (default: site) on http://127.0.0.1:8080/ until Ctrl-C.
  stepwise help`;

/** A mistake on the command line (exit code 2, usage shown). */
class UsageError extends Error {}

/** A positive integer option, or the default. */
function positiveInt(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

/** How to show a path to the user: relative to the working directory when inside it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/** `stepwise build`: runs the pipeline, prints a progress line per notebook and where the site is. */
async function build(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o", default: "site" },
      title: { type: "string" },
      jobs: { type: "string", short: "j" },
      timeout: { type: "string" },
      "no-execute": { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      "keep-going": { type: "boolean", default: false },
      "cache-dir": { type: "string" },
    },
  });
  if (positionals.length > 1) throw new UsageError(`expected one notebooks folder, got ${positionals.join(" ")}`);
  const dir = positionals[0] ?? "notebooks";
  const out = values.out ?? "site";
  const started = Date.now();
  // bad options here, a missing folder and a bad --out in buildSite: all reported before the first line of progress
  const jobs = positiveInt(values.jobs, "jobs");
  const timeout = positiveInt(values.timeout, "timeout");
  const result = await buildSite({
    onStart: () => console.log(`stepwise: building ${shown(path.resolve(out))}/ from ${shown(path.resolve(dir))}/`),
    notebooksDir: dir,
    out,
    title: values.title,
    jobs,
    timeout,
    execute: !values["no-execute"],
    cache: !values["no-cache"],
    keepGoing: values["keep-going"],
    cacheDir: values["cache-dir"],
    onProgress: (p) => {
      const width = String(p.total).length;
      const stopped = p.error && interruptedBy();
      const mark = stopped ? "■" : p.error ? "✗" : "✓";
      const what = stopped
        ? `stopped by ${stopped} after ${p.seconds.toFixed(1)} s`
        : p.error
          ? `failed after ${p.seconds.toFixed(1)} s`
          : p.cached
            ? "from the cache (code unchanged)"
            : `executed in ${p.seconds.toFixed(1)} s`;
      console.log(`  [${String(p.done).padStart(width)}/${p.total}] ${mark} ${p.file}  ${what}`);
    },
  });
  const charts = result.pages.reduce((n, p) => n + p.figures, 0);
  const where = shown(result.out);
  const bin = shown(path.resolve(__dirname, "..", "..", "bin", "stepwise.js"));
  console.log(
    [
      `stepwise: site written to ${where}/ — ${result.pages.length} page(s), ${charts} chart(s), in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(execute ${result.executeSeconds.toFixed(1)} s, render ${result.renderSeconds.toFixed(1)} s)`,
      `  open it:  node ${bin} serve ${where}    then visit http://127.0.0.1:8080/`,
      `       or:  python3 -m http.server --bind 127.0.0.1 --directory ${where} 8080`,
    ].join("\n"),
  );
  return 0;
}

/** `stepwise serve`: serves a site on the loopback interface until interrupted. */
async function serve(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: "string", short: "p", default: "8080" }, host: { type: "string", default: "127.0.0.1" } },
  });
  const dir = positionals[0] ?? "site";
  if (!existsSync(dir))
    throw new Error(
      `no such folder: ${path.resolve(dir)} — build a site first (stepwise build NOTEBOOKS_DIR --out ${dir})`,
    );
  const port = values.port === "0" ? 0 : positiveInt(values.port, "port");
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be from 0 to 65535, got ${port}`);
  if (
    statSync(dir).isDirectory() &&
    !existsSync(path.join(dir, "index.html")) &&
    !existsSync(path.join(dir, SITE_MARKER))
  ) {
    console.error(
      `stepwise: warning: ${shown(path.resolve(dir))}/ has no index.html and was not written by \`stepwise build\`; serving its files anyway`,
    );
  }
  const s = await serveSite(dir, { port, host: values.host });
  console.log(`stepwise: serving ${shown(path.resolve(dir))}/ at ${s.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => void s.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

/** `stepwise dev`: the live preview, until interrupted. */
async function dev(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      port: { type: "string", short: "p", default: "8080" },
      title: { type: "string" },
      timeout: { type: "string" },
      jobs: { type: "string", short: "j" },
    },
  });
  const dir = positionals[0] ?? "notebooks";
  const port = values.port === "0" ? 0 : positiveInt(values.port, "port");
  const session = await startDev({
    notebooksDir: dir,
    out: values.out,
    title: values.title,
    port,
    timeout: positiveInt(values.timeout, "timeout"),
    jobs: positiveInt(values.jobs, "jobs"),
    log: (line: string) => console.log(line),
  });
  exitCleanlyOnSignals(() => session.close());
  await new Promise<void>(() => undefined);
  return 0;
}

/**
 * The command line: `stepwise build …`, `stepwise serve …`, `stepwise dev …`, `stepwise help`.
 * During build and dev, Ctrl-C and SIGTERM stop every kernel and remove the temporary folders.
 * Errors are printed as one "stepwise: error: …" line (a failing notebook is
 * named with its cell number and message) and give exit code 1; usage errors
 * give exit code 2.
 *
 * @param argv the arguments after the program name
 * @returns the process exit code
 */
/** Options that take a number: "--timeout -5" is read as "--timeout=-5", so that the value is checked (and named) like any other. */
const NUMERIC: Record<string, string> = {
  "--timeout": "--timeout",
  "--jobs": "--jobs",
  "-j": "--jobs",
  "--port": "--port",
  "-p": "--port",
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...given] = argv;
  const rest: string[] = [];
  for (let i = 0; i < given.length; i++) {
    if (given[i] in NUMERIC && /^-\d/.test(given[i + 1] ?? "")) rest.push(`${NUMERIC[given[i]]}=${given[++i]}`);
    else rest.push(given[i]);
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (command === "build") {
      exitCleanlyOnSignals();
      return await build(rest);
    }
    if (command === "dev") return await dev(rest);
    if (command === "serve") return await serve(rest);
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    console.error(`stepwise: unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 2;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const given = /'(-[^']*)'/.exec(e.message)?.[1] ?? "";
      const near = nearestOption(given, USAGE);
      console.error(`stepwise: unknown option ${given}${near ? ` (did you mean ${near}?)` : ""}\n${USAGE}`);
      return 2;
    }
    if (e.code?.startsWith("ERR_PARSE_ARGS") || e instanceof UsageError) {
      console.error(`stepwise: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`stepwise: error: ${e.message}`);
    if (e.code === "EADDRINUSE")
      console.error("stepwise: that port is taken; choose another with --port N (or --port 0 for any free port).");
    if (command === "build") console.error("stepwise: the previous site, if any, was left unchanged.");
    return 1;
  }
}

/**
 * The option of a usage text nearest to a mistyped one, by edit distance (at most 2, or a
 * prefix of it): "--outt" → "--out", "--prot" → "--port".
 *
 * @param given the unknown option as typed, e.g. "--outt"
 * @param usage a usage text naming the options as --name
 * @returns the nearest option, or undefined when none is close
 */
export function nearestOption(given: string, usage: string): string | undefined {
  const options = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j];
        row[j] = next;
      }
    }
    return row[b.length];
  };
  const bare = given.replace(/=.*$/, "");
  const ranked = options
    .map((o) => ({ o, d: o.startsWith(bare) && bare.length > 3 ? 0.5 : distance(bare, o) }))
    .sort((x, y) => x.d - y.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].o : undefined;
}
