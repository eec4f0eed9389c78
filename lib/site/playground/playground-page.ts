/**
 * The playground's script (bundled by esbuild into assets/playground.js, see `playgroundScript`),
 * loaded with `defer` by playground.html (`renderPlayground`). Runs in the reader's browser:
 * nothing here may import a Node module (types only from the verifier). It
 * - shows the form (hidden without JavaScript) and loads the verifier (assets/verifier.js) at once;
 * - fills the form from the URL (`?f=…&wrt=…&domain=…&strategy=…`) and, when the URL names a
 *   function, derives it at once: a shared link shows the same derivation;
 * - typesets the function with KaTeX as the reader types, and lists its variables in the
 *   variable picker;
 * - on Enter in any field or picker (or "Derive"): the kit's derivation of the function (explain(), the parts first),
 *   verified in the page, or an error that names the part (function, variable, domain) and
 *   marks its field `aria-invalid`; the URL and the "Link to this derivation" follow the input;
 * - runs explain() and the verifier in a worker (assets/playground-worker.js, lib/site/try/explain-worker.ts), so that the page
 *   stays responsive (the live preview, typing) while a large function is derived: "working…"
 *   with a "Stop" button that ends the worker, and a time bound (the form's `data-time-limit-ms`)
 *   after which it is ended with a message; where no worker can start (a page opened from a
 *   file), on the page's thread as before.
 * `<html data-playground>` says where it is: "working", "done", "error", "cancelled" or "timeout".
 */
import type { ExplainAnswer, ExplainRequest } from "../try/explain-in-page";
import { CONTENT_CHANGED_EVENT } from "../browser/markers";
import { explainWorker, runBounded, STOPPED_TEXT, timeLimitOf, WORKING_TEXT } from "../try/explain-worker";
import { verifier } from "../try/verifier-loader";

const form = document.getElementById("playground") as HTMLFormElement | null;
const field = (id: string) => document.getElementById(id) as HTMLInputElement & HTMLSelectElement;

function start(): void {
  if (!form) return;
  const fInput = field("pg-f");
  const wrtPick = field("pg-wrt");
  const domainInput = field("pg-domain");
  const strategyPick = field("pg-strategy");
  const preview = document.getElementById("pg-preview") as HTMLElement;
  const status = document.getElementById("pg-status") as HTMLElement;
  const result = document.getElementById("pg-result") as HTMLElement;
  const link = document.getElementById("pg-link") as HTMLAnchorElement;
  const stopButton = document.getElementById("pg-stop") as HTMLButtonElement | null;
  const work = explainWorker();
  // each derivation's number: an answer of an earlier one is ignored
  let run = 0;
  // ends the run under way in the worker (Stop), if any
  let cancel: (() => void) | undefined;
  const root = document.documentElement;
  const fields = { function: fInput, variable: wrtPick, domain: domainInput, strategy: strategyPick };

  const params = new URLSearchParams(location.search);
  if (params.has("f")) fInput.value = params.get("f") ?? "";
  if (params.has("domain")) domainInput.value = params.get("domain") ?? "";
  const strategy = params.get("strategy");
  const unknownStrategy = strategy !== null && !Array.from(strategyPick.options).some((o) => o.value === strategy);
  if (strategy !== null && !unknownStrategy) strategyPick.value = strategy;
  // the variable the URL asks for stays in the picker until the function changes, so that an
  // address whose variable is not in the function says so
  let askedWrt = params.get("wrt") ?? wrtPick.value;
  form.hidden = false;

  const say = (text: string, ok?: boolean): void => {
    status.textContent = text;
    if (ok === undefined) status.removeAttribute("data-ok");
    else status.setAttribute("data-ok", String(ok));
  };

  const refreshVariables = (names: string[]): void => {
    const want = askedWrt || wrtPick.value;
    const shown = askedWrt && !names.includes(askedWrt) ? [...names, askedWrt] : names;
    wrtPick.textContent = "";
    for (const n of shown) {
      const o = document.createElement("option");
      o.value = n;
      o.textContent = n;
      wrtPick.appendChild(o);
    }
    wrtPick.value = shown.includes(want) ? want : (shown[0] ?? "");
  };

  const input = () => ({
    f: fInput.value,
    wrt: wrtPick.value,
    domain: domainInput.value,
    strategy: strategyPick.value,
  });
  const query = (): string => `?${new URLSearchParams(input())}`;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = (): void => {
    verifier().then(
      (api) => {
        const p = api.preview(fInput.value);
        if (p.html) preview.innerHTML = p.html;
        else preview.textContent = p.error ?? "";
        refreshVariables(api.variablesOf(fInput.value));
        document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
      },
      (err: Error) => say(`\u2717 ${err.message}`, false),
    );
  };
  wrtPick.addEventListener("change", () => {
    askedWrt = "";
  });
  fInput.addEventListener("input", () => {
    askedWrt = "";
    clearTimeout(timer);
    timer = setTimeout(typed, 120);
  });

  /** Ends the working state: the Stop button hides. */
  const settle = (): void => {
    cancel = undefined;
    if (stopButton) stopButton.hidden = true;
    result.removeAttribute("aria-busy");
  };
  const derive = (): void => {
    clearTimeout(timer);
    const mine = ++run;
    root.setAttribute("data-playground", "working");
    for (const f of Object.values(fields)) f.removeAttribute("aria-invalid");
    say("deriving\u2026");
    verifier().then(
      (api) => {
        const p = api.preview(fInput.value);
        if (p.html) preview.innerHTML = p.html;
        else preview.textContent = p.error ?? "";
        refreshVariables(api.variablesOf(fInput.value));
        const shared = query();
        // the address follows the input; an address that says it already (a shared link) is left as it is
        const now = new URLSearchParams(location.search);
        if (Object.entries(input()).some(([k, v]) => now.get(k) !== v)) history.replaceState(null, "", shared);
        link.href = shared;
        const fail = (part: keyof typeof fields, error: string): void => {
          fields[part].setAttribute("aria-invalid", "true");
          result.textContent = "";
          say(`\u2717 ${error.charAt(0).toUpperCase()}${error.slice(1)}`, false);
          root.setAttribute("data-playground", "error");
        };
        let domain: ExplainRequest["domain"];
        try {
          domain = api.parseDomainText(domainInput.value, wrtPick.value);
        } catch (err) {
          fail("domain", `the domain: ${(err as Error).message}`);
          return;
        }
        const req: ExplainRequest = {
          f: fInput.value,
          wrt: wrtPick.value,
          domain,
          strategy: strategyPick.value as ExplainRequest["strategy"],
        };
        const show = (a: ExplainAnswer): void => {
          if (mine !== run) return;
          settle();
          if (a.error || !a.html) {
            fail(a.part ?? "function", a.error ?? "no derivation");
            return;
          }
          result.innerHTML = a.html;
          say(a.summary ?? "", true);
          root.setAttribute("data-playground", "done");
          document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
        };
        if (!work) {
          show(api.explainFunction(req));
          return;
        }
        say(WORKING_TEXT);
        result.setAttribute("aria-busy", "true");
        if (stopButton) stopButton.hidden = false;
        cancel?.();
        cancel = runBounded(work, { req }, timeLimitOf(form), {
          answer: show,
          timeout: (message) => {
            if (mine !== run) return;
            settle();
            say(message, false);
            root.setAttribute("data-playground", "timeout");
          },
          failed: (err) => {
            if (mine !== run) return;
            settle();
            say(`\u2717 ${err.message}`, false);
            root.setAttribute("data-playground", "error");
          },
        });
      },
      (err: Error) => {
        say(`\u2717 ${err.message}`, false);
        root.setAttribute("data-playground", "error");
      },
    );
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    derive();
  });
  stopButton?.addEventListener("click", () => {
    if (!cancel) return;
    run++;
    cancel();
    settle();
    say(`${STOPPED_TEXT}; change the function or press Enter to derive again.`, false);
    root.setAttribute("data-playground", "cancelled");
    fInput.focus();
  });
  // Enter derives from the pickers too, as from the text fields (a select does not submit its form)
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.target instanceof HTMLSelectElement)) return;
    e.preventDefault();
    derive();
  });

  say("loading the verifier\u2026");
  verifier().then(
    (api) => {
      refreshVariables(api.variablesOf(fInput.value));
      say("");
      typed();
      link.href = query();
      if (unknownStrategy) {
        // the API refuses it too: say so rather than derive with another strategy
        strategyPick.setAttribute("aria-invalid", "true");
        say(
          `\u2717 The strategy: "${strategy}" is not one the kit knows; choose ${Array.from(strategyPick.options, (o) => `"${o.value}"`).join(", ")}`,
          false,
        );
        root.setAttribute("data-playground", "error");
      } else if (params.has("f")) derive();
    },
    (err: Error) => say(`\u2717 ${err.message}`, false),
  );
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
