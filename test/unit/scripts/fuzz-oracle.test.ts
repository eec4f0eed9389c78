/**
 * The fuzz oracle itself (scripts/fuzz/oracle.py, issue 21): its functions evaluated without
 * cancellation (softplus, σ, tanh, log1p, expm1 against mpmath's non-interval values at twice the
 * digits, down to e^(−6e9)), a step both of whose sides are undefined left undecided, and an item
 * that stalls stopped by its bound while the chunk goes on.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { python, pythonText } from "../../../scripts/fuzz/run";

const o = suite("the fuzz oracle (oracle.py)");
const ORACLE = path.join(__dirname, "../../../scripts/fuzz/oracle.py");

interface Verdict {
  verdict: string;
  at: string | null;
  reason?: string;
}

/** The oracle's verdicts on items [lhs, rhs, lo, hi, extra] (mathjs syntax), with its flags. */
const judge = (items: [string, string, string, string, string[]?][], flags: string[] = []): Verdict[] => {
  const run = spawnSync(python(), [ORACLE, ...flags], {
    input: JSON.stringify(
      items.map(([lhs, rhs, lo, hi, extra]) => ({
        lhs: pythonText(lhs),
        rhs: pythonText(rhs),
        lo,
        hi,
        seed: 1,
        extra: extra ?? [],
      })),
    ),
    encoding: "utf8",
  });
  assert.is(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
};

o(
  "should evaluate softplus, σ, tanh, log1p and expm1 rigorously and to the working digits, at −6e9 and at 1e-300",
  () => {
    // each interval at 30 and 240 digits must hold mpmath's value at twice the digits and be no wider than 1e-(digits − 3) of it
    const script = `
import sys, json
sys.path.insert(0, ${JSON.stringify(path.dirname(ORACLE))})
import oracle
from mpmath import iv, mp, mpf
def ref(name, u):
    if name == "softplus": return mp.log1p(mp.exp(u))
    if name == "sigma": return 1 / (1 + mp.exp(-u))
    if name == "tanh": return mp.tanh(u)
    if name == "log1p": return mp.log1p(u)
    return mp.expm1(u)
fns = {"softplus": oracle.isoftplus, "sigma": oracle.isigma, "tanh": oracle.itanh, "log1p": oracle.ilog1p, "expm1": oracle.iexpm1}
points = ["-6e9", "-1e5", "-745.2", "-40", "-1", "-1e-3", "-1e-30", "-1e-300", "0", "1e-300", "1e-30", "1e-3", "0.7", "1", "40", "745.2", "1e5", "6e9"]
bad, checked = [], 0
for dps in (30, 240):
    for name, f in fns.items():
        for p in points:
            if name == "log1p" and mpf(p) <= -1: continue
            if name == "expm1" and abs(mpf(p)) > 1e5: continue
            iv.dps = dps; mp.dps = 2 * dps
            v = f(iv.mpf(p)); r = ref(name, mpf(p))
            lo, hi = mpf(v.a.a), mpf(v.b.b)
            width = hi - lo
            ok = lo <= r <= hi and (width <= abs(r) * mpf(10) ** (3 - dps))
            checked += 1
            if not ok: bad.append(f"{name}({p}) at {dps} digits: [{mp.nstr(lo, 15)}, {mp.nstr(hi, 15)}] against {mp.nstr(r, 15)}")
print(json.dumps({"checked": checked, "bad": bad}))
`;
    const run = spawnSync(python(), ["-c", script], { encoding: "utf8" });
    assert.is(run.status, 0, run.stderr);
    const { checked, bad } = JSON.parse(run.stdout);
    assert.equal(bad, []);
    assert.ok(checked >= 160, `${checked} values checked`);
  },
);

o("should judge softplus at −6e9 against its closed form, and log(softplus x) against x, not undefined there", () => {
  // softplus(u) = e^u − e^(2u)/2 + …: within 1e-54 of e^u at u ≈ −6e9, and 2e^u is twice it
  const v = judge([
    ["softplus(x)", "exp(x)", "-6e9", "-5.9e9"],
    ["softplus(x)", "2 * exp(x)", "-6e9", "-5.9e9"],
    ["log(softplus(x))", "x", "-6e9", "-5.9e9"],
    ["log(1 + exp(x))", "exp(x)", "-6e9", "-5.9e9"],
    ["softplus(x)", "x + softplus(-x)", "-1000", "1000"],
    ["tanh(x)", "2 * sigma(2 * x) - 1", "-1e-30", "1e-30"],
  ]);
  assert.equal(
    v.map((r) => r.verdict),
    ["equal", "different", "equal", "equal", "equal", "equal"],
  );
});

o("should read 0 to a negative integer power as undefined, not as +∞ (fuzz 8/7348)", () => {
  // (x − x)^(−2) made σ(log(1 + (x − x)^(−2))) = 1 and the step 0·(…) "equal" to the derivative 0;
  // a side undefined at every point leaves the item open (no evidence), never "equal"
  const v = judge([
    ["0", "(x - x)^(-2) * 0", "-0.5", "0.5"],
    ["0", "1 - sigma(log(1 + (x - x)^(-2)))", "-0.5", "0.5"],
    ["1", "(x - x + 1)^(-2)", "-0.5", "0.5"],
  ]);
  assert.equal(
    v.map((r) => r.verdict),
    ["undecided", "undecided", "equal"],
  );
});

o("should leave a step undecided whose sides are undefined at every point, or at the verifier's counterexample", () => {
  const v = judge([
    // both sides undefined on the whole domain: nothing to go on
    ["log(x)", "2 * log(x) - log(x)", "-3", "-1"],
    // one side undefined, the other a real number: different
    ["log(x)", "log(-x)", "-3", "-1"],
    // undefined only at a few of the points (x < 0 in 1 % of the domain): the others decide
    ["0 * sqrt(x) + 1", "2 * sqrt(x) - 2 * sqrt(x) + 1", "-1", "100"],
    // the same, at the verifier's counterexample where both are undefined: no evidence there
    ["0 * sqrt(x) + 1", "2 * sqrt(x) - 2 * sqrt(x) + 1", "-1", "100", ["-0.5"]],
  ]);
  assert.equal(
    v.map((r) => r.verdict),
    ["undecided", "different", "equal", "undecided"],
  );
  assert.match(v[0].reason ?? "", /both sides undefined at 26 of 26 points/);
  assert.match(v[1].reason ?? "", /lhs undefined \(log of a number ≤ 0\)/);
  assert.match(v[3].reason ?? "", /both sides undefined .* at the verifier's counterexample/);
});

o(
  "should stop an item that stalls at its CPU bound, or its wall bound, with the reason, and judge the rest of the chunk",
  () => {
    // sin(e^(e^x)) at x ≈ 20: e^(e^20) has 2e8 digits before the point, which mpmath works through
    const stall: [string, string, string, string] = ["sin(exp(exp(x)))", "0", "20", "21"];
    const after: [string, string, string, string] = ["sigma(x)", "1 - sigma(-x)", "-5", "5"];
    const cpu = judge([stall, after], ["--item-seconds", "1"]);
    assert.equal(
      cpu.map((r) => r.verdict),
      ["undecided", "equal"],
    );
    assert.match(cpu[0].reason ?? "", /^the oracle's item bound: over 1 s of CPU \(at x = 20\.\d+, 30 digits\)$/);
    const wall = judge([stall, after], ["--item-seconds", "1000", "--item-wall", "1"]);
    assert.equal(
      wall.map((r) => r.verdict),
      ["undecided", "equal"],
    );
    assert.match(wall[0].reason ?? "", /^the oracle's item bound: no answer within 1 s of wall time \(killed\)$/);
  },
);

o(
  "should call a step near at the verifier's counterexample where only its deepest digits resolve the sides (fuzz 3/599)",
  () => {
    // σ-free: tanh′ of tanh(1.5x) at x ≈ −823 is about 1e-1072, and the near miss is off by a factor 1 + 3e^x (1e-357 relative):
    // the sides are first within the tolerance at 1920 digits, where their difference is already certainly not 0
    const reference = "(1 - tanh(tanh(1.5 * x))^2) * ((1 - tanh(1.5 * x)^2) * 1.5)";
    const [v] = judge([
      [`${reference} * (1 + 3 * exp(x))`, reference, "-823.093", "-822.915", ["-823.05366789771494"]],
    ]);
    assert.is(v.verdict, "near", JSON.stringify(v));
  },
);

/** Runs `script` (Python) with the oracle's folder on its path as `oracle` imported from `dir`; its stdout as JSON. */
const pythonJson = (script: string, dir = path.dirname(ORACLE)) => {
  const run = spawnSync(python(), ["-c", `import sys\nsys.path.insert(0, ${JSON.stringify(dir)})\n${script}`], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr, out: run.status === 0 ? JSON.parse(run.stdout) : undefined };
};

/** A worker whose items may make its child exit at once ("die"), raise ("raise"), or be judged; 3 dead, 2 raising and 60 judged items in a row. */
const DYING_WORKER = `
import json, os
import oracle
real = oracle.judge
def judge(item):
    if item.get("die"): os._exit(3)
    if item.get("raise"): raise RuntimeError("boom")
    return real(item)
oracle.judge = judge  # the forked child looks it up when it judges
w = oracle.Worker(20, 200)
good = {"lhs": "x + x", "rhs": "2 * x", "lo": "-1", "hi": "1", "seed": 1, "extra": []}
wrong = {"lhs": "x + x", "rhs": "3 * x", "lo": "1", "hi": "2", "seed": 1, "extra": []}
items = [dict(good, die=True), good, dict(good, die=True), dict(good, die=True), wrong, dict(good, **{"raise": True}), good]
items += [good, wrong] * 28 + [dict(good, **{"raise": True}), good]
out = [w(it) for it in items]
w.proc.kill(); w.proc.join()
print(json.dumps([v["verdict"] + ":" + v.get("reason", "") for v in out]))
`;

o("should go on when its worker dies or an item raises: those items undecided with the reason, the rest judged", () => {
  const { status, stderr, out } = pythonJson(DYING_WORKER);
  assert.is(status, 0, stderr.split("\n").slice(-3).join(" | "));
  const verdicts = out as string[];
  assert.is(verdicts.length, 65);
  const died = "undecided:the oracle's worker died judging the item (exit code 3); replaced";
  const raised = "undecided:the oracle failed on the item: RuntimeError: boom";
  assert.equal(verdicts.slice(0, 7), [died, "equal:", died, died, "different:", raised, "equal:"]);
  assert.equal(verdicts.slice(7, 63), Array.from({ length: 28 }, () => ["equal:", "different:"]).flat());
  assert.equal(verdicts.slice(63), [raised, "equal:"]);
});

o.run();
