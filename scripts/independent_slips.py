"""A corpus of slips made without the kit's code: an independent check of the diagnosis (issue 20).

scripts/diagnose-corpus.ts makes its wrong steps with the kit's own slip candidates, so a gap in
those candidates would be a gap in the corpus too. This script has its own expression trees, its
own rule-by-rule derivative and its own implementation of each slip of the catalogue; it shares
nothing with lib/derive but the mathjs syntax it prints. Functions are random compositions of
machine-learning building blocks (x, affine maps, powers, e^u, 2^u, log, sqrt, tanh, sin, cos,
σ, softplus, products, quotients), 1-4 deep, finite on (-2, 2).

For every function it writes: wrong differentiate steps, each one slip at one random place where
that slip applies with everything else done right; the right derivative; an unexplained mistake
(the right derivative scaled or shifted). For rewrite slips it embeds a pattern (log of a sum,
e^ of a sum, ...) in a random context and applies the slip there; it also writes true rewrites,
some of which look like a slip (log(2x) = log 2 + log x), and unexplained wrong rewrites.

Items are printed as JSON {items: [...]} in the format of test/fixtures/diagnose-corpus.json;
scripts/independent-slip-corpus.ts pipes them through scripts/check_diagnose_corpus.py (SymPy and
mpmath) to keep only the items whose label is right.

Usage: python scripts/independent_slips.py [--functions N] [--seed S]   (scripts/independent-slip-corpus.ts runs
it, checks the items and writes the corpus)
"""
import argparse
import json
import random

# An expression is a tuple: ("x",), ("c", number), (op, child, ...) with op one of
# add sub mul div neg pow (child, integer exponent) apow (base number, child) exp log sqrt tanh sin
# cos sigma softplus.
X = ("x",)


def c(v):
    return ("c", v)


def is_const(e):
    return e[0] == "c"


def has_x(e):
    return e[0] == "x" or any(has_x(k) for k in e[1:] if isinstance(k, tuple))


def num(v):
    s = repr(v)
    return s[:-2] if s.endswith(".0") else s


def show(e, exp_style):
    """mathjs text of e, fully bracketed; exp_style picks e^(u) or exp(u) for each exponential."""
    op = e[0]
    s = lambda k: show(k, exp_style)  # noqa: E731
    if op == "x":
        return "x"
    if op == "c":
        return num(e[1]) if e[1] >= 0 else f"({num(e[1])})"
    if op in ("add", "sub", "mul", "div"):
        sym = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[op]
        return f"({s(e[1])} {sym} {s(e[2])})"
    if op == "neg":
        return f"(-{s(e[1])})"
    if op == "pow":
        return f"({s(e[1])})^{num(e[2]) if e[2] >= 0 else '(' + num(e[2]) + ')'}"
    if op == "apow":
        return f"({num(e[1])})^({s(e[2])})"
    if op == "exp":
        return f"e^({s(e[1])})" if exp_style() else f"exp({s(e[1])})"
    return f"{op}({s(e[1])})"


# ---- building functions -------------------------------------------------------------------

def leaf(r):
    return r.choice([X, X, ("mul", c(r.choice([2, 3, 0.5, -1.5])), X), ("add", X, c(r.choice([1, -0.5, 2]))),
                     ("sub", c(1), X), ("pow", X, 2)])


def positive(r, d):
    """A function of x that stays above about 0.5 on (-2, 2)."""
    u = fn(r, d)
    return r.choice([("add", c(1), ("pow", u, 2)), ("exp", u), ("add", c(2), ("cos", u)), ("sigma", u),
                     ("add", c(1), ("exp", u)), ("softplus", u)])


def fn(r, d):
    if d <= 0:
        return leaf(r)
    a = lambda: fn(r, d - 1)  # noqa: E731
    pick = r.randrange(19)
    if pick == 0:
        return ("add", a(), a())
    if pick == 1:
        u, v = a(), a()
        return ("sub", u, v) if u != v else ("sub", u, c(1))
    if pick == 2:
        return ("mul", a(), a())
    if pick == 3:
        return ("div", a(), positive(r, d - 1))
    if pick == 4:
        return ("pow", a(), r.choice([2, 3]))
    if pick == 5:
        return ("pow", positive(r, d - 1), r.choice([-1, -2]))
    if pick == 6:
        return ("exp", ("neg", a()))
    if pick == 7:
        return ("exp", a())
    if pick == 8:
        return ("apow", r.choice([2, 3]), a())
    if pick == 9:
        return ("log", positive(r, d - 1))
    if pick == 10:
        return ("sqrt", ("add", c(1), ("pow", a(), 2)))
    if pick == 11:
        return ("tanh", a())
    if pick == 12:
        return ("sin", a())
    if pick == 13:
        return ("cos", a())
    if pick == 14:
        return ("sigma", a())
    if pick == 15:
        return ("softplus", a())
    if pick == 16:
        return ("mul", c(r.choice([2, 4, -3, 0.25])), a())
    if pick == 17:
        return ("add", a(), c(r.choice([1, 3, -2])))
    return ("neg", a())


# ---- the rule-by-rule derivative, with at most one slip -------------------------------------

SLIPS_OF = {
    # which slips can strike a node, by its operator
    "add": ["sum-term-dropped", "sign-flip", "constant-not-zero"],
    "sub": ["sum-term-dropped", "sign-flip", "constant-not-zero"],
    "mul": ["product-one-term", "product-of-derivatives", "constant-factor-lost"],
    "div": ["quotient-numerator-order", "quotient-denominator", "quotient-of-derivatives"],
    "pow": ["power-exponent-kept", "exponential-rule-on-power", "chain-inner-missing"],
    "apow": ["power-rule-on-exponential", "chain-inner-missing"],
    "exp": ["power-rule-on-exponential", "chain-inner-missing"],
    "log": ["chain-inner-missing"],
    "sqrt": ["chain-inner-missing"],
    "tanh": ["chain-inner-missing"],
    "sin": ["chain-inner-missing"],
    "cos": ["chain-inner-missing"],
    "sigma": ["chain-inner-missing"],
    "softplus": ["chain-inner-missing"],
}


def applicable(e, slip):
    """Whether `slip` makes sense at node e (so that the step it gives is that slip's shape)."""
    op = e[0]
    if slip == "chain-inner-missing":
        return e[-1] != X and has_x(e[-1]) if op != "pow" else e[1] != X and has_x(e[1])
    if slip == "constant-not-zero":
        return any(is_const(k) and k[1] != 0 for k in e[1:])
    if slip in ("sum-term-dropped", "sign-flip"):
        return has_x(e[1]) and has_x(e[2])
    if slip == "constant-factor-lost":
        return is_const(e[1]) and e[1][1] not in (0, 1) and has_x(e[2])
    if slip in ("product-one-term", "product-of-derivatives"):
        return has_x(e[1]) and has_x(e[2])
    if op == "div":
        return has_x(e[2])
    if slip == "exponential-rule-on-power":
        return has_x(e[1])
    return has_x(e)


def places(e, path=()):
    """Every (path, slip) where a slip applies in e."""
    out = [(path, s) for s in SLIPS_OF.get(e[0], []) if applicable(e, s)]
    for i, k in enumerate(e[1:], start=1):
        if isinstance(k, tuple):
            out += places(k, path + (i,))
    return out


def D(e, slip=None, at=None, path=()):
    """d/dx e by the rules; `slip` is made at the node whose path is `at` (variant chosen by `slip[1]`)."""
    here = slip is not None and at == path
    op = e[0]
    d = lambda i: D(e[i], slip, at, path + (i,))  # noqa: E731
    if op == "x":
        return c(1)
    if op == "c":
        return c(0)
    if op in ("add", "sub"):
        a, b = e[1], e[2]
        da, db = d(1), d(2)
        if here and slip[0] == "constant-not-zero":
            # the constant term differentiated to itself or to 1
            if is_const(a):
                da = a if slip[1] else c(1)
            else:
                db = b if slip[1] else c(1)
        if here and slip[0] == "sum-term-dropped":
            return (("neg", db) if op == "sub" else db) if slip[1] else da
        if here and slip[0] == "sign-flip":
            if slip[1]:
                da = ("neg", da)
            else:
                db = ("neg", db)
        return (op, da, db)
    if op == "neg":
        return ("neg", d(1))
    if op == "mul":
        u, v = e[1], e[2]
        if is_const(u):
            dv = d(2)
            if here and slip[0] == "constant-factor-lost":
                return dv
            return ("mul", u, dv)
        du, dv = d(1), d(2)
        if here and slip[0] == "product-one-term":
            return ("mul", du, v) if slip[1] else ("mul", u, dv)
        if here and slip[0] == "product-of-derivatives":
            return ("mul", du, dv)
        return ("add", ("mul", du, v), ("mul", u, dv))
    if op == "div":
        u, v = e[1], e[2]
        du, dv = d(1), d(2)
        num_ = ("sub", ("mul", du, v), ("mul", u, dv))
        if here and slip[0] == "quotient-numerator-order":
            return ("div", ("sub", ("mul", u, dv), ("mul", du, v)), ("pow", v, 2))
        if here and slip[0] == "quotient-denominator":
            return ("div", num_, v) if slip[1] else num_
        if here and slip[0] == "quotient-of-derivatives":
            return ("div", du, dv)
        return ("div", num_, ("pow", v, 2))
    inner = e[1] if op in ("pow",) else e[-1]
    di = d(1) if op == "pow" else d(len(e) - 1)
    chain = lambda outer: outer if (here and slip[0] == "chain-inner-missing") else ("mul", outer, di)  # noqa: E731
    if op == "pow":
        n = e[2]
        if here and slip[0] == "power-exponent-kept":
            return ("mul", ("mul", c(n), ("pow", inner, n)), di)
        if here and slip[0] == "exponential-rule-on-power":
            return ("mul", ("mul", ("pow", inner, n), ("log", inner)), di)
        return chain(("mul", c(n), ("pow", inner, n - 1)))
    if op == "apow":
        k = e[1]
        if here and slip[0] == "power-rule-on-exponential":
            return ("mul", ("mul", inner, ("apow", k, ("sub", inner, c(1)))), di)
        return chain(("mul", e, ("log", c(k))))
    if op == "exp":
        if here and slip[0] == "power-rule-on-exponential":
            return ("mul", ("mul", inner, ("exp", ("sub", inner, c(1)))), di)
        return chain(e)
    outer = {
        "log": lambda u: ("div", c(1), u),
        "sqrt": lambda u: ("div", c(1), ("mul", c(2), ("sqrt", u))),
        "tanh": lambda u: ("sub", c(1), ("pow", ("tanh", u), 2)),
        "sin": lambda u: ("cos", u),
        "cos": lambda u: ("neg", ("sin", u)),
        "sigma": lambda u: ("mul", ("sigma", u), ("sub", c(1), ("sigma", u))),
        "softplus": lambda u: ("sigma", u),
    }[op](inner)
    return chain(outer)


def get(e, path):
    for i in path:
        e = e[i]
    return e


def put(e, path, new):
    if not path:
        return new
    i = path[0]
    return e[:i] + (put(e[i], path[1:], new),) + e[i + 1:]


# ---- rewrite slips ------------------------------------------------------------------------

def rewrite_core(r, d):
    """(pattern, slip id, the slip's result, a true rewrite of it or None)."""
    A, B, P, Q = fn(r, d), fn(r, d), positive(r, d), positive(r, d)
    k = r.choice([2, 3])
    return r.choice([
        (("div", A, ("add", P, Q)), "split-denominator-sum", ("add", ("div", A, P), ("div", A, Q)), None),
        (("div", ("add", P, A), P), "cancel-across-sum", A, ("add", c(1), ("div", A, P))),
        (("exp", ("add", A, B)), "exponential-of-sum", ("add", ("exp", A), ("exp", B)),
         ("mul", ("exp", A), ("exp", B))),
        (("log", ("add", P, Q)), "log-of-sum", ("add", ("log", P), ("log", Q)), None),
        (("pow", ("add", A, B), k), "power-of-sum", ("add", ("pow", A, k), ("pow", B, k)), None),
        (("neg", ("sub", A, B)), "negation-distribution", ("sub", ("neg", A), B), ("sub", B, A)),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--functions", type=int, default=80)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    r = random.Random(args.seed)
    style = lambda: r.random() < 0.5  # noqa: E731
    items, seen = [], set()
    dom = {"x": "(-2, 2)"}

    def push(f, kind, step, label):
        key = (f, kind, step)
        if key not in seen:
            seen.add(key)
            items.append({"f": f, "wrt": "x", "domain": dom, "kind": kind, "step": step, "label": label})

    for _ in range(args.functions):
        e = fn(r, r.randint(1, 4))
        if not has_x(e):
            continue
        f = show(e, style)
        spots = places(e)
        r.shuffle(spots)
        used = set()
        for path, slip in spots:
            if slip in used:
                continue
            used.add(slip)
            variant = r.random() < 0.5
            step = D(e, (slip, variant), path)
            push(f, "differentiate", show(step, style), slip)
        right = D(e)
        push(f, "differentiate", show(right, style), "true")
        wrong = ("mul", c(1.1), right) if r.random() < 0.5 else ("add", right, ("div", c(1), c(7)))
        push(f, "differentiate", show(wrong, style), "unexplained")

    for _ in range(args.functions):
        pattern, slip, result, true_form = rewrite_core(r, r.randint(0, 2))
        context = r.choice([None, None, "mul", "add", "div"])
        g = fn(r, 1)
        wrap = {
            None: lambda t: t,
            "mul": lambda t: ("mul", g, t),
            "add": lambda t: ("add", t, g),
            "div": lambda t: ("div", t, ("add", c(2), ("sin", g))),
        }[context]
        f = show(wrap(pattern), style)
        push(f, "rewrite", show(wrap(result), style), slip)
        if true_form is not None:
            push(f, "rewrite", show(wrap(true_form), style), "true")
    # true rewrites that look like a slip, and mistakes no slip makes
    for _ in range(args.functions // 4):
        P, Q, A, B = positive(r, 1), positive(r, 1), fn(r, 1), fn(r, 1)
        pairs = [
            (("log", ("mul", c(2), P)), ("add", ("log", c(2)), ("log", P)), "true"),
            (("log", ("mul", P, Q)), ("add", ("log", P), ("log", Q)), "true"),
            (("pow", ("mul", A, B), 2), ("mul", ("pow", A, 2), ("pow", B, 2)), "true"),
            (("exp", ("sub", A, B)), ("div", ("exp", A), ("exp", B)), "true"),
            (("log", ("add", P, Q)), ("mul", ("log", P), ("log", Q)), "unexplained"),
            (("exp", ("add", A, B)), ("add", ("mul", ("exp", A), ("exp", B)), c(1)), "unexplained"),
            (("pow", ("add", A, B), 2), ("add", ("pow", A, 2), ("add", ("mul", A, B), ("pow", B, 2))),
             "unexplained"),
        ]
        a, b, label = r.choice(pairs)
        push(show(a, style), "rewrite", show(b, style), label)
    print(json.dumps({"items": items}))


if __name__ == "__main__":
    main()
