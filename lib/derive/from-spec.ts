import { derive, type Derivation } from "./derive";
import type { DerivationSpec } from "./spec";

/**
 * Rebuilds a derivation from its spec as plain data (e.g. the `spec` of a saved
 * `application/vnd.stepwise.derivation+json` output) through the same API a
 * notebook uses: `derive(title, head)`, then `.differentiate` / `.rewrite` per step.
 *
 * @param spec title, name, f, wrt, domain, defs, texNames and the steps
 * @returns a fresh, unverified derivation
 * @throws TypeError as `derive` does, or naming the step whose kind is neither "rewrite" nor "differentiate"
 */
export function derivationFromSpec(spec: DerivationSpec): Derivation {
  const d = derive(spec.title, {
    name: spec.name,
    f: spec.f,
    wrt: spec.wrt,
    domain: spec.domain,
    defs: spec.defs,
    texNames: spec.texNames,
  });
  spec.steps.forEach((s, i) => {
    if (s.kind === "differentiate") d.differentiate(s.expr, s.rule ?? "", s.note ?? "");
    else if (s.kind === "rewrite") d.rewrite(s.expr, s.rule ?? "", s.note ?? "");
    else
      throw new TypeError(
        `derivationFromSpec("${spec.title}"): step ${i + 1} has kind ${JSON.stringify(s.kind)}, not "rewrite" or "differentiate"`,
      );
  });
  return d;
}
