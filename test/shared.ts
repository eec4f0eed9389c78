/** What several test folders need: the project's paths, the tutorial list, the built lib, Debian's Chromium. */
import * as path from "node:path";
import { compileLibSync } from "../lib/pipeline/compile-lib";
import { chromium, type Browser } from "playwright-core";
import { listNotebooks } from "../lib/pipeline/build";
import CHROMIUM_LAUNCH from "../scripts/chromium-launch.json";

export const ROOT = path.resolve(__dirname, "..");
export const NOTEBOOKS = path.join(ROOT, "notebooks");

/** The tutorial notebooks' file names, in reading order (as the site build orders them). */
export function tutorialNames(): string[] {
  return listNotebooks(NOTEBOOKS);
}

let built = false;
/** Compiles lib/ to dist/ once per test process: notebooks import "stepwise", which is dist/index.js. */
export function buildLibOnce(): void {
  if (built) return;
  compileLibSync();
  built = true;
}

/**
 * Chromium from Debian, never a downloaded browser; no background traffic: the launch options
 * every test and bench uses (scripts/chromium-launch.json, also read by scripts/bench-browser.mjs).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_LAUNCH.executablePath, args: [...CHROMIUM_LAUNCH.args] });
}
