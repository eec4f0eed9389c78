/** Shared test helpers for the chart and display suites. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as assert from "uvu/assert";

/** Asserts that fn throws an instance of `type` whose message matches `pattern`. */
export function throwsError(fn: () => unknown, type: new (...args: never[]) => Error, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => err instanceof type && pattern.test((err as Error).message));
}

/** Asserts |actual − expected| ≤ tol. */
export function close(actual: number | null, expected: number, tol: number, what = "value"): void {
  assert.ok(typeof actual === "number", `${what}: expected a number, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: |${actual} − ${expected}| > ${tol}`);
}

/**
 * Compares pretty-printed JSON of `value` with the committed file
 * __snapshots__/<name>.json next to this helper. A missing snapshot fails, unless
 * UPDATE_SNAPSHOTS=1 is set: then the file is (re)written and the test passes.
 */
export function matchSnapshot(name: string, value: unknown): void {
  const file = join(__dirname, "__snapshots__", `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) {
    assert.unreachable(`snapshot ${file} is missing: run the tests once with UPDATE_SNAPSHOTS=1 and commit it`);
  }
  assert.fixture(text, readFileSync(file, "utf8"), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 rewrites it)`);
}
