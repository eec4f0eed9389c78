"""Independent check of the diagnosis corpus (scripts/diagnose-corpus.ts) with SymPy and mpmath.

Reads a JSON list of items {f, wrt, domain, kind, step, label} on stdin and writes one verdict
{keep, why} per item: the previous expression f and the step are parsed by SymPy (sigma and
softplus written out), the target is f itself for a rewrite and SymPy's diff(f, wrt) for a
differentiate step, and both are evaluated with mpmath at 30 digits at 12 points spread over
the domain. A "true" item must agree with the target at every point; any other item must be
a real mistake, differing at some point by more than 1e-12 relatively; and the step must be a
finite real number at every point.
"""
import json
import sys

import mpmath
from sympy import E, Function, Symbol, diff, exp, lambdify, log, sympify

mpmath.mp.dps = 30


def parse(text, names):
    text = text.replace("^", "**")
    loc = dict(names)
    loc.update(e=E, sigma=lambda u: 1 / (1 + exp(-u)), softplus=lambda u: log(1 + exp(u)), log=log, exp=exp)
    return sympify(text, locals=loc)


def points(domain, n=12):
    out = []
    for k in range(n):
        pt = {}
        for j, (v, d) in enumerate(sorted(domain.items())):
            lo, hi = [float(s) for s in d.strip()[1:-1].split(",")]
            frac = ((k * (j + 1) * 7 + 3) % n + 0.5) / n
            pt[v] = mpmath.mpf(lo) + (mpmath.mpf(hi) - mpmath.mpf(lo)) * mpmath.mpf(frac)
        out.append(pt)
    return out


def value(fun, pt, order):
    try:
        v = fun(*[pt[name] for name in order])
    except (ZeroDivisionError, ValueError, OverflowError, TypeError):
        return None
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** -25 * max(1, abs(v.real)):
            return None
        v = v.real
    try:
        v = mpmath.mpf(v)
    except TypeError:
        return None
    return v if mpmath.isfinite(v) else None


def judge(item):
    order = sorted(item["domain"])
    names = {v: Symbol(v, real=True) for v in order}
    try:
        prev = parse(item["f"], names)
        step = parse(item["step"], names)
    except Exception as err:  # noqa: BLE001 - a parse failure drops the item
        return {"keep": False, "why": "sympy cannot parse"}
    target = diff(prev, names[item["wrt"]]) if item["kind"] == "differentiate" else prev
    syms = [names[v] for v in order]
    fs = lambdify(syms, step, "mpmath")
    ft = lambdify(syms, target, "mpmath")
    differs = False
    for pt in points(item["domain"]):
        a, b = value(fs, pt, order), value(ft, pt, order)
        if a is None or b is None:
            return {"keep": False, "why": "not a finite real on the domain"}
        scale = max(abs(a), abs(b), mpmath.mpf(10) ** -30)
        if abs(a - b) > scale * mpmath.mpf(10) ** -12:
            differs = True
        elif abs(a - b) > scale * mpmath.mpf(10) ** -25 and item["label"] == "true":
            return {"keep": False, "why": "true step disagrees with SymPy"}
    if item["label"] == "true":
        return {"keep": not differs, "why": "true step disagrees with SymPy" if differs else ""}
    return {"keep": differs, "why": "" if differs else "the wrong step equals the right one"}


def main():
    items = json.load(sys.stdin)
    json.dump([judge(it) for it in items], sys.stdout)


if __name__ == "__main__":
    main()
