/** Test helpers that stand in for the tslab kernel: a capturing sink, console capture, fake tslab modules. */
import { join, sep } from "node:path";
import { setDisplaySink, type MimeBundle } from "../../../lib/display";

/** Runs fn with every sent bundle captured; restores the previous sink afterwards. */
export function captureBundles(fn: () => void): MimeBundle[] {
  const sent: MimeBundle[] = [];
  const previous = setDisplaySink((b) => sent.push(b));
  try {
    fn();
  } finally {
    setDisplaySink(previous);
  }
  return sent;
}

/** Runs fn with console.log captured; returns the logged lines. */
export function captureConsole(fn: () => void): string[] {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    fn();
  } finally {
    console.log = original;
  }
  return lines;
}

/**
 * Runs fn while a fake module is registered in require.cache under a path ending
 * with tslab/dist/<file>, as if a tslab kernel had loaded it; removes it afterwards.
 */
export function withFakeTslabModule(file: string, exports: object, fn: () => void): void {
  const key = join(sep, "fake-kernel", "node_modules", "tslab", "dist", file);
  require.cache[key] = { id: key, filename: key, loaded: true, exports } as unknown as NodeModule;
  try {
    fn();
  } finally {
    delete require.cache[key];
  }
}
