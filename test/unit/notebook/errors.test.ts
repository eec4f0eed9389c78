import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import seedrandom from "seedrandom";
import { executorModel, notebookAllowsErrors, stderrShowsError } from "../../../lib/notebook/errors";

const ROOT = path.resolve(__dirname, "../../..");
const PYTHON = path.join(ROOT, ".venv", "bin", "python");

/** Asks the Python executor's own functions, loaded with the model TypeScript hands it. */
function python(stderrs: string[], metadatas: unknown[]): { stderr: boolean[]; allows: boolean[] } {
  const program = [
    "import json, sys, importlib.util",
    `spec = importlib.util.spec_from_file_location("executor", ${JSON.stringify(path.join(ROOT, "lib", "pipeline", "execute-notebook.py"))})`,
    "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)",
    "data = json.load(sys.stdin); m.load_model(['x', '--model', json.dumps(data['model'])])",
    "class NB: pass",
    "def nb(md):\n    n = NB(); n.metadata = md; return n",
    "print(json.dumps({'stderr': [m.stderr_shows_error({'outputs': [{'output_type': 'stream', 'name': 'stderr', 'text': t}]}) for t in data['stderrs']], 'allows': [m.notebook_allows_errors(nb(md)) for md in data['metadatas']]}))",
  ].join("\n");
  const out = execFileSync(PYTHON, ["-c", program], {
    input: JSON.stringify({ model: executorModel(), stderrs, metadatas }),
    encoding: "utf8",
  });
  return JSON.parse(out) as { stderr: boolean[]; allows: boolean[] };
}

const s = suite("the notebook error model (TypeScript and the Python executor)");

s("should count the same stderr texts as errors in both languages, over a seeded corpus", () => {
  const rng = seedrandom("stderr-corpus-1");
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const lines = [
    "ReferenceError: rows is not defined",
    "TypeError: x",
    "Error",
    "  MyError: boom",
    "UnhandledPromiseRejection: Error: late",
    "Exception: e",
    "Errors happen",
    "warning: slow",
    "    at f (a.ts:1:2)",
    "  at <anonymous>",
    "at top",
    "",
    "Error foo",
    "x.y.RangeError: out",
    "1:7 - Type 'string' is not assignable to type 'number'.",
    "mod.ts 4:1 - Declaration or statement expected.",
    "took 1:30 - fine",
    "12:3 -",
    "a.json 1:1 - x",
  ];
  const texts = Array.from({ length: 300 }, () =>
    Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pick(lines)).join("\n"),
  );
  const py = python(texts, []);
  const ts = texts.map(stderrShowsError);
  assert.equal(ts, py.stderr);
  assert.ok(ts.some((b) => b) && ts.some((b) => !b), "the corpus holds both kinds");
  assert.is(stderrShowsError("ReferenceError: rows is not defined\n    at <anonymous>:1:1"), true);
  assert.is(stderrShowsError("warning: slow\n    at nowhere"), false);
  assert.is(stderrShowsError("3:9 - Cannot find name 'x'."), true, "a compiler error");
  assert.is(stderrShowsError("took 1:30 - fine"), false);
});

s("should read the same allow-errors metadata in both languages", () => {
  const metadatas = [
    {},
    { execution: { allow_errors: true } },
    { execution: { "allow-errors": true } },
    { mystnb: { execution_allow_errors: true } },
    { stepwise: { "allow-errors": true } },
    { stepwise: { allow_errors: false, "allow-errors": true } },
    { stepwise: { allow_errors: null, "allow-errors": true } },
    { execution: { allow_errors: "yes" } },
    { execution: true },
    { other: { allow_errors: true } },
  ];
  const ts = metadatas.map((m) => notebookAllowsErrors(m as never));
  assert.equal(ts, [false, true, true, true, true, false, false, false, false, false]);
  assert.equal(python([], metadatas).allows, ts);
});

s.run();
