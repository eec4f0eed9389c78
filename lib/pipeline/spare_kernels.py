"""Spare kernels for the executor (execute-notebook.py --serve): kernels started ahead of the notebook
that will run in them, so that a notebook run in `stepwise dev` skips the kernel's start-up (Node,
tslab, TypeScript's own library parsed and checked: most of a small notebook's run).

A spare is a fresh kernel that has run no notebook. It is made for one key, (kernel name, working
directory, prelude), and given to one notebook run only; the run stops it afterwards, as it stops a
kernel it started itself. So a notebook never sees another run's state.

The prelude is optional code run in the spare before it is handed over, outside the history (the
notebook's execution counts start at 1) and with nothing declared: for a notebook that imports
"stepwise" it is `import "stepwise";`, which loads the lib (and its packages) into Node's module cache
and its declarations into tslab's compiler, as the notebook's own first import would, and for
TypeScript a block that only has the compiler check calls of the lib (TYPE_WARM_UP), which warms the
compiler's code. A spare whose prelude fails (prints to stderr or errors) is stopped and the notebook
gets a kernel started for it as before.

Each spare carries the caller's token (the fingerprint of the lib and the kernels): a request with
another token finds no spare, and stale spares are stopped, so a lib changed since the spare
imported it is never used.
"""
import asyncio
import re

import kernel_ports

# at most this many keys keep a spare (a tslab kernel holds about 150 MB); the oldest goes first
MAX_SPARES = 3
# the longest a spare may take to start and run its prelude, in seconds
START_TIMEOUT = 120
STEPWISE_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*|\brequire\(\s*)["']stepwise(?:/[^"']*)?["']""")


# the kernel managers of spares not handed over yet, started or starting (a signal kills them all)
LIVE = set()


class PreludeFailed(Exception):
    pass


# TypeScript for tslab's compiler to check in a spare, after the import in the same cell: a block
# (nothing declared at the top level, no last expression for tslab to keep) holding a function never
# called, its argument typed by the module's own type. Compiling it checks calls of the lib's common
# API, so that V8 has optimised the compiler's checking code before the notebook's first cell (about
# a tenth of notebook 01's compile time, measured in tslab's converter).
TYPE_WARM_UP = (
    "{\n"
    '  const warm = (s: typeof import("stepwise")) => {\n'
    '    s.showVerified(s.derive("w", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-1, 1)" } })\n'
    '      .differentiate("e^(-x) / (1 + e^(-x))^2", "w").rewrite("g(x) * (1 - g(x))", "w"));\n'
    '    s.showTable({ columns: ["a"], rows: [[s.sigmoid(0)]] });\n'
    '    s.showFigure(s.plotFunctions([{ name: "s", f: s.sigmoid }], { xMin: 0, xMax: 1, title: "t", xTitle: "x", yTitle: "y" }));\n'
    "  };\n"
    "}"
)


def prelude_for(sources, language):
    """The code a spare runs before a notebook whose code cells are `sources` (strings) takes it:
    `import "stepwise";` when one of them imports "stepwise" and the kernel is TypeScript or
    JavaScript (tslab, jslab), followed for TypeScript by TYPE_WARM_UP; else ""."""
    if language not in ("typescript", "javascript") or not any(STEPWISE_IMPORT.search(s) for s in sources):
        return ""
    return 'import "stepwise";' + ("\n" + TYPE_WARM_UP if language == "typescript" else "")


async def start_spare(kernel, cwd, prelude):
    """Starts a kernel named `kernel` in the folder `cwd`, waits until it answers, runs `prelude`
    (prelude_for; if any) in it, outside the history, and returns (its AsyncKernelManager, a client connected to it, channels open: the
    notebook's run goes on with that client rather than connecting and waiting for the kernel again).
    Raises PreludeFailed (after stopping the kernel) when the prelude errs or writes to stderr, and
    whatever jupyter_client raises when the kernel cannot start."""
    km = kernel_ports.kernel_manager(kernel)
    LIVE.add(km)
    await km.start_kernel(cwd=cwd, extra_arguments=[])
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=START_TIMEOUT)
        if prelude:
            bad = []

            def hook(msg):
                kind = msg["msg_type"]
                if kind == "error" or (kind == "stream" and msg["content"].get("name") == "stderr"):
                    bad.append(msg["content"])

            reply = await kc.execute_interactive(prelude, store_history=False, timeout=START_TIMEOUT, output_hook=hook)
            if reply["content"].get("status") != "ok" or bad:
                raise PreludeFailed(f"the prelude {prelude!r} failed in a {kernel} kernel in {cwd}: {bad or reply['content']}")
    except BaseException:
        await stop(km, kc)
        raise
    return km, kc


async def stop(km, kc=None):
    """Closes the client `kc` (if any), kills the kernel of `km` at once (no shutdown request) and
    frees its ports and files; never raises."""
    LIVE.discard(km)
    try:
        if kc is not None:
            kc.stop_channels()
        await km.shutdown_kernel(now=True)
    except Exception:
        pass


class Spares:
    """The spare kernels of one executor: at most one per key, MAX_SPARES keys."""

    def __init__(self):
        # key -> (token, task resolving to an AsyncKernelManager), oldest first
        self.spares = {}
        self.closed = False

    async def take(self, key, token):
        """The spare of `key` made under `token`, as (AsyncKernelManager, connected client) of a
        kernel that has run nothing but the prelude, or None when there is none (or it failed to
        start). Waits for a spare still starting. Stops a spare made under another token. The caller
        owns the kernel from then on (call handed_over(km) once it is tracked elsewhere)."""
        found = self.spares.pop(key, None)
        if found is None:
            return None
        spare_token, task = found
        if spare_token != token:
            asyncio.ensure_future(self._discard(task))
            return None
        try:
            return await task
        except Exception:
            return None

    def prepare(self, key, token):
        """Starts a spare for `key` under `token` in the background, unless one (under that token) is
        there already; a spare under another token is stopped, and the oldest key's spare too when
        MAX_SPARES keys have one."""
        if self.closed:
            return
        found = self.spares.get(key)
        if found is not None and found[0] == token:
            return
        if found is not None:
            del self.spares[key]
            asyncio.ensure_future(self._discard(found[1]))
        while len(self.spares) >= MAX_SPARES:
            oldest = next(iter(self.spares))
            asyncio.ensure_future(self._discard(self.spares.pop(oldest)[1]))
        kernel, cwd, prelude = key
        task = asyncio.ensure_future(start_spare(kernel, cwd, prelude))
        # a failure is seen by take(); this keeps asyncio from reporting it as never retrieved
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        self.spares[key] = (token, task)

    async def ready(self):
        """Returns once every spare has started (or failed to)."""
        await asyncio.gather(*(task for _, task in self.spares.values()), return_exceptions=True)

    async def close(self):
        """Stops every spare (those still starting once they started); no spare is made afterwards."""
        self.closed = True
        tasks = [task for _, task in self.spares.values()]
        self.spares.clear()
        await asyncio.gather(*(self._discard(t) for t in tasks), return_exceptions=True)

    @staticmethod
    def handed_over(km):
        """Forgets a kernel taken with take(): a signal no longer kills it as a spare (its notebook's run does)."""
        LIVE.discard(km)

    @staticmethod
    def managers():
        """The kernel managers of every spare not handed over, started or starting (for a kill on a signal)."""
        return list(LIVE)

    @staticmethod
    async def _discard(task):
        try:
            km, kc = await task
        except BaseException:
            return
        await stop(km, kc)
