"""Ports for the kernels the executor starts, chosen where no other process is handed them by chance.

jupyter_client picks a kernel's five ports by binding a socket to port 0, reading the port and
closing the socket; the kernel binds the same ports a moment later. In between, the system may give
one of them to any socket on the machine that connects or binds to port 0, because it hands those
out from the same ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). tslab 1.0.22 does
not exit when one of its ports is taken: it logs an unhandled EADDRINUSE and never answers, so the
notebook's run waited until its start-up timeout and failed (a known race of the Jupyter protocol,
jupyter/jupyter_client#276 and #487).

The ports chosen here lie outside the ephemeral range, so only a process that binds that very number
can take one; the ports handed out by this process recently are not handed out again. Where the range
cannot be read (not Linux), jupyter_client's own choice stays.
"""
import collections
import random
import socket

from jupyter_client.manager import AsyncKernelManager

RANGE_FILE = "/proc/sys/net/ipv4/ip_local_port_range"
# the lowest port chosen: below it lie the registered ports of common services
LOWEST = 20000
# fewer free numbers than this outside the ephemeral range: keep jupyter_client's choice
FEWEST = 1000
PORT_NAMES = ("shell_port", "iopub_port", "stdin_port", "hb_port", "control_port")
# ports handed out by this process, newest last (a kernel keeps its five while it runs)
HANDED = collections.deque(maxlen=2000)


def port_range(range_file=RANGE_FILE):
    """The (low, high) port numbers, inclusive, to choose kernel ports from: the larger of the two
    stretches of [LOWEST, 65535] outside the ephemeral range read from `range_file`, or None when the
    file cannot be read or both stretches hold fewer than FEWEST ports."""
    try:
        with open(range_file) as f:
            low, high = (int(n) for n in f.read().split()[:2])
    except (OSError, ValueError):
        return None
    stretches = [(LOWEST, low - 1), (high + 1, 65535)]
    best = max(stretches, key=lambda s: s[1] - s[0])
    return best if best[1] - best[0] + 1 >= FEWEST else None


def free_port(ip, stretch, tries=200):
    """A port in `stretch` ((low, high), inclusive) that a socket on `ip` can bind now and that this
    process has not handed out recently, recorded as handed out; None after `tries` numbers failed."""
    for _ in range(tries):
        port = random.randint(*stretch)
        if port in HANDED:
            continue
        with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET) as probe:
            try:
                probe.bind((ip, port))
            except OSError:
                continue
        HANDED.append(port)
        return port
    return None


def choose_ports(km, range_file=RANGE_FILE):
    """Sets the five ports of the kernel manager `km` (not started yet, TCP transport) to free ports
    outside the ephemeral range and stops jupyter_client from choosing its own (cache_ports). Leaves
    `km` as it was where port_range gives None or the transport is not TCP. Returns `km`."""
    stretch = port_range(range_file)
    if stretch is None or km.transport != "tcp":
        return km
    ports = []
    for _ in PORT_NAMES:
        port = free_port(km.ip or "127.0.0.1", stretch)
        if port is None:
            return km
        ports.append(port)
    km.cache_ports = False
    for name, port in zip(PORT_NAMES, ports):
        setattr(km, name, port)
    return km


def kernel_manager(kernel_name, **kwargs):
    """An AsyncKernelManager for the kernel named `kernel_name` (kwargs go to its constructor) whose
    ports choose_ports has set."""
    return choose_ports(AsyncKernelManager(kernel_name=kernel_name, **kwargs))
