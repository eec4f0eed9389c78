import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NotebookExecutor } from "../../../lib/pipeline/execute-notebook";
import { findPython } from "../../../lib/pipeline/jupyter-env";
import { ROOT, code, notebook, stdoutOf, tempDir, writeNotebook } from "./helpers";

// The class of defect: jupyter_client chooses a kernel's ports by binding port 0 and releasing it, so
// any socket on the machine that binds or connects meanwhile may be handed the same number; tslab then
// hangs on EADDRINUSE and the notebook waits out its start-up timeout (a CI run failed so). The kernel
// ports must lie outside the system's ephemeral range, where nothing is handed a port by chance.

const EPHEMERAL = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
const outside = (port: number) => port < EPHEMERAL[0] || port > EPHEMERAL[1];

/** Runs Python `body` with kernel_ports imported as `kp`; returns what it prints as JSON. */
function python(body: string): unknown {
  const program = [
    "import json, os, socket, sys, tempfile",
    `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, "lib", "pipeline"))})`,
    "import kernel_ports as kp",
    body,
  ].join("\n");
  return JSON.parse(execFileSync(findPython(), ["-c", program], { encoding: "utf8" }));
}

const unit = suite("kernel_ports.py: the ports a kernel is given");

unit("port_range takes the larger stretch outside the ephemeral range, and None where it cannot", () => {
  const ranges = python(`
def rng(text):
    fd, p = tempfile.mkstemp(); os.write(fd, text.encode()); os.close(fd)
    try: return kp.port_range(p)
    finally: os.unlink(p)
print(json.dumps([rng("32768\\t60999\\n"), rng("45000 60999"), rng("20000 65000"), rng("1024 65535"), rng("garbage"), kp.port_range("/no/such/file")]))
`);
  assert.equal(ranges, [[20000, 32767], [20000, 44999], null, null, null, null]);
});

unit(
  "forty kernel managers get 200 distinct ports, none in the ephemeral range, jupyter_client's own choice off",
  () => {
    const got = python(`
kms = [kp.kernel_manager("tslab") for _ in range(40)]
print(json.dumps({"ports": [getattr(km, n) for km in kms for n in kp.PORT_NAMES], "cache": sorted({km.cache_ports for km in kms})}))
`) as { ports: number[]; cache: boolean[] };
    assert.is(got.ports.length, 200);
    assert.is(new Set(got.ports).size, 200, "no port handed out twice");
    assert.equal(
      got.ports.filter((p) => !outside(p)),
      [],
      `ports inside the ephemeral range ${EPHEMERAL.join("–")}`,
    );
    assert.ok(
      got.ports.every((p) => p >= 20000 && p <= 65535),
      "above the registered services' ports",
    );
    assert.equal(got.cache, [false]);
  },
);

unit("a port some socket holds is never chosen; with every port of the stretch held there is none", () => {
  const got = python(`
def held(n):
    # n consecutive ports that bind now, in the stretch kernels are given ports from
    low, high = kp.port_range()
    start = low + 5000
    while True:
        socks = []
        try:
            for p in range(start, start + n):
                s = socket.socket(); s.bind(("127.0.0.1", p)); socks.append(s)
            return start, socks
        except OSError:
            for s in socks: s.close()
            start += n
start, socks = held(4)
last = socks.pop(); last.close()
picks = set()
for _ in range(5):
    picks.add(kp.free_port("127.0.0.1", (start, start + 3)))
    kp.HANDED.clear()
none = kp.free_port("127.0.0.1", (start, start + 2))
print(json.dumps({"start": start, "picks": sorted(picks), "none": none}))
`) as { start: number; picks: number[]; none: number | null };
  assert.equal(got.picks, [got.start + 3], "the one free port of four");
  assert.is(got.none, null, "all three held");
});

unit("the Jupyter servers' kernel managers choose ports at the first start only, on the servers' own classes", () => {
  const got = python(`
import server_kernel_managers as skm
from jupyter_client.ioloop import IOLoopKernelManager
try:
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager as server_default
except ImportError:  # a Python without jupyter_server 2 (Debian's): jupyter_client's async manager
    from jupyter_client.ioloop import AsyncIOLoopKernelManager as server_default
class Base:
    transport, ip = "tcp", "127.0.0.1"
    shell_port = iopub_port = stdin_port = hb_port = control_port = 0
    def start_kernel(self, **kw):
        return kw
class Km(skm.PortsOutsideEphemeralRange, Base):
    pass
def ports(km):
    return [getattr(km, n) for n in kp.PORT_NAMES]
km = Km()
passed = km.start_kernel(extra_arguments=["x"])
first = ports(km)
km.start_kernel()
set_by_config = Km()
set_by_config.shell_port = 9
set_by_config.start_kernel()
print(json.dumps({"passed": passed, "first": first, "again": ports(km), "config": ports(set_by_config),
  "bases": [issubclass(skm.ServerPortsKernelManager, server_default), issubclass(skm.ClassicPortsKernelManager, IOLoopKernelManager)]}))
`) as { passed: object; first: number[]; again: number[]; config: number[]; bases: boolean[] };
  assert.equal(got.passed, { extra_arguments: ["x"] }, "start_kernel's arguments reach the base class");
  assert.ok(
    got.first.every((p) => p > 0 && outside(p)),
    `first start: ports ${got.first} outside ${EPHEMERAL.join("–")}`,
  );
  assert.equal(got.again, got.first, "a second start_kernel (a restart under jupyter_client 7) keeps them");
  assert.equal(got.config, [9, 0, 0, 0, 0], "ports set by config are left alone");
  assert.equal(
    got.bases,
    [true, true],
    "the servers' own default classes underneath (ServerKernelManager, IOLoopKernelManager)",
  );
});

const e2e = suite("the executor's kernels, a cold one and a spare");

e2e("both listen on the ports of their connection file, outside the ephemeral range, and the two differ", async () => {
  const dir = tempDir("stepwise-kernel-ports-test-");
  const nb = path.join(dir, "ports.ipynb");
  // tslab is started as `tslab kernel --config-path FILE`: the kernel prints its own connection file's ports
  writeNotebook(
    nb,
    notebook([
      code(
        'const file = process.argv[process.argv.indexOf("--config-path") + 1];\n' +
          'const info = JSON.parse(require("node:fs").readFileSync(file, "utf8"));\n' +
          'console.log(JSON.stringify(["shell_port", "iopub_port", "stdin_port", "hb_port", "control_port"].map((k) => info[k])))',
      ),
    ]),
  );
  const executor = new NotebookExecutor();
  try {
    executor.warm([nb], "ports-token");
    await executor.run(nb, path.join(dir, "cold.ipynb"));
    await executor.run(nb, path.join(dir, "spare.ipynb"), { spare: "ports-token" });
  } finally {
    await executor.close();
  }
  const cold = JSON.parse(stdoutOf(path.join(dir, "cold.ipynb"))[0]) as number[];
  const spare = JSON.parse(stdoutOf(path.join(dir, "spare.ipynb"))[0]) as number[];
  for (const [which, ports] of [
    ["cold", cold],
    ["spare", spare],
  ] as const) {
    assert.is(ports.length, 5, which);
    assert.ok(
      ports.every((p) => Number.isInteger(p) && outside(p)),
      `${which} kernel's ports ${ports} lie outside ${EPHEMERAL.join("–")}`,
    );
  }
  assert.equal(
    cold.filter((p) => spare.includes(p)),
    [],
    "the spare, started while the cold kernel ran, has other ports",
  );
});

unit.run();
e2e.run();
