import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runPool } from "../../../lib/pipeline/pool";

const s = suite("runPool");
const tick = () => new Promise<void>((r) => setImmediate(r));

s("should never run more than the limit at once and keep results in input order", async () => {
  let running = 0;
  let peak = 0;
  const results = await runPool([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    for (let i = 0; i < n; i++) await tick();
    running--;
    return n * 10;
  });
  assert.is(peak, 2);
  assert.equal(
    results,
    [50, 10, 40, 20, 30].map((value) => ({ status: "fulfilled", value })),
  );
});

s("should start nothing new after a failure and report the rest as skipped", async () => {
  const started: number[] = [];
  const results = await runPool([0, 1, 2, 3], 1, async (n) => {
    started.push(n);
    if (n === 1) throw new Error("no");
    return n;
  });
  assert.equal(started, [0, 1]);
  assert.equal(
    results.map((r) => r.status),
    ["fulfilled", "rejected", "skipped", "skipped"],
  );
});

s("with keepGoing, should start every task after failures and report each result", async () => {
  const started: number[] = [];
  const results = await runPool(
    [0, 1, 2, 3],
    1,
    async (n) => {
      started.push(n);
      if (n % 2 === 1) throw new Error(`no ${n}`);
      return n;
    },
    true,
  );
  assert.equal(started, [0, 1, 2, 3]);
  assert.equal(
    results.map((r) => r.status),
    ["fulfilled", "rejected", "fulfilled", "rejected"],
  );
  assert.equal(
    results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : null)),
    [null, "no 1", null, "no 3"],
  );
});

s("should reject a limit that is not a positive integer", async () => {
  for (const bad of [0, 1.5, NaN]) {
    try {
      await runPool([1], bad, async (n) => n);
      assert.unreachable();
    } catch (err) {
      assert.instance(err, RangeError);
      assert.match((err as Error).message, `limit must be an integer >= 1, got ${bad}`);
    }
  }
});

s.run();
