"""SymPy's verdict on identities, timed: simplify(a - b) == 0, else a.equals(b), 30 s each at most.

Reads a JSON list of {lhs, rhs, lo, hi} (Python syntax in x, literals as N("0.1")) on stdin;
prints a JSON list of {equal, how, seconds}. x is declared real (and positive when lo >= 0).
"""
import json
import signal
import sys
import time

from sympy import Abs, E, Max, Min, Rational, cos, exp, log, simplify, sin, sqrt, symbols, sympify, tan, tanh


def alarm(*_):
    raise TimeoutError()


def main():
    items = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, alarm)
    out = []
    for it in items:
        x = symbols("x", real=True, positive=float(it["lo"]) >= 0)
        loc = {"x": x, "e": E, "exp": exp, "log": log, "sqrt": sqrt, "sin": sin, "cos": cos, "tan": tan, "tanh": tanh,
               "abs": Abs, "max": Max, "min": Min, "N": Rational}
        t0 = time.perf_counter()
        verdict, how = None, "simplify"
        try:
            signal.alarm(30)
            a = sympify(it["lhs"], locals=loc)
            b = sympify(it["rhs"], locals=loc)
            if simplify(a - b) == 0:
                verdict = True
            else:
                how = "equals"
                verdict = a.equals(b)
            signal.alarm(0)
        except TimeoutError:
            how = "timeout (30 s)"
        except Exception as err:  # noqa: BLE001 - a SymPy failure is a verdict of its own here
            signal.alarm(0)
            how = "error: " + str(err)[:60]
        out.append({"equal": verdict, "how": how, "seconds": time.perf_counter() - t0})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
