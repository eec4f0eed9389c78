/**
 * scripts/thread-cpu.ts: the JavaScript thread's CPU time the explain bench reports beside the
 * process's. On Linux it is read from /proc and must lie within the process's CPU time; where
 * /proc/thread-self is missing it is undefined, never a made-up figure.
 */
import { existsSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { threadCpuSeconds } from "../../../scripts/thread-cpu";

const s = suite("threadCpuSeconds");

s("should count this thread's CPU time, never more than the process's, and never go back", () => {
  const first = threadCpuSeconds();
  if (!existsSync("/proc/thread-self/schedstat")) {
    assert.is(first, undefined, "without /proc/thread-self the time is unknown");
    return;
  }
  assert.type(first, "number");
  // work done on this thread between two readings: the second is later, by at most what the process used
  const p0 = process.cpuUsage();
  let x = 0;
  for (let i = 0; i < 2_000_000; i++) x += Math.sqrt(i);
  const used = process.cpuUsage(p0);
  const second = threadCpuSeconds()!;
  assert.ok(x > 0);
  assert.ok(second >= first!, `the thread's time went back: ${first} then ${second}`);
  const processSeconds = (used.user + used.system) / 1e6;
  // the kernel accounts the two clocks apart; allow it 10 ms of rounding
  assert.ok(
    second - first! <= processSeconds + 0.01,
    `the thread used ${second - first!} s, more than the whole process's ${processSeconds} s`,
  );
  // the process's CPU time since it started bounds the thread's since it started
  const total = process.cpuUsage();
  assert.ok(second <= (total.user + total.system) / 1e6 + 0.01, `thread ${second} s > process total`);
});

s.run();
