/**
 * The widget script (assets/try.js), loaded with `defer` on pages that have a
 * derivation or an answer box. It
 * - adds a "Try a step" button under every derivation that carries its spec
 *   (`trySubjectScript`); the button opens a form: pick a step, edit its expression
 *   (mathjs syntax) with a live KaTeX preview, Enter checks it against the step before
 *   it with the notebook's seed and sample count; "Reset" (or Escape in the field)
 *   restores the original; Escape again closes the form and returns focus to the button;
 * - shows the exercise answer boxes (`answerBoxes`) and checks an answer on Enter;
 * - loads the verifier (assets/verifier.js, about 186 KiB gzip) only when the reader
 *   reaches for one of these (pointer over, focus or click), never at first paint.
 * The verdict line is a live region: ✓ with the tier, or ✗ with the point and both
 * values, a slip's hint, the name of a known slip and the right step (the diagnosis), or
 * where the expression fails to parse, in words. A "Hint" button in each form names the
 * rule to apply next (first press) and shows the next step (second press).
 */
import { TRY_ATTR } from "./try-html";

export const TRY_JS = `(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var verifierUrl = here ? here.replace(/try\\.js(\\?.*)?$/, "verifier.js") : "assets/verifier.js";
  var loading = null;
  function verifier() {
    if (window.stepwiseVerifier) { return Promise.resolve(window.stepwiseVerifier); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = verifierUrl;
        s.async = true;
        s.onload = function () { window.stepwiseVerifier ? resolve(window.stepwiseVerifier) : reject(new Error("the verifier did not start")); };
        s.onerror = function () { loading = null; reject(new Error("the verifier (" + verifierUrl + ") could not be loaded")); };
        document.head.appendChild(s);
      });
      document.documentElement.setAttribute("data-verifier", "loading");
      loading.then(function () { document.documentElement.setAttribute("data-verifier", "ready"); }, function () { document.documentElement.setAttribute("data-verifier", "failed"); });
    }
    return loading;
  }
  function warm() { verifier().catch(function () {}); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function short(v) {
    var n = Number(v);
    return isFinite(n) && String(v).length > 14 ? String(Number(n.toPrecision(10))) : String(v);
  }
  // The two values of a counterexample, each with as many digits as it takes for them to
  // differ (10 to 21 significant digits), or as the verifier wrote them (all its digits)
  // when they agree even at 21: a rejection never shows two equal numbers.
  function pair(a, b) {
    var na = Number(a), nb = Number(b);
    if (!isFinite(na) || !isFinite(nb)) { return [String(a), String(b)]; }
    for (var p = 10; p <= 21; p++) {
      var sa = String(Number(na.toPrecision(p))), sb = String(Number(nb.toPrecision(p)));
      if (sa !== sb) { return [sa, sb]; }
    }
    return [String(a), String(b)];
  }
  function pointText(point) {
    return Object.keys(point).map(function (k) { return k + " = " + short(point[k]); }).join(", ");
  }
  function show(out, v, what) {
    out.textContent = "";
    if (v.error) {
      out.setAttribute("data-ok", "false");
      out.textContent = "\\u2717 " + v.error;
      return;
    }
    out.setAttribute("data-ok", String(v.ok));
    if (v.ok) {
      out.textContent = "\\u2713 " + what + " holds" + (v.tier ? " (tier: " + v.tier + ")" : "");
      return;
    }
    var c = v.counterexample;
    out.textContent = "\\u2717 " + what + " does not hold" + (c ? ": at " + pointText(c.point) + " it gives " + pair(c.actual, c.expected)[0] + ", but it must equal " + pair(c.actual, c.expected)[1] : "");
    if (v.hint) { out.appendChild(el("span", { "class": "stepwise-try-hint" }, "Hint: " + v.hint)); }
    if (v.diagnosis) {
      var d = el("span", { "class": "stepwise-try-diagnosis", "data-slip": v.diagnosis.id }, "The slip: " + v.diagnosis.message + ". ");
      d.appendChild(el("span", { "class": "stepwise-try-expected" }, "It should be " + v.diagnosis.expected));
      out.appendChild(d);
    }
  }
  // A "Hint" button: the first press names the rule, the second shows the step; ask(press)
  // returns the verifier's { text } or { error }; reset() starts over (another step picked).
  function hintButton(row, after, ask) {
    var button = el("button", { type: "button", "class": "stepwise-hint" }, "Hint");
    var line = el("p", { "class": "stepwise-hint-line", role: "status", "aria-live": "polite" });
    var presses = 0;
    row.appendChild(button);
    after.parentNode.insertBefore(line, after.nextSibling);
    button.addEventListener("pointerenter", warm);
    button.addEventListener("click", function () {
      presses = Math.min(presses + 1, 2);
      var press = presses;
      line.textContent = "thinking\u2026";
      verifier().then(function (api) {
        var h = ask(api, press);
        line.setAttribute("data-press", String(press));
        line.textContent = h.error ? "\u2717 " + h.error : (press === 1 ? "Hint: " : "") + h.text;
      }, function (err) { line.textContent = err.message; });
    });
    return function reset() { presses = 0; line.textContent = ""; line.removeAttribute("data-press"); };
  }
  function livePreview(input, box, texNames) {
    var timer = null;
    function run() {
      verifier().then(function (api) {
        var p = api.preview(input.value, texNames || {});
        if (p.html) { box.innerHTML = p.html; } else { box.textContent = p.error || ""; }
      }, function (err) { box.textContent = err.message; });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    return run;
  }
  var counter = 0;
  function tryDerivation(script) {
    var subject;
    try { subject = JSON.parse(script.textContent); } catch (e) { return; }
    var steps = subject.spec.steps;
    var host = script.parentNode;
    if (!steps || steps.length === 0 || !host) { return; }
    var id = "try-" + (++counter);
    var open = el("button", { type: "button", "class": "stepwise-try-open", "aria-expanded": "false", "aria-controls": id }, "Try a step");
    var form = el("form", { "class": "stepwise-try", id: id, hidden: "" });
    var pick = el("select", { id: id + "-step", "aria-label": "step to edit" });
    steps.forEach(function (s, i) { pick.appendChild(el("option", { value: String(i + 1) }, "step " + (i + 1) + (s.rule ? " (" + s.rule + ")" : ""))); });
    var label = el("label", { "for": id + "-input" }, "Edit the step in mathjs syntax, press Enter to check it (Escape restores it)");
    var input = el("input", { id: id + "-input", "class": "stepwise-try-input", type: "text", autocomplete: "off", autocapitalize: "off", spellcheck: "false", "aria-describedby": id + "-verdict" });
    var check = el("button", { type: "submit" }, "Check");
    var reset = el("button", { type: "button" }, "Reset");
    var row = el("div", { "class": "stepwise-try-row" });
    row.appendChild(pick); row.appendChild(input); row.appendChild(check); row.appendChild(reset);
    var box = el("div", { "class": "stepwise-try-preview", "aria-hidden": "true" });
    var out = el("p", { "class": "stepwise-try-verdict", id: id + "-verdict", role: "status", "aria-live": "polite" });
    form.appendChild(label); form.appendChild(row); form.appendChild(box); form.appendChild(out);
    host.appendChild(open); host.appendChild(form);
    var preview = livePreview(input, box, subject.spec.texNames);
    var resetHint = hintButton(row, out, function (api, press) { return api.hintStep(subject, Number(pick.value), press); });
    pick.addEventListener("change", function () { resetHint(); });
    function original() { return steps[Number(pick.value) - 1].expr; }
    function restore() { input.value = original(); out.textContent = ""; out.removeAttribute("data-ok"); preview(); }
    function run() {
      var index = Number(pick.value);
      out.removeAttribute("data-ok");
      out.textContent = "checking\\u2026";
      verifier().then(function (api) { show(out, api.checkStep(subject, index, input.value), "step " + index); },
        function (err) { show(out, { error: err.message }); });
    }
    function toggle(on) {
      form.hidden = !on;
      open.setAttribute("aria-expanded", String(on));
      if (on) { if (!input.value) { restore(); } input.focus(); } else { open.focus(); }
    }
    open.addEventListener("pointerenter", warm);
    open.addEventListener("focus", warm);
    open.addEventListener("click", function () { warm(); toggle(form.hidden); });
    pick.addEventListener("change", restore);
    reset.addEventListener("click", function () { restore(); run(); input.focus(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    form.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      e.preventDefault();
      if (e.target === input && input.value !== original()) { restore(); } else { toggle(false); }
    });
  }
  function answerBox(form) {
    var script = form.querySelector('script[${TRY_ATTR}="exercise"]');
    var ex;
    try { ex = JSON.parse(script.textContent); } catch (e) { return; }
    var input = form.querySelector("input");
    var box = form.querySelector(".stepwise-try-preview");
    var out = form.querySelector(".stepwise-try-verdict");
    form.hidden = false;
    var preview = livePreview(input, box, ex.texNames);
    hintButton(form.querySelector(".stepwise-try-row"), out, function (api, press) { return api.hintAnswer(ex, press); });
    form.addEventListener("focusin", warm);
    form.addEventListener("pointerenter", warm);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      out.removeAttribute("data-ok");
      out.textContent = "checking\\u2026";
      verifier().then(function (api) { show(out, api.checkAnswer(ex, input.value), "your answer"); },
        function (err) { show(out, { error: err.message }); });
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); input.value = ""; out.textContent = ""; out.removeAttribute("data-ok"); preview(); }
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('script[${TRY_ATTR}="derivation"]'), tryDerivation);
    Array.prototype.forEach.call(document.querySelectorAll("form.stepwise-answer"), answerBox);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
`;
