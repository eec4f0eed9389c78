import { escapeHtml, jsonForScript } from "../../outputs/escape";
import type { DerivationPayload } from "../../outputs/derivation-payload";
import type { ExerciseSpec } from "./exercise-spec";
import { TRY_ATTR } from "../browser/markers";

export { TRY_ATTR };

/**
 * What a derivation on the site carries for "try a step": its spec, seed and sample
 * count (the same the notebook verified with), as JSON in a `<script
 * type="application/json" data-stepwise-try>` that the widget script reads. Without
 * JavaScript it is inert and the static derivation stays as it is.
 *
 * @param payload the derivation's payload
 * @returns the script element (JSON escaped so it cannot end the element)
 */
export function trySubjectScript(payload: DerivationPayload): string {
  const subject = { spec: payload.spec, seed: payload.seed, samples: payload.samples };
  return `<script type="application/json" ${TRY_ATTR}="derivation">${jsonForScript(subject)}</script>`;
}

/**
 * The hint inside an answer box: the names the answer may use, the exercise's variables
 * (its domain, or the variable it differentiates by) and the names its definitions give.
 *
 * @param ex one exercise
 * @returns e.g. "your answer in mathjs syntax, in yhat, t"
 */
export function answerPlaceholder(ex: ExerciseSpec): string {
  const names = [
    ...new Set([
      ex.wrt,
      ...Object.keys(ex.domain ?? {}),
      ...Object.keys(ex.defs ?? {}).filter((k) => !k.includes("(")),
    ]),
  ];
  return `your answer in mathjs syntax, in ${names.join(", ")}`;
}

/**
 * Answer boxes for a cell's checkable exercises: one `<form class="stepwise-answer">`
 * per exercise with a label, a text field (mathjs syntax), a preview and a verdict
 * line (aria-live). The forms are `hidden` until the widget script shows them, so a
 * page without JavaScript shows none.
 *
 * @param exercises the cell's exercises (`readExercises`)
 * @param cell the 1-based cell number, for unique ids
 * @returns HTML ("" when there are none)
 */
export function answerBoxes(exercises: ExerciseSpec[], cell: number): string {
  if (exercises.length === 0) return "";
  const boxes = exercises.map((ex, k) => {
    // by its place in the cell: two exercises of one cell may carry the same number, or none
    const id = `answer-${cell}-${k + 1}`;
    return (
      `<form class="stepwise-answer" id="${id}" hidden>` +
      `<script type="application/json" ${TRY_ATTR}="exercise">${jsonForScript(ex)}</script>` +
      `<label for="${id}-input">Exercise${ex.number === undefined ? "" : ` ${ex.number}`}: ${escapeHtml(ex.prompt)}</label>` +
      `<div class="stepwise-try-row"><input id="${id}-input" class="stepwise-try-input" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="${id}-verdict" placeholder="${escapeHtml(answerPlaceholder(ex))}">` +
      `<button type="submit">Check</button></div>` +
      `<div class="stepwise-try-preview" role="group" aria-label="preview of your answer"></div>` +
      `<p class="stepwise-try-verdict" id="${id}-verdict" role="status" aria-live="polite"></p>` +
      `</form>`
    );
  });
  return `<div class="stepwise-answers" role="group" aria-label="Check your answers">${boxes.join("")}</div>`;
}
