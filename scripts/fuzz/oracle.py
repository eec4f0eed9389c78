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
import argparse
import ast
import json
import multiprocessing
import os
import random
import signal
import sys
from fractions import Fraction

from mpmath import iv, mp, mpf

TOL = mpf("1e-54")
LEVELS = [30, 60, 120, 240, 480, 960, 1920]


class Undefined(Exception):
    """The value is certainly not a real number at this point, at any precision (a log of numbers
    all ≤ 0, a fractional power of a base all < 0, a square root of numbers all < 0)."""


class Unsettled(Exception):
    """The interval at these digits cannot tell whether the value is defined (it reaches a branch
    point or a pole); more digits may settle it."""


class ItemBound(Exception):
    """The item's CPU time bound (--item-seconds) ran out."""


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


def ilog(a):
    a = iv.mpf(a)
    if a.b <= 0:
        raise Undefined("log of a number ≤ 0")
    if a.a <= 0:
        raise Unsettled("log of an interval reaching 0")
    return iv.log(a)


def isqrt(a):
    a = iv.mpf(a)
    if a.b < 0:
        raise Undefined("square root of a number < 0")
    if a.a < 0:
        raise Unsettled("square root of an interval reaching below 0")
    return iv.sqrt(a)


# below this magnitude log1p and expm1 sum their Taylor series (with a rigorous remainder) instead of
# log(1 + w) and e^v − 1, which lose every digit of w or v once it is below the working precision
SMALL = mpf(2) ** -10


def _terms(m):
    """How many Taylor terms take a series in m (0 < m ≤ 2^-10) below the working precision;
    fewer would still be rigorous (the remainder is added), only wider."""
    e = -mp.mag(mp.make_mpf(m._mpi_[1]))  # m < 2^(1 − e)
    return max(1, -(-(iv.prec + 10) // max(1, e - 1)))


def ilog1p(w):
    """log(1 + w) without cancellation: for |w| ≤ 2^-10 the series Σ (−1)^(k+1) w^k/k to n terms plus
    the remainder, whose size is at most Σ_(k>n) |w|^k/k ≤ 2|w|^(n+1)/(n+1) (|w| ≤ 1/2)."""
    w = iv.mpf(w)
    m = mag(w)
    if m > SMALL:
        return ilog(1 + w)
    if m == 0:
        return iv.mpf(0)
    n = _terms(m)
    s = iv.mpf(0)
    power = w
    for k in range(1, n + 1):
        s += power / k if k % 2 else -power / k
        power *= w
    r = (2 * iv.mpf(m) ** (n + 1) / (n + 1)).b
    return s + iv.mpf([-r, r])


def iexpm1(v):
    """e^v − 1 without cancellation: for |v| ≤ 2^-10 the series Σ v^k/k! to n terms plus the
    remainder, at most |v|^(n+1)/(n+1)! · e^|v| ≤ 2|v|^(n+1)/(n+1)!."""
    v = iv.mpf(v)
    m = mag(v)
    if m > SMALL:
        return iv.exp(v) - 1
    if m == 0:
        return iv.mpf(0)
    n = _terms(m)
    s = iv.mpf(0)
    term = iv.mpf(1)
    for k in range(1, n + 1):
        term = term * v / k
        s += term
    r = (2 * iv.mpf(m) ** (n + 1) / iv.factorial(n + 1)).b
    return s + iv.mpf([-r, r])


def increasing(at_point):
    """An increasing function on intervals from its value at a point (an interval of width 0): the
    lower end of its value at the lower end, the upper end of its value at the upper end."""

    def f(u):
        u = iv.mpf(u)
        return iv.mpf([at_point(iv.mpf(u.a)).a, at_point(iv.mpf(u.b)).b])

    return f


def _sigma(p):
    # σ(p) = 1/(1 + e^(−p)) for p ≥ 0, e^p/(1 + e^p) for p < 0: no term overflows, nothing cancels
    if p >= 0:
        return 1 / (1 + iv.exp(-p))
    t = iv.exp(p)
    return t / (1 + t)


def _softplus(p):
    # softplus p = log(1 + e^p) = log1p(e^p) for p < 0, p + log1p(e^(−p)) for p ≥ 0
    if p < 0:
        return ilog1p(iv.exp(p))
    return p + ilog1p(iv.exp(-p))


def _tanh(p):
    # tanh p = −m/(2 + m) with m = e^(−2p) − 1 for p ≥ 0 (odd for p < 0): m by expm1, so tanh of a
    # tiny p keeps its digits, and 2 + m ≥ 1
    if p < 0:
        return -_tanh(-p)
    m = iexpm1(-2 * p)
    return -m / (2 + m)


isigma = increasing(_sigma)
isoftplus = increasing(_softplus)
itanh = increasing(_tanh)


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
    """a ** b → ipow(a, b, "p/q" or None): the real power as the verifier (and mathjs) define it;
    e ** b → exp(b); log(1 + w) → log1p(w) (no cancellation when w is below the working precision)."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if not isinstance(node.op, ast.Pow):
            return node
        if isinstance(node.left, ast.Name) and node.left.id == "e":
            return ast.Call(func=ast.Name(id="exp", ctx=ast.Load()), args=[node.right], keywords=[])
        q = exact_exponent(node.right)
        return ast.Call(func=ast.Name(id="ipow", ctx=ast.Load()),
                        args=[node.left, node.right, ast.Constant(None if q is None else str(q))], keywords=[])

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "log" and len(node.args) == 1:
            a = node.args[0]
            if isinstance(a, ast.BinOp) and isinstance(a.op, ast.Add):
                for one, w in ((a.left, a.right), (a.right, a.left)):
                    if exact_exponent(one) == 1:
                        return ast.Call(func=ast.Name(id="log1p", ctx=ast.Load()), args=[w], keywords=[])
        return node


def ipow(a, b, exact):
    """The real power a^b: an integer exponent (exact, when b is a constant) for any a; any other
    exponent only for a ≥ 0 (a negative base is not a real number, as in the verifier and mathjs;
    a base interval reaching below 0 is not settled at these digits)."""
    a = iv.mpf(a)
    if exact is not None and Fraction(exact).denominator == 1:
        n = int(Fraction(exact))
        if n < 0 and a.a <= 0 <= a.b:
            # 0^(−n) is a division by 0 (fuzz 8/7348: (x − x)^(−2) read as +∞ made a step "equal")
            if a.a == 0 and a.b == 0:
                raise Undefined("0 to a negative power is not a real number")
            raise Unsettled("a base interval holding 0 to a negative power")
        return a ** n
    if a.b < 0:
        raise Undefined("a negative base to a fractional power is not a real number")
    if a.a < 0:
        raise Unsettled("a base interval reaching below 0 to a fractional power")
    if a.b == 0:
        return iv.mpf(0)
    if a.a == 0:
        raise Unsettled("a base interval holding 0 to a fractional power")
    e = iv.mpf(Fraction(exact).numerator) / Fraction(exact).denominator if exact is not None else iv.mpf(b)
    return iv.exp(e * iv.log(a))


def compile_side(code, name):
    tree = ast.fix_missing_locations(Powers().visit(ast.parse(code, mode="eval")))
    return compile(tree, name, "eval")


def names():
    return {"ipow": ipow, "exp": iv.exp, "log": ilog, "log1p": ilog1p, "sqrt": isqrt, "sin": iv.sin, "cos": iv.cos,
            "tan": iv.tan, "tanh": itanh, "sigma": isigma, "softplus": isoftplus, "abs": iabs, "max": imax,
            "min": imin, "e": iv.e, "pi": iv.pi, "N": iv.mpf}


def mag(v):
    return max(abs(v.a), abs(v.b))


def mig(v):
    if v.a <= 0 <= v.b:
        return mpf(0)
    return min(abs(v.a), abs(v.b))


def value(code, x):
    """("value", interval), ("undefined", why): certainly no real number, or ("unsettled", why):
    these digits cannot tell."""
    try:
        v = eval(code, {"__builtins__": {}}, dict(names(), x=iv.mpf(x)))
    except Undefined as err:
        return "undefined", str(err)
    except Unsettled as err:
        return "unsettled", str(err)
    except (ValueError, ZeroDivisionError, OverflowError, TypeError) as err:
        # TypeError: mpmath.iv has no complex intervals; ValueError includes its ComplexResult
        return "unsettled", f"{type(err).__name__}: {err}"
    if not isinstance(v, type(iv.mpf(0))):
        v = iv.mpf(v)
    if not (mpf("-inf") < v.a <= v.b < mpf("inf")):
        return "unsettled", "an interval reaching infinity (a pole, or a division by an interval holding 0)"
    return "value", v


# where the item being judged is, for the reason of an item stopped by its bound
where = {"x": None, "dps": None}


def judge_point(lhs, rhs, x, strict=False):
    """(verdict, reason) at x, the verdict "different", "equal", "undefined" (both sides certainly
    not real numbers: no evidence) or "undecided"; with strict, "near" for sides within the
    tolerance whose difference is certainly not 0 at more digits."""
    why = None
    within = False
    a = b = None
    where["x"] = x
    for dps in LEVELS:
        where["dps"] = dps
        iv.dps = dps
        ka, a = value(lhs, x)
        kb, b = value(rhs, x)
        if ka == "undefined" and kb == "undefined":
            return "undefined", f"both sides undefined ({a}; {b})"
        if (ka, kb) in (("undefined", "value"), ("value", "undefined")):
            return "different", f"{'lhs' if ka == 'undefined' else 'rhs'} undefined ({a if ka == 'undefined' else b}), the other side a real number"
        if ka != "value" or kb != "value":
            why = f"{a if ka != 'value' else b} at {dps} digits"
            continue
        why = None
        d = a - b
        big = max(mag(a), mag(b))
        small = max(mig(a), mig(b))
        if within:
            if mig(d) > 0:
                return "near", None
            continue
        if mig(d) > TOL * big:
            return "different", None
        if mag(d) <= TOL * small:
            if not strict:
                return "equal", None
            if mig(d) > 0:
                # within the tolerance and certainly not 0 at these very digits: not an identity (the
                # deepest level, 1920 digits, may be the first to resolve the sides: fuzz 3/599, a
                # factor 1 + 3e^x at x ≈ −823 on a value about 1e-1072, was "equal")
                return "near", None
            within = True
            continue
    if within:
        return "equal", None
    if why is not None:
        return "undecided", why
    if a.a <= 0 <= a.b and b.a <= 0 <= b.b:
        # both 0 to 1920 digits; at the verifier's counterexample, where it found them apart
        # (1 - tanh(u)^2 against 4·e^(-2u) at u = 98 500, about 1e-85581), that is no evidence
        if strict:
            return "undecided", f"both sides within 1e-{LEVELS[-1]} of 0 at the verifier's counterexample"
        return "equal", None
    return "undecided", f"the difference not settled against the tolerance at {LEVELS[-1]} digits"


def judge(item):
    """The verdict on one item: {"verdict", "at", "reason"}. A random point where both sides are
    certainly undefined is no evidence either way and is skipped; "equal" needs at least half of the
    random points decided and the verifier's counterexample decided (both undefined there: undecided)."""
    rng = random.Random(item["seed"])
    lo, hi = mpf(item["lo"]), mpf(item["hi"])
    points = [lo + (hi - lo) * mpf(k) / 10 ** 6 for k in (1, 10 ** 6 - 1)]
    points += [lo + (hi - lo) * mpf(rng.random()) for _ in range(24)]
    extra = [mpf(p) for p in item.get("extra", [])]
    points = [(mpf(str(p)), False) for p in points] + [(p, True) for p in extra]
    lhs = compile_side(item["lhs"], "lhs")
    rhs = compile_side(item["rhs"], "rhs")
    verdict = {"verdict": "equal", "at": None}
    undefined = []
    for p, strict in points:
        v, why = judge_point(lhs, rhs, str(p), strict)
        if v == "different":
            return {"verdict": "different", "at": str(p), **({"reason": why} if why else {})}
        if v == "undefined" and not strict:
            undefined.append(str(p))
            continue
        if v == "undefined":
            v, why = "undecided", f"{why} at the verifier's counterexample, where it found the sides apart"
        if (v == "undecided" and verdict["verdict"] != "undecided") or (v == "near" and verdict["verdict"] == "equal"):
            verdict = {"verdict": v, "at": str(p), **({"reason": why} if why else {})}
    random_points = sum(1 for _, strict in points if not strict)
    if verdict["verdict"] in ("equal", "near") and 2 * len(undefined) > random_points:
        return {"verdict": "undecided", "at": undefined[0],
                "reason": f"both sides undefined at {len(undefined)} of {random_points} points (first x = {undefined[0]}): too few decided"}
    return verdict


def bounded(seconds):
    """judge with a CPU time bound: past `seconds` of CPU the item is "undecided" with the reason."""

    def stop(*_):
        raise ItemBound()

    signal.signal(signal.SIGPROF, stop)

    def run(item):
        signal.setitimer(signal.ITIMER_PROF, seconds)
        try:
            return judge(item)
        except ItemBound:
            return {"verdict": "undecided", "at": where["x"],
                    "reason": f"the oracle's item bound: over {seconds:g} s of CPU (at x = {where['x']}, {where['dps']} digits)"}
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)

    return run


class Worker:
    """Items judged in a forked child under the CPU bound; a child that does not answer within the
    wall bound (a stall the CPU timer cannot interrupt, e.g. inside one long C call, or a machine so
    loaded the CPU bound is never reached) is killed and replaced, the item "undecided"."""

    def __init__(self, seconds, wall):
        self.seconds, self.wall = seconds, wall
        self.start()

    def start(self):
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=self.serve, args=(child, self.conn, self.seconds), daemon=True)
        self.proc.start()
        child.close()

    @staticmethod
    def serve(conn, parent, seconds):
        # the parent's end closed here, and stdio let go: when the parent dies (a SIGTERM skips the
        # daemon clean-up) recv() ends, and no pipe of the process that spawned the oracle stays open
        parent.close()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        run = bounded(seconds)
        while True:
            try:
                item = conn.recv()
            except EOFError:
                return
            try:
                verdict = run(item)
            except Exception as err:  # any error of one item (a RecursionError, mpmath's) leaves it undecided, not the worker dead
                verdict = {"verdict": "undecided", "at": where["x"],
                           "reason": f"the oracle failed on the item: {type(err).__name__}: {err}"}
            conn.send(verdict)

    def restart(self):
        """Ends the child (if it still runs) and its pipe, and starts a fresh one."""
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()
        self.start()

    def __call__(self, item):
        # a child that died (killed from outside, out of memory, a crash in C) shows as a broken pipe on
        # send or an end of file on recv (poll() is true at an end of file too): the item is undecided,
        # the child replaced, and the run goes on (a 3000-step fuzz run ended in EOFError here)
        try:
            self.conn.send(item)
            if self.conn.poll(self.wall):
                return self.conn.recv()
            reason = f"the oracle's item bound: no answer within {self.wall:g} s of wall time (killed)"
        except (EOFError, OSError):
            self.proc.join(1)
            reason = f"the oracle's worker died judging the item (exit code {self.proc.exitcode}); replaced"
        self.restart()
        return {"verdict": "undecided", "at": None, "reason": reason}


def main():
    parser = argparse.ArgumentParser(description="The fuzzer's independent oracle (see the docstring).")
    parser.add_argument("--lines", action="store_true", help="one JSON list a line, answered line by line")
    parser.add_argument("--item-seconds", type=float, default=20,
                        help="CPU seconds per item before it is undecided (0: no bound); default 20")
    parser.add_argument("--item-wall", type=float, default=None,
                        help="wall seconds per item before its process is killed; default 10 × --item-seconds")
    args = parser.parse_args()
    if args.item_seconds > 0:
        run = Worker(args.item_seconds, args.item_wall or 10 * args.item_seconds)
    else:
        run = judge
    if args.lines:
        # long-lived: each input line a JSON list of items (one chunk), each output line its verdicts
        for line in sys.stdin:
            if line.strip():
                print(json.dumps([run(it) for it in json.loads(line)]), flush=True)
        return
    items = json.load(sys.stdin)
    print(json.dumps([run(it) for it in items]))


if __name__ == "__main__":
    main()
