import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { notebookDerivations } from "../lib/outputs/notebook-derivations";
import { explainInPage, strategyOfSteps } from "../lib/site/try/explain-in-page";
const files = execSync("find /work/main/.stepwise-cache -name '*.ipynb'").toString().trim().split("\n");
const seen = new Set<string>();
let n = 0,
  bad = 0;
for (const f of files) {
  const nb = JSON.parse(readFileSync(f, "utf8"));
  for (const { payload } of notebookDerivations(nb, f)) {
    const spec = payload.spec;
    if (!spec.steps.some((s) => s.kind === "differentiate")) continue;
    const key = JSON.stringify([spec.f, spec.wrt, spec.domain, spec.defs, strategyOfSteps(spec.steps)]);
    if (seen.has(key)) continue;
    seen.add(key);
    n++;
    const t = Date.now();
    const a = explainInPage(
      {
        f: spec.f,
        wrt: spec.wrt,
        domain: spec.domain,
        strategy: strategyOfSteps(spec.steps),
        name: spec.name,
        defs: spec.defs,
        texNames: spec.texNames,
      },
      (x) => x,
    );
    if (a.error) {
      bad++;
      console.log("FAIL", spec.title, "|", spec.f, "|", a.error.slice(0, 200));
    } else console.log("ok", Date.now() - t, "ms", spec.title, "→", a.result);
  }
}
console.log(n, "derivations,", bad, "failed");
