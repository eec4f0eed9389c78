"""
The corpus of steps with a hole inside the domain (test/fixtures/undefined-points.json), decided by
SymPy, independently of the verifier: each case adds g − g (or multiplies by h/h) to a right
derivative, where g (or 1/h) has a pole, a logarithm of 0 or a removable singularity at a point
that the domain contains or leaves out. SymPy's continuous_domain of g on the open domain says
whether g is a real number on the whole domain; the verifier must refuse exactly the steps whose g
is not (test/unit/derive/undefined-points.test.ts).

Usage: .venv/bin/python scripts/undefined_points_corpus.py  (writes the fixture; seed fixed)
"""
import json
import random
from pathlib import Path

import sympy as sp
from sympy.calculus.util import continuous_domain

x = sp.Symbol("x", real=True)
rng = random.Random(34)

BASES = [("x^2", "2 * x"), ("sin(x)", "cos(x)"), ("e^x", "e^x"), ("x^3 - x", "3 * x^2 - 1"), ("cos(2 * x)", "-2 * sin(2 * x)")]


def frac(lo, hi):
    """A simple rational in (lo, hi): tenths."""
    return sp.Rational(rng.randint(int(lo * 10) + 1, int(hi * 10) - 1), 10)


def templates(a):
    """(mathjs text, SymPy expression) of parts undefined at a (and at -a for the square)."""
    at = f"({a})" if a < 0 or not a.is_integer else f"{a}"
    return [
        (f"1 / (x - {at})", 1 / (x - a)),
        (f"log(abs(x - {at}))", sp.log(sp.Abs(x - a))),
        (f"(x - {at}) / (x - {at})", sp.Mul(x - a, sp.Pow(x - a, -1, evaluate=False), evaluate=False)),
        (f"(x - {at})^(-2)", (x - a) ** -2),
        (f"log((x - {at})^2)", sp.log((x - a) ** 2)),
        (f"1 / sin(x - {at})", 1 / sp.sin(x - a)),
        (f"1 / (e^x - e^{at})", 1 / (sp.exp(x) - sp.exp(a))),
        (f"1 / (x^2 - ({a * a}))", 1 / (x**2 - a * a)),
    ]


def defined_on(expr, lo, hi):
    """True when SymPy finds expr continuous (so real and finite) on the whole open interval."""
    dom = sp.Interval.open(lo, hi)
    if expr.is_Mul and any(f.is_Pow and f.exp == -1 for f in expr.args):
        # (x − a)/(x − a) unevaluated: undefined where its denominator is 0
        den = [f.base for f in expr.args if f.is_Pow and f.exp == -1][0]
        return not sp.solveset(den, x, dom)
    return continuous_domain(expr, x, dom) == dom


cases = []
for i in range(160):
    lo = rng.choice([-3, -2, -1, -0.5, 0.2])
    hi = lo + rng.choice([1, 1.5, 2, 3])
    inside = i % 2 == 0
    a = frac(lo, hi) if inside else frac(hi + 0.1, hi + 2)
    if i % 4 == 1:
        a = frac(lo - 2, lo - 0.1) if lo - 0.1 > lo - 2 else a
    if a == 0 and i % 8 == 0:
        pass
    f, d = rng.choice(BASES)
    g_text, g = rng.choice(templates(a))
    if g_text.startswith("1 / (x^2") and a == 0:
        continue
    ok = defined_on(g, sp.Rational(str(lo)), sp.Rational(str(hi)))
    form = rng.choice(["sum", "product"])
    step = f"{d} + {g_text} - {g_text}" if form == "sum" else f"({d}) * (({g_text}) / ({g_text}))"
    if form == "product":
        # g/g is undefined where g is 0 too: the oracle asks about g and 1/g
        ok = ok and defined_on(1 / g, sp.Rational(str(lo)), sp.Rational(str(hi)))
    cases.append({"f": f, "step": step, "domain": f"({lo}, {hi})", "part": g_text, "defined": bool(ok)})

out = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "undefined-points.json"
out.write_text(json.dumps(cases, indent=1) + "\n")
print(f"{len(cases)} cases, {sum(not c['defined'] for c in cases)} undefined somewhere inside the domain -> {out}")
