/**
 * The widget script (bundled by esbuild into assets/try.js, see `tryScript`), loaded
 * with `defer` on pages that have a derivation or an answer box. Runs in the reader's
 * browser: nothing here may import a Node module (types only from the verifier). It
 * - adds a "Try a step" button under every derivation that carries its spec
 *   (`trySubjectScript`); the button opens a form: pick a step, edit its expression
 *   (mathjs syntax) with a live KaTeX preview, Enter checks it against the step before
 *   it with the notebook's seed and sample count; "Reset" (or Escape in the field)
 *   restores the original; Escape again closes the form and returns focus to the button;
 * - shows the exercise answer boxes (`answerBoxes`) and checks an answer on Enter;
 * - loads the verifier (assets/verifier.js, about 186 KiB gzip) only when the reader
 *   reaches for one of these (pointer over, focus or click), never at first paint.
 * The verdict line is a live region: ✓ with the tier, or ✗ with the point and both
 * values; for a step, what it was compared with (typeset, the kernel's comparison); a slip's hint, the name of a known slip and the right step (the diagnosis), or
 * where the expression fails to parse, in words. A "Hint" button in each form names the
 * rule to apply next (first press) and shows the next step (second press).
 */
import type { HintAnswer, StepwiseVerifier, TrySubject, TryVerdict, VerdictMath } from "./browser-entry";
import type { ExerciseSpec } from "./exercise-spec";
import type { ExplainAnswer } from "./explain-in-page";
import { CONTENT_CHANGED_EVENT, TRY_ATTR } from "../browser/markers";
import { explainWorker, runBounded, STOPPED_TEXT, timeLimitOf, WORKING_TEXT } from "./explain-worker";
import { el, verifier, warm } from "./verifier-loader";

/** A span of typeset math (KaTeX's HTML from the verifier, with its MathML). */
function mathSpan(html: string, cls = "stepwise-try-math"): HTMLElement {
  const span = el("span", { class: cls });
  span.innerHTML = html;
  return span;
}

/**
 * Writes a verdict into its live region; `what` names what was checked ("step 2", "your
 * answer"); `math` is the verdict's math typeset by the verifier (`verdictMath`): the
 * counterexample's point and values, the slip's message and right step.
 */
function show(
  out: HTMLElement,
  v: Pick<TryVerdict, "error"> & Partial<TryVerdict>,
  what = "",
  math: VerdictMath = {},
): void {
  out.textContent = "";
  if (v.error) {
    out.setAttribute("data-ok", "false");
    out.textContent = `\u2717 ${v.error}`;
    return;
  }
  out.setAttribute("data-ok", String(v.ok));
  // what the step was compared with, typeset: its own line under the verdict
  const compared = (): void => {
    if (math.against)
      out.appendChild(el("span", { class: "stepwise-try-against" }, "compared with ")).append(mathSpan(math.against));
  };
  if (v.ok) {
    out.textContent = `\u2713 ${what} holds${v.tier ? ` (tier: ${v.tier})` : ""}`;
    compared();
    document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
    return;
  }
  if (v.undecided) {
    // neither ✓ nor ✗: the step's time bound ran out (lib/derive/deadline.ts)
    out.textContent = `\u2298 ${what} undecided: ${v.undecided.reason}`;
    return;
  }
  const c = math.counterexample;
  out.append(`\u2717 ${what} does not hold`);
  if (c)
    out.append(
      ": at ",
      mathSpan(c.point),
      " it gives ",
      mathSpan(c.actual),
      ", but it must equal ",
      mathSpan(c.expected),
    );
  compared();
  if (v.hint) {
    const hint = el("span", { class: "stepwise-try-hint" }, "Hint: ");
    hint.append(math.hint ? mathSpan(math.hint, "stepwise-try-slip") : v.hint);
    out.appendChild(hint);
  }
  const d = math.diagnosis;
  if (v.diagnosis && d) {
    const slip = el("span", { class: "stepwise-try-diagnosis", "data-slip": v.diagnosis.id }, "The slip: ");
    slip.append(mathSpan(d.message, "stepwise-try-slip"), ". ");
    const expected = el("span", { class: "stepwise-try-expected" }, "It should be ");
    expected.append(mathSpan(d.expected));
    slip.appendChild(expected);
    out.appendChild(slip);
  } else if (v.diagnosisOutOfTime) {
    // the search for a known slip ran out of its time (a busy machine): said, never a silent gap
    out.appendChild(
      el(
        "span",
        { class: "stepwise-try-no-diagnosis" },
        "No slip named: looking for a known slip took longer than its time allows here; try the step again.",
      ),
    );
  }
  document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
}

/**
 * Adds a "Hint" button to `row` and its live line after `after`: the first press names
 * the rule to apply next, the second shows the step; `ask(api, press)` asks the verifier.
 * Returns the function that starts over (another step picked).
 */
function hintButton(
  row: HTMLElement,
  after: HTMLElement,
  ask: (api: StepwiseVerifier, press: 1 | 2) => HintAnswer,
): () => void {
  const button = el("button", { type: "button", class: "stepwise-hint" }, "Hint");
  const line = el("p", { class: "stepwise-hint-line", role: "status", "aria-live": "polite" });
  let presses = 0;
  row.appendChild(button);
  after.after(line);
  button.addEventListener("pointerenter", warm);
  button.addEventListener("click", () => {
    presses = Math.min(presses + 1, 2);
    const press = presses as 1 | 2;
    line.textContent = "thinking\u2026";
    verifier().then(
      (api) => {
        const h = ask(api, press);
        line.setAttribute("data-press", String(press));
        // the hint's words may hold `$…$` math (explain()'s notes): typeset, the rest as text
        if (h.error) line.textContent = `\u2717 ${h.error}`;
        else {
          line.innerHTML = api.wordsHtml(`${press === 1 ? "Hint: " : ""}${h.text ?? ""}`);
          // the step as typed, to copy into the field (the words show it typeset)
          if (h.typed) line.append(" Type it as ", el("code", { class: "stepwise-hint-typed" }, h.typed), ".");
        }
      },
      (err: Error) => {
        line.textContent = err.message;
      },
    );
  });
  return () => {
    presses = 0;
    line.textContent = "";
    line.removeAttribute("data-press");
  };
}

/** Typesets the field's expression into `box` as the reader types; returns the function that does it now. */
function livePreview(
  input: HTMLInputElement,
  box: HTMLElement,
  texNames: Readonly<Record<string, string>> | undefined,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    verifier().then(
      (api) => {
        const p = api.preview(input.value, texNames ?? {});
        if (p.html) box.innerHTML = p.html;
        else box.textContent = p.error ?? "";
        document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
      },
      (err: Error) => {
        box.textContent = err.message;
      },
    );
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  return run;
}

/** Clears a verdict once the field's text changes: it spoke of the text that was checked. */
function clearOnEdit(input: HTMLInputElement, out: HTMLElement): void {
  input.addEventListener("input", () => {
    if (!out.hasAttribute("data-ok") && !out.textContent) return;
    out.textContent = "";
    out.removeAttribute("data-ok");
  });
}

/**
 * Adds "Show the kit's derivation" to a "Try a step" form: the button toggles a region with
 * explain()'s derivation of the same function (same variable, domain and definitions), made
 * and verified on the first press in the playground's worker (explain-worker.ts), so that the
 * page stays responsive: "working…" with a Stop button and the playground's time bound (the
 * region's `data-time-limit-ms`, else the playground's); where no worker can start (a page
 * opened from a file), on the page's thread. The region's `data-kit` says where it is:
 * "working", "done", "error", "cancelled" or "timeout".
 */
function kitDerivation(form: HTMLElement, subject: TrySubject, id: string): void {
  const button = el(
    "button",
    { type: "button", class: "stepwise-kit-open", "aria-expanded": "false", "aria-controls": `${id}-kit` },
    "Show the kit\u2019s derivation",
  );
  const region = el("div", {
    id: `${id}-kit`,
    class: "stepwise-kit",
    role: "region",
    "aria-label": "the kit\u2019s derivation of the same function",
    hidden: "",
  });
  const status = el("p", { class: "stepwise-kit-status", role: "status", "aria-live": "polite" });
  const stop = el("button", { type: "button", class: "stepwise-kit-stop", hidden: "" }, "Stop");
  const body = el("div", { class: "stepwise-kit-body" });
  region.append(status, stop, body);
  form.append(button, region);
  let made = false;
  let cancel: (() => void) | undefined;
  // this region's worker, made on the first press and kept (another region's run does not end this one's)
  let work: ReturnType<typeof explainWorker> | null = null;
  const say = (state: string, text: string, ok?: boolean): void => {
    region.setAttribute("data-kit", state);
    status.textContent = text;
    if (ok === undefined) status.removeAttribute("data-ok");
    else status.setAttribute("data-ok", String(ok));
  };
  const settle = (): void => {
    cancel = undefined;
    stop.hidden = true;
    body.removeAttribute("aria-busy");
  };
  const show = (a: ExplainAnswer): void => {
    settle();
    if (a.error || !a.html) {
      say("error", `\u2717 ${a.error ?? "no derivation"}`, false);
      made = false;
      return;
    }
    say("done", a.summary ?? "", true);
    body.innerHTML = a.html;
    document.dispatchEvent(new Event(CONTENT_CHANGED_EVENT));
  };
  const failed = (err: Error): void => {
    settle();
    say("error", `\u2717 ${err.message}`, false);
    made = false;
  };
  button.addEventListener("pointerenter", warm);
  button.addEventListener("click", () => {
    const on = region.hidden;
    region.hidden = !on;
    button.setAttribute("aria-expanded", String(on));
    button.textContent = on ? "Hide the kit\u2019s derivation" : "Show the kit\u2019s derivation";
    if (!on || made) return;
    made = true;
    work ??= explainWorker();
    if (!work) {
      say("working", "deriving\u2026");
      verifier().then((api) => show(api.explainSubject(subject)), failed);
      return;
    }
    say("working", WORKING_TEXT);
    body.setAttribute("aria-busy", "true");
    stop.hidden = false;
    cancel = runBounded(work, { subject }, timeLimitOf(region), {
      answer: show,
      timeout: (message) => {
        settle();
        say("timeout", message, false);
        made = false;
      },
      failed,
    });
  });
  stop.addEventListener("click", () => {
    if (!cancel) return;
    cancel();
    settle();
    say("cancelled", `${STOPPED_TEXT}; hide it and show it again to derive again.`, false);
    made = false;
    button.focus();
  });
}

let counter = 0;

function tryDerivation(script: Element): void {
  let subject: TrySubject;
  try {
    subject = JSON.parse(script.textContent ?? "") as TrySubject;
  } catch {
    return;
  }
  const steps = subject.spec.steps;
  const host = script.parentNode;
  if (!steps || steps.length === 0 || !host) return;
  const id = `try-${++counter}`;
  const open = el(
    "button",
    { type: "button", class: "stepwise-try-open", "aria-expanded": "false", "aria-controls": id },
    "Try a step",
  );
  const form = el("form", { class: "stepwise-try", id, hidden: "" });
  const pick = el("select", { id: `${id}-step`, "aria-label": "step to edit" });
  // an option is plain text: a rule with `$…$` math is named by its number there, and typeset beside the list
  steps.forEach((s, i) =>
    pick.appendChild(
      el("option", { value: String(i + 1) }, `step ${i + 1}${s.rule && !s.rule.includes("$") ? ` (${s.rule})` : ""}`),
    ),
  );
  const ruleOf = el("span", { class: "stepwise-try-rule" });
  const label = el(
    "label",
    { for: `${id}-input` },
    "Edit the step in mathjs syntax, press Enter to check it (Escape restores it)",
  );
  const input = el("input", {
    id: `${id}-input`,
    class: "stepwise-try-input",
    type: "text",
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
    "aria-describedby": `${id}-verdict`,
  });
  const check = el("button", { type: "submit" }, "Check");
  const reset = el("button", { type: "button" }, "Reset");
  const row = el("div", { class: "stepwise-try-row" });
  row.append(pick, ruleOf, input, check, reset);
  const box = el("div", { class: "stepwise-try-preview", role: "group", "aria-label": "preview of the step" });
  const out = el("p", { class: "stepwise-try-verdict", id: `${id}-verdict`, role: "status", "aria-live": "polite" });
  form.append(label, row, box, out);
  // the kit derives the same function when the payload says where its variable lives
  const spec = subject.spec;
  if (steps.some((s) => s.kind === "differentiate") && spec.domain && Object.hasOwn(spec.domain, spec.wrt))
    kitDerivation(form, subject, id);
  host.appendChild(open);
  host.appendChild(form);
  const preview = livePreview(input, box, subject.spec.texNames);
  clearOnEdit(input, out);
  const resetHint = hintButton(row, out, (api, press) => api.hintStep(subject, Number(pick.value), press));
  pick.addEventListener("change", () => resetHint());
  const original = (): string => steps[Number(pick.value) - 1].expr;
  const showRule = (): void => {
    const rule = steps[Number(pick.value) - 1].rule ?? "";
    ruleOf.textContent = "";
    if (rule.includes("$"))
      verifier().then(
        (api) => {
          if ((steps[Number(pick.value) - 1].rule ?? "") === rule) ruleOf.innerHTML = api.wordsHtml(rule);
        },
        () => {
          ruleOf.textContent = rule;
        },
      );
  };
  const restore = (): void => {
    showRule();
    input.value = original();
    out.textContent = "";
    out.removeAttribute("data-ok");
    preview();
  };
  const run = (): void => {
    const index = Number(pick.value);
    out.removeAttribute("data-ok");
    out.textContent = "checking\u2026";
    verifier().then(
      (api) => {
        const v = api.checkStep(subject, index, input.value);
        show(out, v, `step ${index}`, api.verdictMath(v, subject.spec.texNames));
      },
      (err: Error) => show(out, { error: err.message }),
    );
  };
  const toggle = (on: boolean): void => {
    form.hidden = !on;
    open.setAttribute("aria-expanded", String(on));
    if (on) {
      if (!input.value) restore();
      input.focus();
    } else open.focus();
  };
  open.addEventListener("pointerenter", warm);
  open.addEventListener("focus", warm);
  open.addEventListener("click", () => {
    warm();
    toggle(form.hidden);
  });
  pick.addEventListener("change", restore);
  reset.addEventListener("click", () => {
    restore();
    run();
    input.focus();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    if (e.target === input && input.value !== original()) restore();
    else toggle(false);
  });
}

function answerBox(form: HTMLFormElement): void {
  const script = form.querySelector(`script[${TRY_ATTR}="exercise"]`);
  const input = form.querySelector("input");
  const box = form.querySelector<HTMLElement>(".stepwise-try-preview");
  const out = form.querySelector<HTMLElement>(".stepwise-try-verdict");
  if (!script || !input || !box || !out) return;
  let ex: ExerciseSpec;
  try {
    ex = JSON.parse(script.textContent ?? "") as ExerciseSpec;
  } catch {
    return;
  }
  form.hidden = false;
  const preview = livePreview(input, box, ex.texNames);
  clearOnEdit(input, out);
  const row = form.querySelector<HTMLElement>(".stepwise-try-row");
  if (row) hintButton(row, out, (api, press) => api.hintAnswer(ex, press));
  form.addEventListener("focusin", warm);
  form.addEventListener("pointerenter", warm);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    out.removeAttribute("data-ok");
    out.textContent = "checking\u2026";
    verifier().then(
      (api) => {
        const v = api.checkAnswer(ex, input.value);
        // what an answer was compared with is the exercise's answer: never shown
        show(out, v, "your answer", api.verdictMath({ ...v, against: "" }, ex.texNames));
      },
      (err: Error) => show(out, { error: err.message }),
    );
  });
  input.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    input.value = "";
    out.textContent = "";
    out.removeAttribute("data-ok");
    preview();
  });
}

function start(): void {
  document.querySelectorAll(`script[${TRY_ATTR}="derivation"]`).forEach(tryDerivation);
  document.querySelectorAll<HTMLFormElement>("form.stepwise-answer").forEach(answerBox);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
