/**
 * The one place that sends MIME bundles to the notebook frontend. Everything
 * else in lib/display builds bundles as pure functions.
 */
import { sep } from "node:path";
import type { MimeBundle } from "./types";

/** Where a bundle went: a sink set by {@link setDisplaySink}, the tslab kernel, or the console. */
export type DisplayTarget = "sink" | "kernel" | "console";

/** A receiver of bundles that replaces the kernel, e.g. in tests or a site build. */
export type DisplaySink = (bundle: MimeBundle) => void;

let sink: DisplaySink | null = null;

/**
 * Routes every later bundle to `next` instead of the kernel or console, or
 * restores normal sending with null.
 *
 * @param next the receiver, or null
 * @returns the previous sink (null when there was none)
 * @throws TypeError when next is neither a function nor null
 */
export function setDisplaySink(next: DisplaySink | null): DisplaySink | null {
  if (next !== null && typeof next !== "function") {
    throw new TypeError(`setDisplaySink: next must be a function or null, got ${typeof next}`);
  }
  const previous = sink;
  sink = next;
  return previous;
}

/** The exports of an already loaded module whose file path ends with `suffix`, else null. */
function loaded(suffix: string): Record<string, unknown> | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (file.endsWith(suffix) && mod?.exports) return mod.exports as Record<string, unknown>;
  }
  return null;
}

type WriteDisplayData = (msg: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

/**
 * Sends one bundle as one Jupyter `display_data` output:
 * 1. to the sink, when one is set;
 * 2. in a tslab kernel, through `lastWriteDisplayData` of tslab's jupyter module
 *    (tslab 1.0.22, dist/jupyter.js), which carries every MIME type of the bundle;
 * 3. else, when tslab's public module is loaded, through `display.html` (one MIME type:
 *    the text/html, or the text/plain when there is no HTML);
 * 4. else (plain node, no kernel) by printing the text/plain form with console.log.
 * tslab is looked up among the modules already loaded, never loaded here: a process
 * that is not a tslab kernel does not pay for loading its TypeScript compiler.
 *
 * @param bundle the MIME bundle; text/plain is required
 * @returns where the bundle went
 * @throws TypeError when bundle has no text/plain string
 */
export function sendBundle(bundle: MimeBundle): DisplayTarget {
  if (typeof bundle?.["text/plain"] !== "string") {
    throw new TypeError(
      `sendBundle: bundle must have a text/plain string, got ${JSON.stringify(Object.keys(bundle ?? {}))}`,
    );
  }
  if (sink) {
    sink(bundle);
    return "sink";
  }
  const jupyter = loaded(`${sep}tslab${sep}dist${sep}jupyter.js`);
  const write = jupyter?.lastWriteDisplayData;
  if (typeof write === "function") {
    (write as WriteDisplayData)({ data: bundle, metadata: {}, transient: {} }, false);
    return "kernel";
  }
  const display = loaded(`${sep}tslab${sep}dist${sep}public.js`)?.display as
    | { html(s: string): void; text(s: string): void }
    | undefined;
  if (display) {
    try {
      if (bundle["text/html"] !== undefined) display.html(bundle["text/html"]);
      else display.text(bundle["text/plain"]);
      return "kernel";
    } catch {
      // tslab is loaded but no cell is running ("Not ready"): fall through to the console.
    }
  }
  console.log(bundle["text/plain"]);
  return "console";
}
