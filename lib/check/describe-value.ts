/**
 * A short, unambiguous rendering of any value for an error message:
 * numbers as JavaScript prints them (`NaN`, `-Infinity`, `-0`), strings in
 * double quotes, arrays as `[a, b, …]` (first 6 entries), other values by type.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, 6).map(describeValue).join(", ");
    return `[${shown}${value.length > 6 ? `, … (${value.length} entries)` : ""}]`;
  }
  return typeof value === "function" ? "a function" : Object.prototype.toString.call(value);
}
