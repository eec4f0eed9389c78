/** Styles of "try a step" and the answer boxes (appended to assets/site.css). */
export const TRY_CSS = `
.stepwise-try-open { margin: .25rem 0 .5rem; font: inherit; font-size: .9rem; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; cursor: pointer; }
.stepwise-try-open:focus-visible, .stepwise-try-row :focus-visible { outline: 3px solid var(--ok); outline-offset: 2px; }
.stepwise-try, .stepwise-answer { margin: .5rem 0 1rem; padding: .5rem .75rem; border: 1px dashed var(--line); border-radius: 6px; box-sizing: border-box; max-width: 100%; min-width: 0; overflow-wrap: anywhere; }
.stepwise-answer label, .stepwise-try label { display: block; font-weight: 600; margin-bottom: .25rem; }
.stepwise-try-row { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
.stepwise-try-input { flex: 1 1 20rem; min-width: 0; max-width: 100%; box-sizing: border-box; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .95rem; padding: .3rem .4rem; }
.stepwise-try-row button, .stepwise-try-row select { font: inherit; font-size: .9rem; padding: .25rem .6rem; }
/* a step list with long rule names shrinks to the row (its text is cut with an ellipsis) instead of running past the form on a phone */
.stepwise-try-row select { flex: 0 1 auto; min-width: 0; max-width: 100%; text-overflow: ellipsis; }
@media (max-width: 40rem) { .stepwise-try-row select { flex: 1 1 100%; } }
.stepwise-try-preview { min-height: 1.5rem; overflow-x: auto; }
.stepwise-try-verdict { margin: .25rem 0; }
.stepwise-try-verdict[data-ok="true"] { color: var(--ok); }
.stepwise-try-verdict[data-ok="false"] { color: var(--fail); }
.stepwise-try-hint { display: block; color: inherit; font-style: italic; }
.stepwise-try-diagnosis { display: block; color: inherit; }
.stepwise-try-expected { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.stepwise-hint-line { margin: .25rem 0; font-style: italic; }
.stepwise-hint-line:empty { display: none; }
@media print { .stepwise-try, .stepwise-try-open, .stepwise-answers { display: none !important; } }
`;
