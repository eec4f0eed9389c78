/**
 * The playground's time bound for one derivation (explain() and the verifier, in the worker), in
 * milliseconds: past it the worker is ended and the page says so. The page reads it from its form's
 * `data-time-limit-ms` (written by `renderPlayground`); a 60-term sine sum (179 steps) takes about
 * 7 s on a laptop, so a minute leaves room for a slower machine.
 */
export const PLAYGROUND_TIME_LIMIT_MS = 60_000;
