/**
 * CPU time of the calling thread alone, for the benches: process.cpuUsage() counts every thread
 * of the process, and besides the JavaScript thread Node runs V8's background threads (the
 * optimising compiler compiles hot functions concurrently, the garbage collector marks and
 * scavenges in parallel). On explain()'s bench these took about 45 % of the process's CPU
 * (0.45 s of 1.0 s, session 33), work that runs beside the caller on another core rather than
 * before its answer. Node 20 has no per-thread CPU call (process.threadCpuUsage came in 23.9), so
 * this reads Linux's /proc/thread-self/schedstat, whose first field is the thread's time on a
 * CPU in nanoseconds (Documentation/scheduler/sched-stats.rst).
 */
import { openSync, readSync } from "node:fs";

/**
 * The schedstat file of the thread that first asks, opened once (null: not available): a read
 * of an open file at offset 0 costs a quarter of opening it again, and it is taken twice per
 * function measured. /proc/thread-self resolves when opened, so the file stays the JavaScript
 * thread's.
 */
let fd: number | null | undefined;
const buffer = new Uint8Array(128);

/**
 * The calling thread's CPU time so far, in seconds, or undefined where the system does not say
 * (not Linux, or /proc not mounted). Call it from the JavaScript thread only (the file is that
 * thread's once opened).
 * @returns seconds on a CPU since the thread started (nanosecond resolution), or undefined
 */
export function threadCpuSeconds(): number | undefined {
  try {
    if (fd === undefined) fd = openSync("/proc/thread-self/schedstat", "r");
    if (fd === null) return undefined;
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const ns = Number(new TextDecoder().decode(buffer.subarray(0, n)).split(" ")[0]);
    return Number.isFinite(ns) ? ns / 1e9 : undefined;
  } catch {
    fd = null;
    return undefined;
  }
}
