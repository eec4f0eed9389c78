/**
 * The playground's worker (bundled by esbuild into assets/playground-worker.js, see
 * `playgroundWorkerScript`): it loads the page's verifier (assets/verifier.js, beside it, the same
 * file the page loads) and runs explain() and the verifier off the page's thread, so that a large
 * function (a 60-term sum: 179 steps) leaves the page and its fields responsive. "Show the kit's
 * derivation" of "Try a step" uses it too (lib/site/try/explain-worker.ts). One request at a
 * time: `{ id, req }` (a function) or `{ id, subject }` (a derivation on the page) in,
 * `{ id, answer }` out; the page ends a run it no longer wants by terminating the worker.
 * Browser-only (a dedicated worker).
 */
import type { StepwiseVerifier, TrySubject } from "../try/browser-entry";
import type { ExplainAnswer, ExplainRequest } from "../try/explain-in-page";

/** What a job asks: a function to derive (`req`, the playground) or a derivation whose function the kit derives (`subject`). */
export type ExplainJob = { req: ExplainRequest } | { subject: TrySubject };

/** What the page sends: a job and its number. */
export type PlaygroundJob = ExplainJob & { id: number };

/** What the worker answers: the request's number and explain()'s answer in the page. */
export interface PlaygroundReply {
  id: number;
  answer: ExplainAnswer;
}

interface WorkerScope {
  importScripts(...urls: string[]): void;
  postMessage(message: PlaygroundReply): void;
  onmessage: ((e: MessageEvent<PlaygroundJob>) => void) | null;
  stepwiseVerifier?: StepwiseVerifier;
}

const scope = self as unknown as WorkerScope;
scope.importScripts("verifier.js");
scope.onmessage = (e) => {
  const job = e.data;
  const api = scope.stepwiseVerifier;
  const answer: ExplainAnswer = !api
    ? { error: "the verifier did not start in the worker", part: "function" }
    : "subject" in job
      ? api.explainSubject(job.subject)
      : api.explainFunction(job.req);
  const id = job.id;
  scope.postMessage({ id, answer });
};
