// The kernels a Jupyter server started by `npm run lab` (scripts/lab.mjs) starts get their five
// ports outside the system's ephemeral range, as the executor's do (test/unit/pipeline/kernel-ports.test.ts).
// jupyter_client's own choice binds port 0 and releases it, so it always lies inside the range, where
// any socket on the machine may be handed the same number meanwhile; tslab then hangs on EADDRINUSE
// and the notebook waits out its start-up timeout (a CI run failed so). One server per frontend kind:
// JupyterLab (jupyter_server 2, as Notebook 7 and nbclassic) and the classic Notebook 6, each starting
// one tslab kernel through the REST API; no browser.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempFolder } from "../temp-folders";
import { type Frontend, type NotebookServer, pidsMentioning, portIsOpen, startNotebookServer } from "./notebook-server";

const EPHEMERAL = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
const outside = (port: number) => port < EPHEMERAL[0] || port > EPHEMERAL[1];
const PORT_NAMES = ["shell_port", "iopub_port", "stdin_port", "hb_port", "control_port"] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET or POST `api` of the server with its token; the answer's JSON. */
async function api(server: NotebookServer, api: string, body?: object): Promise<Record<string, unknown>> {
  const r = await fetch(`${server.base}${api}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: `token ${server.token}`, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(r.ok, `${body ? "POST" : "GET"} /${api}: HTTP ${r.status} ${await r.clone().text()}`);
  return (await r.json()) as Record<string, unknown>;
}

/**
 * The ports of the running kernel `id`, read from the connection file its process was started
 * with (tslab's `--config-path FILE`), once that one process runs and listens on its shell port
 * (the server reports no state before a client asks the kernel for its info).
 */
async function kernelPorts(server: NotebookServer, id: string, timeoutMs = 120_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let seen = "no process";
  for (;;) {
    const pids = pidsMentioning(`kernel-${id}.json`);
    if (pids.length === 1) {
      const argv = readFileSync(`/proc/${pids[0]}/cmdline`, "utf8").split("\0");
      const file = argv[argv.indexOf("--config-path") + 1];
      assert.ok(file && existsSync(file), `kernel ${id}'s command line names its connection file: ${argv.join(" ")}`);
      const info = JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
      const ports = PORT_NAMES.map((k) => info[k]);
      if (await portIsOpen(ports[0])) return ports;
      seen = `process ${pids[0]}, ports ${ports}, shell port closed`;
    } else if (pids.length > 1) seen = `processes ${pids}`;
    if (Date.now() > deadline)
      throw new Error(`kernel ${id}: ${seen} after ${timeoutMs / 1000} s\n${server.log().slice(-3000)}`);
    await sleep(250);
  }
}

/** Asserts that the five ports lie outside the ephemeral range. */
function assertOutside(which: string, ports: number[]): void {
  assert.is(ports.length, 5, which);
  assert.equal(
    ports.filter((p) => !Number.isInteger(p) || !outside(p)),
    [],
    `${which}: ports ${ports} must lie outside the ephemeral range ${EPHEMERAL.join("–")}`,
  );
}

/**
 * Restarts kernel `id` through the server and asserts that the new kernel process has the ports
 * `before`: the classic Notebook keeps its channels to the old ports across a restart, so a kernel
 * restarted on other ports never answers it (the frontend suite's restart test waited forever).
 */
async function restartKeepsPorts(server: NotebookServer, id: string, before: number[]): Promise<void> {
  const old = pidsMentioning(`kernel-${id}.json`);
  await api(server, `api/kernels/${id}/restart`, {});
  const after = await kernelPorts(server, id);
  assert.not.equal(pidsMentioning(`kernel-${id}.json`), old, "a new kernel process");
  assert.equal(after, before, "the restarted kernel's ports");
}

/** Starts a server of `frontend` on an empty folder (user config folder `userConfig` on JUPYTER_CONFIG_PATH), runs `body`, stops it. */
async function withServer(
  frontend: Frontend,
  userConfig: string | undefined,
  body: (server: NotebookServer) => Promise<void>,
): Promise<void> {
  const saved = process.env.JUPYTER_CONFIG_PATH;
  if (userConfig) process.env.JUPYTER_CONFIG_PATH = userConfig;
  let server: NotebookServer;
  try {
    server = await startNotebookServer(tempFolder("stepwise-server-ports-"), frontend, ["--no-link"]);
  } finally {
    if (saved === undefined) delete process.env.JUPYTER_CONFIG_PATH;
    else process.env.JUPYTER_CONFIG_PATH = saved;
  }
  try {
    await body(server);
  } finally {
    const survivors = await server.stop();
    assert.equal(survivors, [], `processes of the ${frontend} server still alive after it stopped (killed now)`);
  }
}

const s = suite("kernels started by the Jupyter servers of npm run lab");

s(
  "JupyterLab: a tslab kernel's ports lie outside the ephemeral range and a restart keeps them; the user's config applies",
  async () => {
    // a config folder of the user's own, on JUPYTER_CONFIG_PATH: its settings must still apply
    const user = tempFolder("stepwise-user-config-");
    writeFileSync(
      path.join(user, "jupyter_server_config.json"),
      JSON.stringify({ MappingKernelManager: { default_kernel_name: "jslab" } }),
    );
    await withServer("lab", user, async (server) => {
      assert.is((await api(server, "api/kernelspecs")).default, "jslab", "the user's MappingKernelManager setting");
      const { id } = (await api(server, "api/kernels", { name: "tslab" })) as { id: string };
      const first = await kernelPorts(server, id);
      assertOutside("started", first);
      await restartKeepsPorts(server, id, first);
      // the kernel managers stay jupyter_server's own kind, which it otherwise warns about
      assert.not.match(server.log(), /not a subclass of 'ServerKernelManager'/);
    });
  },
);

s(
  "the classic Notebook 6: a tslab kernel's ports lie outside the ephemeral range and a restart keeps them",
  async () => {
    await withServer("classic", undefined, async (server) => {
      const { id } = (await api(server, "api/kernels", { name: "tslab" })) as { id: string };
      const first = await kernelPorts(server, id);
      assertOutside("started", first);
      await restartKeepsPorts(server, id, first);
    });
  },
);

s.run();
