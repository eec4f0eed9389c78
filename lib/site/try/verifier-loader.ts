/**
 * Loading the page's verifier (assets/verifier.js) from a browser script of the site: the
 * widget (assets/try.js) and the playground (assets/playground.js) share it. The verifier is
 * fetched once, on the first call, from the folder of the script that imports this module.
 * `<html data-verifier>` says where it is: "loading", "ready" or "failed". Browser-only.
 */
import type { StepwiseVerifier } from "./browser-entry";

declare global {
  interface Window {
    stepwiseVerifier?: StepwiseVerifier;
  }
}

// read while the script runs: document.currentScript is null in callbacks
const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const verifierUrl = here ? here.replace(/[^/]*\.js(\?.*)?$/, "verifier.js") : "assets/verifier.js";
let loading: Promise<StepwiseVerifier> | null = null;

/**
 * The page's verifier, loaded on the first call (a `<script async>` beside the caller's script).
 *
 * @returns a promise of `window.stepwiseVerifier`
 * @throws (rejection) Error naming the URL when the script cannot be loaded, or when it ran
 *   without setting the verifier; a later call tries again
 */
export function verifier(): Promise<StepwiseVerifier> {
  if (window.stepwiseVerifier) return Promise.resolve(window.stepwiseVerifier);
  if (!loading) {
    loading = new Promise<StepwiseVerifier>((resolve, reject) => {
      const s = document.createElement("script");
      s.src = verifierUrl;
      s.async = true;
      s.onload = () =>
        window.stepwiseVerifier ? resolve(window.stepwiseVerifier) : reject(new Error("the verifier did not start"));
      s.onerror = () => {
        loading = null;
        reject(new Error(`the verifier (${verifierUrl}) could not be loaded`));
      };
      document.head.appendChild(s);
    });
    const root = document.documentElement;
    root.setAttribute("data-verifier", "loading");
    loading.then(
      () => root.setAttribute("data-verifier", "ready"),
      () => root.setAttribute("data-verifier", "failed"),
    );
  }
  return loading;
}

/** Starts loading the verifier (a pointer or focus nears something that needs it); errors wait for the real call. */
export function warm(): void {
  verifier().catch(() => undefined);
}

/**
 * A new element with attributes and, optionally, text.
 *
 * @param tag the tag name
 * @param attrs attribute names and values
 * @param text its text content
 * @returns the element, not yet in the document
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
