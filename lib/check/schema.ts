/**
 * The one argument check of the public builders (charts, tables, gradient checks,
 * models): a small schema per argument, and errors that name the function, the
 * argument (or option) and what it got, e.g.
 *   plotFunctions: opts.xMin must be a number, got "0"
 *   plotFunctions: opts.xMax must be a finite number, got Infinity
 *   plotFunctions: opts.points must be an integer from 2 to 100000, got 1000000000
 * A value of the wrong type is a TypeError; a value of the right type out of range
 * is a RangeError, as in ./numbers.ts.
 */
import { describeValue } from "./describe-value";

/** What one argument or option must be. */
export type ArgCheck = { nullable?: boolean } & (
  | {
      kind: "number";
      finite?: boolean;
      integer?: boolean;
      min?: number;
      max?: number;
      positive?: boolean;
      optional?: boolean;
    }
  | { kind: "string"; nonEmpty?: boolean; optional?: boolean }
  | { kind: "function"; optional?: boolean }
  | { kind: "boolean"; optional?: boolean }
  | { kind: "array"; nonEmpty?: boolean; optional?: boolean }
  | { kind: "object"; optional?: boolean }
);

/** Every check also takes `nullable: true` (null is accepted, e.g. "no range"). */

/** The checks of an options object, by option name. */
export type OptionsSchema = Readonly<Record<string, ArgCheck>>;

function rangeText(c: { integer?: boolean; min?: number; max?: number; positive?: boolean }): string {
  const what = c.integer ? "an integer" : "a finite number";
  if (c.min !== undefined && c.max !== undefined) return `${what} from ${c.min} to ${c.max}`;
  if (c.min !== undefined) return `${what} ≥ ${c.min}`;
  if (c.max !== undefined) return `${what} ≤ ${c.max}`;
  return c.positive ? `${what} > 0` : what;
}

/**
 * Checks one argument.
 *
 * @param fn the public function, for the message
 * @param name the argument as the caller wrote it ("x", "opts.points", "table.rows")
 * @param value what it got
 * @param check what it must be
 * @returns the value
 * @throws TypeError when the type is wrong (a missing required value included); RangeError when a number is out of range
 */
export function checkArg<T = unknown>(fn: string, name: string, value: unknown, check: ArgCheck): T {
  if ((value === undefined && check.optional) || (value === null && check.nullable)) return value as T;
  const fail = (what: string, Err: ErrorConstructor = TypeError): never => {
    throw new Err(`${fn}: ${name} must be ${what}, got ${describeValue(value)}`);
  };
  switch (check.kind) {
    case "number": {
      const finite = check.finite !== false || check.integer || check.min !== undefined || check.max !== undefined;
      if (typeof value !== "number" || Number.isNaN(value))
        fail(finite && rangeText(check) !== "a finite number" ? `a number (${rangeText(check)})` : "a number");
      const x = value as number;
      if (finite && !Number.isFinite(x)) fail(rangeText(check), RangeError);
      if (check.integer && !Number.isInteger(x)) fail(rangeText(check), RangeError);
      if (check.min !== undefined && x < check.min) fail(rangeText(check), RangeError);
      if (check.max !== undefined && x > check.max) fail(rangeText(check), RangeError);
      if (check.positive && !(x > 0)) fail(rangeText(check), RangeError);
      break;
    }
    case "string":
      if (typeof value !== "string") fail(check.nonEmpty ? "a non-empty string" : "a string");
      if (check.nonEmpty && value === "") fail("a non-empty string", RangeError);
      break;
    case "function":
      if (typeof value !== "function") fail("a function");
      break;
    case "boolean":
      if (typeof value !== "boolean") fail("true or false");
      break;
    case "array":
      if (!Array.isArray(value)) fail(check.nonEmpty ? "a non-empty array" : "an array");
      if (check.nonEmpty && (value as unknown[]).length === 0) fail("a non-empty array", RangeError);
      break;
    case "object":
      if (value === null || typeof value !== "object" || Array.isArray(value)) fail("an object");
      break;
  }
  return value as T;
}

/**
 * Checks an options object against its schema: it must be an object (or undefined when
 * every option is optional) and every option must pass its check. Other fields are
 * left alone (an object may carry more than one function reads).
 *
 * @param fn the public function, for the message
 * @param name the argument's name, e.g. "opts" or "table"
 * @param value what the caller passed
 * @param schema the options
 * @returns the value typed as T ({} for an undefined value)
 * @throws TypeError / RangeError naming `name.option` and what it got
 */
export function checkOptions<T extends object>(fn: string, name: string, value: unknown, schema: OptionsSchema): T {
  const required = Object.entries(schema)
    .filter(([, c]) => !c.optional)
    .map(([k]) => k);
  if (value === undefined && required.length === 0) return {} as T;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const needs = required.length > 0 ? ` (it needs ${required.join(", ")})` : "";
    throw new TypeError(`${fn}: ${name} must be an object, got ${describeValue(value)}${needs}`);
  }
  for (const [key, check] of Object.entries(schema))
    checkArg(fn, `${name}.${key}`, (value as Record<string, unknown>)[key], check);
  return value as T;
}
