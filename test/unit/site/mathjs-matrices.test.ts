/**
 * The page's verifier with mathjs's matrix classes and functions as stubs
 * (lib/site/bundles/mathjs-matrices.ts): the stubs keep each factory's names, no name the
 * verifier's expressions can call is one of them, and the bundle gives the same answers as the
 * kit in Node on the notebooks' derivations, the slip corpus and inputs that try to make a matrix.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MATRIX_FILES, matrixStub } from "../../../lib/site/bundles/mathjs-matrices";
import { VERIFIER_FUNCTIONS, VERIFIER_OPERATORS } from "../../../lib/derive/math-functions";
import * as inNode from "../../../lib/site/try/browser-entry";
import type { StepwiseVerifier, TrySubject } from "../../../lib/site/try/browser-entry";
import type { ExerciseSpec } from "../../../lib/site/try/exercise-spec";
import { pageVerifier } from "./helpers";
import { verifierBundle } from "../../../lib/site/try/verifier-bundle";

const esm = path.join(path.dirname(require.resolve("mathjs/package.json")), "lib", "esm");
const fixture = (f: string) => JSON.parse(readFileSync(path.join(__dirname, "../../fixtures", f), "utf8"));
/** JSON's copy: the page's objects come from another context, and `ms` is a time. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === "ms" ? undefined : x)));

/** The mathjs name (`var name = '…'`) of each stubbed file. */
const stubbedNames = MATRIX_FILES.map(
  (f) => /^var name = '([\w$]+)';$/m.exec(readFileSync(path.join(esm, f), "utf8"))![1],
);

const stubs = suite("matrixStub");

stubs("should keep each file's factory: its export name, mathjs name and class flag, with a body that throws", () => {
  for (const f of MATRIX_FILES) {
    const text = readFileSync(path.join(esm, f), "utf8");
    const stub = matrixStub(path.join(esm, f));
    const exported = /^export var (create[\w$]+) =/m.exec(text)![1];
    const name = /^var name = '([\w$]+)';$/m.exec(text)![1];
    assert.match(
      stub,
      new RegExp(`export var ${exported.replace("$", "\\$")} = /\\* #__PURE__ \\*/ factory\\("${name}", \\[\\]`),
      f,
    );
    assert.is(stub.includes("{ isClass: true }"), /\bisClass: true\b/.test(text), f);
    assert.match(
      stub,
      new RegExp(`throw new Error\\("assets/verifier.js has no matrices: mathjs's ${name} was called"\\)`),
    );
  }
  assert.throws(() => matrixStub(path.join(esm, "utils", "is.js")), /does not declare one mathjs factory/);
});

stubs("should stub no function or operator the verifier's expressions can call", () => {
  const callable = new Set<string>([...VERIFIER_FUNCTIONS, ...VERIFIER_OPERATORS]);
  assert.equal(
    stubbedNames.filter((n) => callable.has(n)),
    [],
  );
  assert.ok(stubbedNames.includes("DenseMatrix") && stubbedNames.includes("inv"), stubbedNames.join());
});

stubs("lib/derive should call none of the stubbed functions by name", () => {
  const dir = path.join(__dirname, "../../../lib/derive");
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"));
  const call = new RegExp(`\\.(${stubbedNames.filter((n) => /^[a-z]/.test(n)).join("|")})\\(`);
  const math = /\b(math|m|mj|instance)$/;
  for (const f of files)
    for (const line of readFileSync(path.join(dir, f), "utf8").split("\n")) {
      const m = call.exec(line);
      if (m && math.test(line.slice(0, m.index))) assert.unreachable(`${f} calls mathjs's ${m[1]}: ${line.trim()}`);
    }
});

stubs.run();

let page: StepwiseVerifier;
const same = suite("the page's verifier without matrices");
same.before(async () => {
  page = await pageVerifier();
});

same("should carry none of the stubbed files' code", async () => {
  const code = await verifierBundle();
  // the stubbed files' error messages are gone; mathjs's Matrix.js (the interface the rest names) is kept
  assert.ok(code.includes("Cannot invoke set on a Matrix interface"), "Matrix.js");
  assert.not.ok(code.includes("Dimension mismatch. Matrix A"), "the matrix algorithms' messages");
  assert.not.ok(code.includes("Matrix must be square"), "det and inv");
  assert.ok(code.includes("assets/verifier.js has no matrices"));
});

same("should answer as the kit in Node to inputs that try to make a matrix", () => {
  const ex = { ask: "derivative", f: "x^2 * sigma(x)", wrt: "x", domain: { x: "(-1, 1)" } } as unknown as ExerciseSpec;
  for (const e of [
    "[1, 2]",
    "[x, x] * 2",
    "x[1]",
    "identity(2)",
    'identity(2, "sparse")',
    "matrix(1)",
    "sparse(1)",
    "det(x)",
    "inv(2)",
    "dot(x, x)",
    "concat(x, x)",
    "size(x)",
    "zeros(2)",
    "subset(x, 1)",
    'x + "a"',
    "x.y",
    "1:3",
  ]) {
    const inPage = plain(page.checkAnswer(ex, e)) as { ok: boolean; error?: string };
    assert.equal(inPage, plain(inNode.checkAnswer(ex, e)), e);
    assert.is(inPage.ok, false, e);
    assert.ok(inPage.error, `${e}: an error in words`);
    assert.not.match(inPage.error ?? "", /has no matrices/, e);
    assert.equal(plain(page.preview(e)), plain(inNode.preview(e)), `preview of ${e}`);
    const f = { f: e, wrt: "x", domain: { x: "(-1, 1)" } };
    assert.equal(plain(page.explainFunction(f)), plain(inNode.explainFunction(f)), `explain of ${e}`);
  }
});

same(
  "should give the kit's verdicts on every step of the notebooks' derivations, and on every fourth step plus one",
  () => {
    let checked = 0;
    let n = 0;
    for (const d of fixture("notebook-derivations.json") as { spec: TrySubject["spec"] }[]) {
      const subject: TrySubject = { spec: d.spec, seed: "mathjs-matrices", samples: 24 };
      d.spec.steps.forEach((s, i) => {
        // a wrong step is diagnosed (up to a second of CPU time each): a sample of them
        for (const expr of n++ % 4 === 0 ? [s.expr, `${s.expr} + 1`] : [s.expr]) {
          const inPage = plain(page.checkStep(subject, i + 1, expr)) as { diagnosisOutOfTime?: boolean };
          const there = plain(inNode.checkStep(subject, i + 1, expr)) as { diagnosisOutOfTime?: boolean };
          // a diagnosis that ran out of time under load says so in one run and not the other
          if (inPage.diagnosisOutOfTime || there.diagnosisOutOfTime) continue;
          assert.equal(inPage, there, `${d.spec.f}, step ${i + 1}: ${expr}`);
          checked++;
        }
      });
    }
    assert.ok(checked > 100, `${checked} steps compared`);
  },
);

same("should give the kit's verdicts and diagnoses on the independent slip sample (its first 30 slips)", () => {
  let checked = 0;
  for (const it of (
    fixture("independent-slip-sample.json").items as {
      f: string;
      wrt: string;
      domain: Record<string, string>;
      kind: "differentiate" | "rewrite";
      step: string;
    }[]
  ).slice(0, 30)) {
    const subject = {
      spec: {
        title: "slip",
        name: "f",
        f: it.f,
        wrt: it.wrt,
        domain: it.domain,
        steps: [{ kind: it.kind, expr: it.step, rule: "", note: "" }],
      },
      seed: "mathjs-matrices",
      samples: 24,
    } as TrySubject;
    const inPage = plain(page.checkStep(subject, 1, it.step)) as { diagnosisOutOfTime?: boolean };
    const there = plain(inNode.checkStep(subject, 1, it.step)) as { diagnosisOutOfTime?: boolean };
    if (inPage.diagnosisOutOfTime || there.diagnosisOutOfTime) continue;
    assert.equal(inPage, there, `${it.f} | ${it.step}`);
    checked++;
  }
  assert.ok(checked > 20, `${checked} slips compared`);
});

same.run();
