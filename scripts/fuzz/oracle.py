"""The fuzzer's independent oracle: are two expressions equal on a domain?

Reads (with --lines: one JSON list a line, answered line by line, for a long run fed in
chunks) a JSON list of items {lhs, rhs, lo, hi, seed, extra} (Python syntax in x, literals
written N("0.1") so they stay decimal; sigma, softplus written out) on stdin and prints a JSON list of verdicts: "equal", "different" or
"undecided", each with the point that decided it. Each side is evaluated in mpmath's
interval arithmetic (mpmath.iv, rigorous outward rounding, nothing shared with the
verifier's decimal.js) at 24 random points of [lo, hi], both ends, and the verifier's own
counterexample point (extra), with the working precision doubled from 30 to 1920 digits
until the interval of lhs − rhs settles it against the verifier's tolerance, 1e-54 of the
larger side. Two sides whose intervals both still hold 0 at 1920 digits count as equal.

At the verifier's counterexample point the oracle looks further: sides that agree to the
tolerance there but whose difference is certainly not 0 at some precision up to 1920 digits
(sqrt(1 + σ³) for sqrt(1 + σ²) where σ ≈ 1e-100) are "near": the step is not an identity,
so rejecting it is right, though its error is below the tolerance (the verifier rejects
such a step where its exact tier shows the normal forms differ).
"""
import json
import random
import sys

from mpmath import iv, mpf

TOL = mpf("1e-54")
LEVELS = [30, 60, 120, 240, 480, 960, 1920]


def imax(*args):
    args = [iv.mpf(a) for a in args]
    lo = max(a.a for a in args)
    hi = max(a.b for a in args)
    return iv.mpf([lo, hi])


def imin(*args):
    args = [iv.mpf(a) for a in args]
    lo = min(a.a for a in args)
    hi = min(a.b for a in args)
    return iv.mpf([lo, hi])


def iabs(a):
    return abs(a)


def itanh(u):
    # tanh u = 1 - 2 / (e^(2u) + 1), no overflow for u < 0 needed: intervals of any size work
    return 1 - 2 / (iv.exp(2 * u) + 1)


def names():
    return {"exp": iv.exp, "log": iv.log, "sqrt": iv.sqrt, "sin": iv.sin, "cos": iv.cos, "tan": iv.tan,
            "tanh": itanh, "abs": iabs, "max": imax, "min": imin, "e": iv.e, "pi": iv.pi, "N": iv.mpf}


def mag(v):
    return max(abs(v.a), abs(v.b))


def mig(v):
    if v.a <= 0 <= v.b:
        return mpf(0)
    return min(abs(v.a), abs(v.b))


def value(code, x):
    try:
        v = eval(code, {"__builtins__": {}}, dict(names(), x=iv.mpf(x)))
    except (ValueError, ZeroDivisionError, OverflowError, TypeError):
        # TypeError: mpmath.iv has no complex intervals, and log or sqrt of an interval that
        # reaches below 0 (a value near 0 at too few digits) tries one; more digits may settle it
        return None
    if not isinstance(v, type(iv.mpf(0))):
        v = iv.mpf(v)
    if not (mpf("-inf") < v.a <= v.b < mpf("inf")):
        return None
    return v


def judge_point(lhs, rhs, x, strict=False):
    """"different", "equal", "undefined" or "undecided" at x; with strict, "near" for sides
    within the tolerance whose difference is certainly not 0 at more digits."""
    last = None
    within = False
    for dps in LEVELS:
        iv.dps = dps
        a = value(lhs, x)
        b = value(rhs, x)
        if a is None or b is None:
            last = (a, b)
            continue
        d = a - b
        big = max(mag(a), mag(b))
        small = max(mig(a), mig(b))
        if within:
            if mig(d) > 0:
                return "near"
            continue
        if mig(d) > TOL * big:
            return "different"
        if mag(d) <= TOL * small:
            if not strict:
                return "equal"
            within = True
            continue
        last = (a, b)
    if within:
        return "equal"
    a, b = last
    if a is None and b is None:
        return "undefined"
    if a is None or b is None:
        return "different"
    if a.a <= 0 <= a.b and b.a <= 0 <= b.b:
        return "equal"
    return "undecided"


def judge(item):
    rng = random.Random(item["seed"])
    lo, hi = mpf(item["lo"]), mpf(item["hi"])
    points = [lo + (hi - lo) * mpf(k) / 10 ** 6 for k in (1, 10 ** 6 - 1)]
    points += [lo + (hi - lo) * mpf(rng.random()) for _ in range(24)]
    extra = [mpf(p) for p in item.get("extra", [])]
    points = [(mpf(str(p)), False) for p in points] + [(p, True) for p in extra]
    lhs = compile(item["lhs"], "lhs", "eval")
    rhs = compile(item["rhs"], "rhs", "eval")
    verdict = {"verdict": "equal", "at": None}
    for p, strict in points:
        v = judge_point(lhs, rhs, str(p), strict)
        if v == "different":
            return {"verdict": "different", "at": str(p)}
        if v == "undecided" or (v == "near" and verdict["verdict"] == "equal"):
            verdict = {"verdict": v, "at": str(p)}
    return verdict


def main():
    if "--lines" in sys.argv:
        # long-lived: each input line a JSON list of items (one chunk), each output line its verdicts
        for line in sys.stdin:
            if line.strip():
                print(json.dumps([judge(it) for it in json.loads(line)]), flush=True)
        return
    items = json.load(sys.stdin)
    print(json.dumps([judge(it) for it in items]))


if __name__ == "__main__":
    main()
