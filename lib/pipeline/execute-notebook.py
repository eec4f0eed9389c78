"""Execute notebooks under Jupyter kernels with nbclient and write the results.

Usage: execute-notebook.py IN.ipynb OUT.ipynb --model JSON [--timeout SECONDS] [--cwd FOLDER]
       execute-notebook.py --serve --model JSON

The first form runs one notebook. With --serve the process runs many, several at once, and
pays Python's start-up and imports once: it reads one JSON request per line on stdin,
{"id": ..., "notebook": IN, "out": OUT, "timeout": SECONDS, "cwd": FOLDER or null, "spare": TOKEN or
null}, starts each at once (the caller decides how many run together), and for each finished
notebook writes one JSON line to file descriptor 3, {"id": ..., "status": 0, "timings": {...}} or
{"id": ..., "status": 1, "error": {...the report below...}, "timings": {...}}, where timings holds
"kernel" (seconds until the kernel answered, waiting for a spare still starting included), "spare" (whether it was a spare kernel), "cells"
(seconds per code cell run, the drain cell last) and "cells_cpu" (CPU seconds the kernel process used for them, null where /proc cannot tell). It exits when stdin closes and every notebook is done.

With "spare": TOKEN the notebook runs in a spare kernel made under the same token when one is ready
(lib/pipeline/spare_kernels.py: a fresh kernel started ahead, with "stepwise" imported when the
notebook imports it), and a new spare for the next run of such a notebook starts once it is done.
{"id": ..., "warm": {"notebooks": [IN, ...], "spare": TOKEN}} only starts the spares those notebooks
would run in (one per distinct key, the first spare_kernels.MAX_SPARES keys), and answers
{"id": ..., "status": 0} at once. {"id": ..., "ready": true} answers {"id": ..., "status": 0} once every
spare has started (or failed to). Spares are stopped when the process ends.

The kernel is the one named in the notebook's metadata (kernelspec.name; when missing,
"jslab" for a JavaScript notebook, else "tslab") and runs with the notebook's folder (or --cwd) as its working directory. It stops
at the first failing cell. A failing cell is one whose execution reply is an error, one the
kernel aborted, or one that wrote a JavaScript stack trace to stderr only (tslab reports an
exception thrown in a timer that way: in the output of the cell running when it fires, or
after its own cell finished, which nbclient would drop and this script gives back to that cell).
A cell tagged "raises-exception" (nbclient's convention) may fail; so may every cell of a
notebook whose metadata says {"execution": {"allow_errors": true}} (Jupyter Book's key; also
mystnb.execution_allow_errors and stepwise.allow_errors, with "_" or "-").

On failure it prints one JSON line to stderr,
{"notebook": ..., "cell": N (1-based, counting every cell), "code_cell": K (1-based, counting
code cells only), "ename": ..., "evalue": ...},
writes the partly executed notebook to OUT, and exits with status 1.
SIGINT and SIGTERM kill every kernel the process started at once, then the process exits
with 130 or 143.
"""
import asyncio
import json
import os
import re
import signal
import sys
import time

# nbformat's validator imports jsonschema, whose format checker imports rfc3987_syntax when it is
# installed (JupyterLab's dependencies bring it); that import builds a grammar and costs 1.4 s of
# CPU. Nothing here validates URI formats, so the module is marked absent: jsonschema then skips it.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError
from nbclient.util import ensure_async
from nbformat.v4 import output_from_msg

# spare_kernels.py lies beside this file, which is also loaded by path (importlib) in the tests
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_ports  # noqa: E402
import spare_kernels  # noqa: E402

# tslab aborts execute requests that arrive within 200 ms of a failed one.
TSLAB_ABORT_WINDOW = 0.3
# A cell run after the last one so that errors thrown asynchronously (timers) still arrive.
DRAIN_SOURCE = "await new Promise((resolve) => setTimeout(resolve, 100));"
# The error model (allow-errors keys, the raises-exception tag, what on stderr is an error) is
# declared once in lib/notebook/errors.ts and handed over as JSON by --model; load_model sets these.
ALLOW_ERRORS_KEYS = {}
RAISES_EXCEPTION_TAG = None
STACK_LINE = None
ERROR_LINE = None
# tslab's report of a compiler error on stderr, one line per error: "[FILE ]LINE:COLUMN - MESSAGE"
DIAGNOSTIC_LINE = None


def load_model(argv):
    """Reads the error model of --model JSON (lib/notebook/errors.ts, executorModel) into the globals above."""
    global ALLOW_ERRORS_KEYS, RAISES_EXCEPTION_TAG, STACK_LINE, ERROR_LINE, DIAGNOSTIC_LINE
    if "--model" not in argv or argv.index("--model") + 1 >= len(argv):
        raise SystemExit("execute-notebook.py: --model JSON is required (the error model of lib/notebook/errors.ts, executorModel())")
    model = json.loads(argv[argv.index("--model") + 1])
    ALLOW_ERRORS_KEYS = {section: tuple(keys) for section, keys in model["allowErrorsKeys"].items()}
    RAISES_EXCEPTION_TAG = model["raisesExceptionTag"]
    STACK_LINE = re.compile(model["stderrStackLine"])
    ERROR_LINE = re.compile(model["stderrErrorLine"])
    DIAGNOSTIC_LINE = re.compile(model["stderrCompilerErrorLine"])
# tslab's names for errors thrown outside a cell's own run, and what they mean
ASYNC_ERRORS = {
    "UncaughtException": "uncaught, thrown asynchronously, e.g. in a timer or callback, by this cell or one before it",
    "UnhandledPromiseRejection": "a promise rejected with no handler, by this cell or one before it",
}


class Client(NotebookClient):
    """nbclient's client that also keeps the stream and error messages a cell's code sends after
    the cell finished (a timer firing between cells): nbclient drops them, this records them as
    (cell_index, output) in self.late. Its kernels get ports outside the ephemeral range
    (kernel_ports.py)."""

    def create_kernel_manager(self):
        return kernel_ports.choose_ports(super().create_kernel_manager())

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.cell_of_msg[parent_msg_id] = cell_index
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            parent = msg["parent_header"].get("msg_id")
            if parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    return
            elif parent in self.cell_of_msg and msg["msg_type"] in ("stream", "error"):
                self.late.append((self.cell_of_msg[parent], output_from_msg(msg)))


class CellFailure(Exception):
    def __init__(self, index, ename, evalue):
        super().__init__(f"{ename}: {evalue}")
        self.index, self.ename, self.evalue = index, ename, evalue


def stderr_text(cell):
    return "".join(
        "".join(o.get("text", "")) if isinstance(o.get("text"), list) else o.get("text", "")
        for o in cell.get("outputs", [])
        if o.get("output_type") == "stream" and o.get("name") == "stderr"
    )


def stderr_traceback(cell):
    """(ename, evalue) when the cell's stderr holds an error line followed by a stack trace, else None."""
    lines = stderr_text(cell).splitlines()
    for i, line in enumerate(lines):
        m = ERROR_LINE.match(line)
        if m and i + 1 < len(lines) and STACK_LINE.match(lines[i + 1]):
            ename, evalue = m.group(1), (m.group(2) or "").strip()
            if ename in ASYNC_ERRORS:
                # tslab's report of an error outside the cell's own run (a timer, a callback, a rejected promise)
                why = ASYNC_ERRORS[ename]
                inner = ERROR_LINE.match(evalue)
                if inner:
                    ename, evalue = inner.group(1), (inner.group(2) or "").strip()
                evalue = f"{evalue} ({why})"
            return ename, evalue
    return None


def stderr_shows_error(cell):
    """Whether the cell's stderr shows an error (lib/notebook/errors.ts, stderrShowsError): an error
    line with a stack trace, or a compiler error."""
    return stderr_traceback(cell) is not None or bool(compiler_errors(stderr_text(cell)))


def compiler_errors(text):
    """The compiler errors tslab wrote to stderr, in order: [(file or None, line, column, message)];
    a line that does not start a diagnostic continues the message before it (a chained message)."""
    found = []
    for line in text.splitlines():
        m = DIAGNOSTIC_LINE.match(line)
        if m:
            found.append([m.group(1), int(m.group(2)), int(m.group(3)), m.group(4).strip()])
        elif found and line.strip():
            found[-1][3] += " " + line.strip()
    return [tuple(d) for d in found]


def describe_compiler_errors(errors):
    """One evalue for every compiler error of a cell, each on its own line with its line and column."""
    head = "1 error" if len(errors) == 1 else f"{len(errors)} errors"
    lines = [f"  {file + ' ' if file else ''}line {line}, column {column}: {message}" for file, line, column, message in errors]
    return f"{head} from the TypeScript compiler:\n" + "\n".join(lines)


def error_from_stderr(cell):
    """(ename, evalue) for a failed cell from its stderr: every compiler error ("CompileError", each
    with its line), else a line like "ReferenceError: rows is not defined", else the last line; or None."""
    text = stderr_text(cell)
    errors = compiler_errors(text)
    if errors:
        return "CompileError", describe_compiler_errors(errors)
    for line in text.splitlines():
        m = ERROR_LINE.match(line)
        if m:
            return m.group(1), (m.group(2) or "").strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return ("Error", lines[-1].strip()) if lines else None


def notebook_allows_errors(nb):
    """A key of ALLOW_ERRORS_KEYS set to true (within a section the first key present decides)."""
    for section, names in ALLOW_ERRORS_KEYS.items():
        value = nb.metadata.get(section)
        if isinstance(value, dict) and next((value[n] for n in names if n in value), None) is True:
            return True
    return False


def allows_errors(nb, cell):
    return notebook_allows_errors(nb) or RAISES_EXCEPTION_TAG in cell.metadata.get("tags", [])


async def run(client, nb, language, timings, started):
    """nbclient's async_execute, cell by cell, with the checks described in the module docstring;
    records in `timings` the seconds from `started` (time.monotonic()) until the kernel answered
    ("kernel") and each code cell's ("cells")."""
    client.reset_execution_trackers()
    # cleanup_kc: the kernel is stopped after the run, a spare one (not nbclient's own) too
    async with client.async_setup_kernel(cleanup_kc=True):
        msg_id = client.kc.kernel_info()
        if asyncio.iscoroutine(msg_id):
            msg_id = await msg_id
        info = await client.async_wait_for_reply(msg_id)
        timings["kernel"] = round(time.monotonic() - started, 3)
        cpu_before = kernel_cpu_seconds(client.km)
        if info is not None and "language_info" in info["content"]:
            nb.metadata["language_info"] = info["content"]["language_info"]
            # the kernel's own word on its language: a notebook naming only its kernel (python3, say) gets no TypeScript drain cell
            language = str(info["content"]["language_info"].get("name") or language).lower()
        last_code = None
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            last_code = index
            client.running_index = index
            cell_started = time.monotonic()
            await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            timings["cells"].append(round(time.monotonic() - cell_started, 3))
            await check_late(client, nb)
            await check_cell(client, nb, index)
        if last_code is not None and language in ("typescript", "javascript"):
            drain = nbformat.v4.new_code_cell(DRAIN_SOURCE)
            nb.cells.append(drain)
            cell_started = time.monotonic()
            try:
                await client.async_execute_cell(drain, len(nb.cells) - 1, store_history=False)
            finally:
                nb.cells.pop()
            timings["cells"].append(round(time.monotonic() - cell_started, 3))
            late = [o for o in drain.outputs if o.get("output_type") in ("stream", "error")]
            if late:
                nb.cells[last_code].outputs.extend(late)
                await check_cell(client, nb, last_code)
            await check_late(client, nb)
        cpu_after = kernel_cpu_seconds(client.km)
        if cpu_before is not None and cpu_after is not None:
            timings["cells_cpu"] = round(cpu_after - cpu_before, 3)
        client.set_widgets_metadata()


def kernel_cpu_seconds(km):
    """The CPU seconds (user and system) the kernel process of the kernel manager `km` used so far,
    read from /proc (Linux); None when it cannot be read (another system, no local process)."""
    try:
        pid = km.provisioner.process.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:
        return None


async def check_late(client, nb):
    """Adds the outputs that arrived after their cell finished to that cell, and checks it again."""
    late, client.late = client.late, []
    for index in sorted({i for i, _ in late}):
        nb.cells[index].outputs.extend(o for i, o in late if i == index)
        await check_cell(client, nb, index, reply_checked=True)


async def check_cell(client, nb, index, reply_checked=False):
    cell = nb.cells[index]
    reply = client.last_reply.get(index)
    status = reply["content"].get("status") if reply else None
    allowed = allows_errors(nb, cell)
    if reply_checked:
        status = None
    if status == "aborted":
        raise CellFailure(index, "CellAborted", "the kernel aborted this cell without running it")
    if status == "error" and allowed:
        await asyncio.sleep(TSLAB_ABORT_WINDOW)
        return
    if not allowed:
        found = stderr_traceback(cell)
        if found:
            raise CellFailure(index, found[0], found[1] or "(a stack trace on stderr)")


def kernel_of(nb):
    """(kernel name, language) of a notebook: its metadata's kernelspec name, else jslab for JavaScript, else tslab."""
    spec = nb.metadata.get("kernelspec", {})
    language = (spec.get("language") or nb.metadata.get("language_info", {}).get("name") or "typescript").lower()
    return spec.get("name") or ("jslab" if language == "javascript" else "tslab"), language


def spare_key(nb, cwd):
    """The key of the spare kernel a notebook can run in (spare_kernels.py): kernel, folder, prelude."""
    kernel, language = kernel_of(nb)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    return (kernel, cwd, spare_kernels.prelude_for(sources, language))


def make_client(nb, timeout, cwd, km=None):
    """nbclient's client for one notebook, with the kernel its metadata names (or the started kernel
    manager `km`, a spare) and the bookkeeping `run` needs."""
    kernel, language = kernel_of(nb)
    client = Client(
        nb,
        km=km,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=notebook_allows_errors(nb),
        shutdown_kernel="immediate",
        resources={"metadata": {"path": cwd}},
    )
    client.running_index = None
    client.last_reply = {}
    client.cell_of_msg = {}
    client.late = []

    async def on_cell_executed(cell, cell_index, execute_reply, **_):
        client.last_reply[cell_index] = execute_reply

    client.on_cell_executed = on_cell_executed
    return client, kernel, language


# the clients of the notebooks running now, whose kernels a signal must stop
RUNNING = set()
# the signal being handled, once one arrived: a notebook whose kernel it killed reports nothing
STOPPING = []
# the process that started this one (read at start: a re-parented executor sees another)
PARENT = os.getppid()
# the spare kernels of --serve (spare_kernels.py)
SPARES = spare_kernels.Spares()


async def execute(src, dst, timeout, cwd, spare=None, timings=None):
    """Runs the notebook `src`, writes the executed copy to `dst` (also on failure) and returns
    None, or the failure report {"notebook", "cell", "code_cell", "ename", "evalue"}. With a
    `spare` token it runs in a spare kernel made under that token when one is ready, and starts the
    next spare once done. Fills `timings` (a dict) with "kernel", "spare" and "cells" (see the
    module docstring)."""
    started = time.monotonic()
    timings = {} if timings is None else timings
    timings.update(kernel=None, spare=False, cells=[], cells_cpu=None)
    nb = nbformat.read(src, as_version=4)
    cwd = cwd or os.path.dirname(os.path.abspath(src))
    key = spare_key(nb, cwd) if spare else None
    taken = await SPARES.take(key, spare) if spare else None
    timings["spare"] = taken is not None
    client, kernel, language = make_client(nb, timeout, cwd, taken[0] if taken else None)
    report = None
    RUNNING.add(client)
    if taken:
        # the spare's client, connected and answered already: nbclient skips its own connection and wait
        client.kc = taken[1]
        client.kc.allow_stdin = False
        SPARES.handed_over(taken[0])
    try:
        await run(client, nb, language, timings, started)
    except CellFailure as err:
        report = (err.index, err.ename, err.evalue)
    except (CellExecutionError, CellTimeoutError) as err:
        index = client.running_index
        if isinstance(err, CellTimeoutError):
            ename, evalue = "CellTimeoutError", f"the cell was still running after {timeout} s (the per-cell timeout)"
        else:
            ename, evalue = getattr(err, "ename", type(err).__name__), getattr(err, "evalue", "")
            if not evalue and index is not None:
                # tslab reports a runtime error as stderr text and an error output with empty fields.
                ename, evalue = error_from_stderr(nb.cells[index]) or (ename, str(err).strip().splitlines()[-1] if str(err).strip() else "")
        report = (index, ename, evalue)
    except Exception as err:  # kernel died, could not start, no such kernel, ...
        message = str(err)
        if type(err).__name__ == "NoSuchKernel":
            from jupyter_client.kernelspec import find_kernel_specs

            names = ", ".join(sorted(find_kernel_specs())) or "none"
            message = f"the notebook asks for the kernel {kernel!r} (metadata.kernelspec.name), which is not installed; kernels found: {names}"
        report = (None, type(err).__name__, message)
    finally:
        RUNNING.discard(client)
        if spare:
            SPARES.prepare(key, spare)
    nbformat.write(nb, dst)
    if report is None:
        return None
    index, ename, evalue = report
    cell = index + 1 if index is not None else None
    code_cell = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code") if index is not None else None
    return {"notebook": src, "cell": cell, "code_cell": code_cell, "ename": ename, "evalue": evalue}


async def kill_running_kernels():
    """Kills the kernel of every running notebook at once (no shutdown request, no wait)."""
    managers = [c.km for c in list(RUNNING) if getattr(c, "km", None) is not None] + SPARES.managers()
    await asyncio.gather(*(ensure_async(km.shutdown_kernel(now=True)) for km in managers), return_exceptions=True)


async def stop_everything(signum):
    """Kills every running kernel (5 s at most) and ends the process with 128 + signum, as a signal
    would; results of the notebooks it stops are not reported (STOPPING)."""
    STOPPING.append(signum)
    try:
        await asyncio.wait_for(kill_running_kernels(), timeout=5)
    finally:
        sys.stderr.flush()
        os._exit(128 + signum)


def own_the_signals(loop):
    """SIGINT and SIGTERM kill every running kernel and end the process. nbclient installs a handler
    per notebook on the same loop (the last one would win, and one finishing would remove it for
    all), so its calls for these two signals are ignored from here on."""

    def stop(signum):
        asyncio.ensure_future(stop_everything(signum))

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop, signum)
    add, remove = loop.add_signal_handler, loop.remove_signal_handler
    ours = (signal.SIGINT, signal.SIGTERM)
    loop.add_signal_handler = lambda signum, *args: None if signum in ours else add(signum, *args)
    loop.remove_signal_handler = lambda signum: False if signum in ours else remove(signum)


def watch_parent(loop, parent):
    """Stops like SIGTERM (every kernel killed, exit 128 + 15) once the process that started the
    executor is gone (killed with SIGKILL, say, so it could not send SIGTERM): the executor is then
    re-parented, and nobody would read its results or stop its kernels."""

    async def poll():
        while os.getppid() == parent:
            await asyncio.sleep(0.5)
        if not STOPPING:
            await stop_everything(signal.SIGTERM)

    return asyncio.ensure_future(poll())


async def serve():
    """The --serve loop: a request per stdin line, a result per line on fd 3 (see the module docstring)."""
    loop = asyncio.get_running_loop()
    own_the_signals(loop)
    watch_parent(loop, PARENT)
    results = os.fdopen(3, "w", buffering=1)
    tasks = set()

    async def job(request):
        timings = {}
        try:
            if "warm" in request:
                keys = []
                for path in request["warm"]["notebooks"]:
                    key = spare_key(nbformat.read(path, as_version=4), os.path.dirname(os.path.abspath(path)))
                    if key not in keys:
                        keys.append(key)
                for key in keys[: spare_kernels.MAX_SPARES]:
                    SPARES.prepare(key, request["warm"]["spare"])
                report = None
            elif request.get("ready"):
                await SPARES.ready()
                report = None
            else:
                timeout = int(request.get("timeout") or 180)
                report = await execute(request["notebook"], request["out"], timeout, request.get("cwd"), request.get("spare"), timings)
        except Exception as err:  # an unreadable notebook, an unwritable output, ...
            report = {"notebook": request.get("notebook"), "cell": None, "code_cell": None, "ename": type(err).__name__, "evalue": str(err)}
        if STOPPING:
            return  # the caller learns of the signal from the exit status
        line = {"id": request.get("id"), "status": 0} if report is None else {"id": request.get("id"), "status": 1, "error": report}
        results.write(json.dumps({**line, "timings": timings}) + "\n")

    while True:
        # read in a thread: stdin may be a pipe, a file or a terminal
        raw = await loop.run_in_executor(None, sys.stdin.readline)
        if not raw:
            break
        if not raw.strip():
            continue
        task = asyncio.ensure_future(job(json.loads(raw)))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.gather(*tasks)
    await SPARES.close()
    results.close()
    return 0


def main(argv):
    load_model(argv)
    if "--serve" in argv:
        return asyncio.run(serve())
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = argv[1], argv[2]
    timeout = int(argv[argv.index("--timeout") + 1]) if "--timeout" in argv else 180
    cwd = argv[argv.index("--cwd") + 1] if "--cwd" in argv else None

    async def one():
        own_the_signals(asyncio.get_running_loop())
        watch_parent(asyncio.get_running_loop(), PARENT)
        return await execute(src, dst, timeout, cwd)

    report = asyncio.run(one())
    if report is not None:
        print(json.dumps(report), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
