"""Execute one notebook under a Jupyter kernel with nbclient and write the result.

Usage: execute-notebook.py IN.ipynb OUT.ipynb [--timeout SECONDS]

The kernel runs with the notebook's folder as its working directory and stops at the
first failing cell. On failure it prints one JSON line to stderr,
{"notebook": ..., "cell": N (1-based, counting every cell), "code_cell": K (1-based, counting
code cells only), "ename": ..., "evalue": ...},
writes the partly executed notebook to OUT, and exits with status 1.
"""
import json
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = argv[1], argv[2]
    timeout = int(argv[argv.index("--timeout") + 1]) if "--timeout" in argv else 180
    nb = nbformat.read(src, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "tslab")
    running = {"index": None}

    def on_cell_execute(cell, cell_index, **_):
        running["index"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
        on_cell_execute=on_cell_execute,
    )
    status = 0
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        status = 1
        index = running["index"]
        cell = index + 1 if index is not None else None
        if isinstance(err, CellTimeoutError):
            ename, evalue = "CellTimeoutError", f"the cell was still running after {timeout} s (the per-cell timeout)"
        else:
            ename, evalue = getattr(err, "ename", type(err).__name__), getattr(err, "evalue", "")
            if not evalue and cell is not None:
                # tslab reports a runtime error as stderr text and an error output with empty fields.
                ename, evalue = error_from_stderr(nb.cells[index]) or (ename, str(err).strip().splitlines()[-1] if str(err).strip() else "")
        code_cell = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code") if index is not None else None
        report = {"notebook": src, "cell": cell, "code_cell": code_cell, "ename": ename, "evalue": evalue}
        print(json.dumps(report), file=sys.stderr)
    except Exception as err:  # kernel died, could not start, ...
        status = 1
        print(json.dumps({"notebook": src, "cell": None, "ename": type(err).__name__, "evalue": str(err)}), file=sys.stderr)
    nbformat.write(nb, dst)
    return status


def error_from_stderr(cell):
    """(ename, evalue) from a line like "ReferenceError: rows is not defined" in the cell's stderr, or None."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")
    for line in text.splitlines():
        m = re.match(r"^\s*((?:[A-Za-z_][\w.]*)?(?:Error|Exception))(?::\s*(.*))?$", line)
        if m:
            return m.group(1), (m.group(2) or "").strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return ("Error", lines[-1].strip()) if lines else None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
