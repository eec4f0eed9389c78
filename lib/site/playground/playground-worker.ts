/**
 * The playground's worker (bundled by esbuild into assets/playground-worker.js, see
 * `playgroundWorkerScript`): it loads the page's verifier (assets/verifier.js, beside it, the same
 * file the page loads) and runs explain() and the verifier off the page's thread, so that a large
 * function (a 60-term sum: 179 steps) leaves the page and its fields responsive. One request at a
 * time: `{ id, req }` in, `{ id, answer }` out; the page ends a run it no longer wants by
 * terminating the worker. Browser-only (a dedicated worker).
 */
import type { StepwiseVerifier } from "../try/browser-entry";
import type { ExplainAnswer, ExplainRequest } from "../try/explain-in-page";

/** What the page sends: a request and its number. */
export interface PlaygroundJob {
  id: number;
  req: ExplainRequest;
}

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
  const { id, req } = e.data;
  const api = scope.stepwiseVerifier;
  const answer: ExplainAnswer = api
    ? api.explainFunction(req)
    : { error: "the verifier did not start in the worker", part: "function" };
  scope.postMessage({ id, answer });
};
