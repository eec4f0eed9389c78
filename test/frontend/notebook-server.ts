import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import * as assert from "uvu/assert";
import { ROOT } from "../shared";
import { tempFolder } from "../temp-folders";
import type { Promised } from "./helpers";

/** Which frontend `npm run lab` starts: JupyterLab 4 (default), Notebook 7 (`--notebook`) or the classic Notebook (`--classic`). */
export type Frontend = "lab" | "notebook" | "classic";

/** A running Jupyter server started by {@link startNotebookServer} through the project's `npm run lab`. */
export interface NotebookServer {
  /** Base URL, e.g. "http://127.0.0.1:41234/" (loopback only). */
  base: string;
  port: number;
  /** The random token; every URL and API call carries it. */
  token: string;
  /** Everything the server printed so far (for failure messages). */
  log(): string;
  /** Shuts down the kernel session of one notebook (path relative to the notebook folder), if any. */
  closeSession(notebookPath: string): Promise<void>;
  /**
   * Stops the server (SIGTERM: it shuts its kernels down; SIGKILL to its process
   * group after 20 s), kills any process of it still alive, removes its private folders.
   * @returns the ids of the processes that were still alive and had to be killed
   */
  stop(): Promise<number[]>;
  /** Processes still alive that this server started (matched by its private runtime folder). */
  leftovers(): number[];
}

/** Whether `port` on 127.0.0.1 can be bound now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** Ports the frontend tests use first (the project's helpers share one machine, each with its own range). */
const PORTS = { from: 19000, to: 19099 };
let nextPort = PORTS.from + (process.pid % 50);

/** A free TCP port on 127.0.0.1: the next free one of {@link PORTS}, else one the OS hands out for port 0. */
export async function freePort(): Promise<number> {
  for (let n = 0; n <= PORTS.to - PORTS.from; n++) {
    const port = nextPort;
    nextPort = port >= PORTS.to ? PORTS.from : port + 1;
    if (await canBind(port)) return port;
  }
  return anyPort();
}

/** A free TCP port on 127.0.0.1, as the OS hands it out for port 0. */
function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `p` or `ms` milliseconds, whichever comes first, without keeping the process alive afterwards. */
async function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** Process ids whose command line mentions `needle` (Linux /proc), excluding this process. */
export function pidsMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(needle)) found.push(Number(name));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return found;
}

/**
 * Starts a Jupyter server the way a user does, with the project's command
 * (`node scripts/lab.mjs`, which `npm run lab` runs), in its own process group on
 * 127.0.0.1 at a free port, with a random token handed over in JUPYTER_TOKEN,
 * serving `notebookDir`, with private config, data and runtime folders (nothing
 * is written to ~/.jupyter or ~/.local), and waits until /api/status answers.
 *
 * @param notebookDir folder the server shows; kernels start in the notebook's folder
 * @param frontend which web UI lab.mjs starts
 * @param extra more options passed on to Jupyter
 * @param settings JupyterLab user settings by plugin id (e.g. "@jupyterlab/docmanager-extension:plugin"), written to the private config folder
 * @param timeoutMs how long to wait for the server to answer
 * @throws Error with the server's output when it exits early or does not answer in time
 */
export async function startNotebookServer(
  notebookDir: string,
  frontend: Frontend = "lab",
  extra: string[] = [],
  settings: Record<string, object> = {},
  timeoutMs = 120_000,
): Promise<NotebookServer> {
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const home = tempFolder("stepwise-jupyter-");
  const runtime = path.join(home, "runtime");
  for (const d of ["config", "data", "runtime"]) mkdirSync(path.join(home, d));
  for (const [plugin, values] of Object.entries(settings)) {
    const [pkg, name] = plugin.split(":");
    const file = path.join(home, "config", "lab", "user-settings", pkg, `${name}.jupyterlab-settings`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(values));
  }
  const { FORCE_COLOR: _colour, ...inherited } = process.env;
  const env = {
    ...inherited,
    JUPYTER_TOKEN: token,
    JUPYTER_CONFIG_DIR: path.join(home, "config"),
    JUPYTER_DATA_DIR: path.join(home, "data"),
    JUPYTER_RUNTIME_DIR: runtime,
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  const args = [
    path.join(ROOT, "scripts", "lab.mjs"),
    `--port=${port}`,
    `--dir=${notebookDir}`,
    ...(frontend === "lab" ? [] : [`--${frontend}`]),
    ...extra,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += String(c)));
  child.stderr?.on("data", (c) => (output += String(c)));
  let exited: string | null = null;
  const gone = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = `exit ${code ?? signal}`;
      resolve();
    });
    child.once("error", (err) => {
      exited = err.message;
      resolve();
    });
  });
  const base = `http://127.0.0.1:${port}/`;

  const server: NotebookServer = {
    base,
    port,
    token,
    log: () => output,
    leftovers: () => [...pidsMentioning(runtime), ...pidsMentioning(`--port=${port}`)],
    async closeSession(notebookPath) {
      const headers = { Authorization: `token ${token}` };
      const sessions = (await (await fetch(`${base}api/sessions`, { headers })).json()) as {
        id: string;
        path: string;
      }[];
      for (const s of sessions.filter((x) => x.path === notebookPath)) {
        await fetch(`${base}api/sessions/${s.id}`, { method: "DELETE", headers });
      }
    },
    async stop() {
      const survivors: number[] = [];
      if (exited === null && child.pid) {
        child.kill("SIGTERM"); // lab.mjs asks Jupyter to stop, which shuts its kernels down
        await within(gone, 20_000);
        if (exited === null) {
          try {
            process.kill(-child.pid, "SIGKILL");
            survivors.push(child.pid);
          } catch {
            /* group already gone */
          }
          await within(gone, 5_000);
        }
      }
      // The server and its kernels run in process groups of their own; any that survived
      // are found by the server's port and the kernels' connection files.
      for (const pid of server.leftovers()) {
        survivors.push(pid);
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* ended meanwhile */
        }
      }
      rmSync(home, { recursive: true, force: true });
      return survivors;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`npm run lab ended before answering (${exited}):\n${output}`);
    try {
      const r = await fetch(`${base}api/status`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`npm run lab did not answer on ${base} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(250);
  }
}

/** What a frontend test suite keeps between its tests (JupyterLab's and the classic Notebook's). */
export interface FrontendState {
  setupError?: Error;
  server?: NotebookServer;
  browser?: Browser;
  context?: BrowserContext;
  /** The temporary copy of notebooks/ the server shows (inside the project, so "stepwise" resolves). */
  work?: string;
  /** Requests that left the server's origin (MathJax, plotly.js and fonts must all be local). */
  foreign: string[];
  /** Uncaught exceptions in the pages, by page label. */
  pageErrors: string[];
  /** The notebook kept open (its kernel running) for the reload, tab and restart tests. */
  replay?: { name: string; page: Page; promised: Promised };
}

/**
 * The end of a tutorial's Run All test: the replay tutorial's page stays open (its kernel
 * running) in `st.replay` for the reload, tab and restart tests; any other closes its page
 * and its session.
 *
 * @param st the suite's state
 * @param run the tutorial, its page and what it promises
 * @param replayName the tutorial the later tests replay
 */
export async function keepOrClose(
  st: FrontendState,
  run: NonNullable<FrontendState["replay"]>,
  replayName: string | undefined,
): Promise<void> {
  if (run.name === replayName) st.replay = run;
  else {
    await run.page.close();
    await st.server!.closeSession(run.name);
  }
}

/**
 * The last test of a frontend suite: closes the browser, stops the server and asserts
 * that no process of it survived and its port is closed.
 *
 * @param st the suite's state (browser and context are cleared)
 * @throws an assertion error naming the surviving processes or the open port
 */
export async function shutDownAndCheck(st: FrontendState): Promise<void> {
  await st.context?.close();
  await st.browser?.close();
  st.context = undefined;
  st.browser = undefined;
  const { port } = st.server!;
  const survivors = await st.server!.stop();
  assert.equal(survivors, [], "processes still alive after the server was asked to stop (killed now)");
  assert.not.ok(await portIsOpen(port), `port ${port} still accepts connections`);
  assert.equal(st.server!.leftovers(), [], "processes of the server still running");
}
