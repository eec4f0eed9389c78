"""The fuzzer's independent oracle: are two expressions equal on a domain?

Reads (with --lines: one JSON list a line, answered line by line, for a long run fed in
chunks) a JSON list of items {lhs, rhs, lo, hi, seed, extra} (Python syntax in x, literals
written N("0.1") so they stay decimal; sigma, softplus written out) on stdin and prints a JSON list of verdicts: "equal", "different" or
"undecided", each with the point that decided it. Each side is evaluated in mpmath's
interval arithmetic (mpmath.iv, rigorous outward rounding, nothing shared with the
verifier's decimal.js) at 24 random points of [lo, hi], both ends, and the verifier's own
counterexample point (extra), with the working precision doubled from 30 to 1920 digits
until the interval of lhs − rhs settles it against the verifier's tolerance, 1e-54 of the
larger side. Two sides whose intervals both still hold 0 at 1920 digits count as equal, except at the
verifier's counterexample point, where they leave the step undecided. Powers are real powers
as the verifier defines them: an integer exponent for any base, any other only for a base
≥ 0 (cos(x)^2.0000000000000002 at cos x < 0 is not a real number).

At the verifier's counterexample point the oracle looks further: sides that agree to the
tolerance there but whose difference is certainly not 0 at some precision up to 1920 digits
(sqrt(1 + σ³) for sqrt(1 + σ²) where σ ≈ 1e-100) are "near": the step is not an identity,
so rejecting it is right, though its error is below the tolerance (the verifier rejects
such a step where its exact tier shows the normal forms differ).
"""
import ast
import json
import random
import sys
from fractions import Fraction

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


def exact_exponent(node):
    """The exponent as an exact Fraction when it is built of decimal literals N("…"), integers,
    + − × ÷ and unary minus; else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N" and \
            len(node.args) == 1 and isinstance(node.args[0], ast.Constant):
        return Fraction(node.args[0].value)
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return Fraction(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = exact_exponent(node.operand)
        return None if v is None else (-v if isinstance(node.op, ast.USub) else v)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = exact_exponent(node.left), exact_exponent(node.right)
        if a is None or b is None or (isinstance(node.op, ast.Div) and b == 0):
            return None
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op)) if not isinstance(node.op, ast.Div) else a / b
    return None


class Powers(ast.NodeTransformer):
    """a ** b → ipow(a, b, "p/q" or None): the real power as the verifier (and mathjs) define it."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if not isinstance(node.op, ast.Pow):
            return node
        q = exact_exponent(node.right)
        return ast.Call(func=ast.Name(id="ipow", ctx=ast.Load()),
                        args=[node.left, node.right, ast.Constant(None if q is None else str(q))], keywords=[])


def ipow(a, b, exact):
    """The real power a^b: an integer exponent (exact, when b is a constant) for any a; any other
    exponent only for a ≥ 0 (a negative base is not a real number, as in the verifier and mathjs;
    a base interval reaching below 0 is not settled at these digits: ValueError, more digits)."""
    a = iv.mpf(a)
    if exact is not None and Fraction(exact).denominator == 1:
        return a ** int(Fraction(exact))
    if a.a < 0:
        raise ValueError("a negative base to a fractional power is not a real number")
    if a.b == 0:
        return iv.mpf(0)
    if a.a == 0:
        raise ValueError("a base interval holding 0 to a fractional power")
    e = iv.mpf(Fraction(exact).numerator) / Fraction(exact).denominator if exact is not None else iv.mpf(b)
    return iv.exp(e * iv.log(a))


def compile_side(code, name):
    tree = ast.fix_missing_locations(Powers().visit(ast.parse(code, mode="eval")))
    return compile(tree, name, "eval")


def names():
    return {"ipow": ipow, "exp": iv.exp, "log": iv.log, "sqrt": iv.sqrt, "sin": iv.sin, "cos": iv.cos, "tan": iv.tan,
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
        # both 0 to 1920 digits; at the verifier's counterexample, where it found them apart
        # (1 - tanh(u)^2 against 4·e^(-2u) at u = 98 500, about 1e-85581), that is no evidence
        return "undecided" if strict else "equal"
    return "undecided"


def judge(item):
    rng = random.Random(item["seed"])
    lo, hi = mpf(item["lo"]), mpf(item["hi"])
    points = [lo + (hi - lo) * mpf(k) / 10 ** 6 for k in (1, 10 ** 6 - 1)]
    points += [lo + (hi - lo) * mpf(rng.random()) for _ in range(24)]
    extra = [mpf(p) for p in item.get("extra", [])]
    points = [(mpf(str(p)), False) for p in points] + [(p, True) for p in extra]
    lhs = compile_side(item["lhs"], "lhs")
    rhs = compile_side(item["rhs"], "rhs")
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
