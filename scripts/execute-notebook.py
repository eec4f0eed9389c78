"""Execute one notebook under a Jupyter kernel with nbclient and write the result.

Usage: execute-notebook.py IN.ipynb OUT.ipynb [--timeout SECONDS]

The kernel runs with the notebook's folder as its working directory and stops at the
first failing cell. On failure it prints one JSON line to stderr,
{"notebook": ..., "cell": N (1-based, counting every cell), "ename": ..., "evalue": ...},
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
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
    )
    status = 0
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        status = 1
        cell = failing_cell(nb)
        ename, evalue = getattr(err, "ename", type(err).__name__), getattr(err, "evalue", "")
        if not evalue and cell is not None:
            # tslab reports a runtime error as stderr text and an error output with empty fields.
            ename, evalue = error_from_stderr(nb.cells[cell - 1]) or (ename, str(err).strip().splitlines()[-1] if str(err).strip() else "")
        report = {"notebook": src, "cell": cell, "ename": ename, "evalue": evalue}
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


def failing_cell(nb):
    """1-based number of the first cell with an error output, or of the last executed cell."""
    last = None
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i
        if cell.get("execution_count") is not None:
            last = i
    return last


if __name__ == "__main__":
    sys.exit(main(sys.argv))
