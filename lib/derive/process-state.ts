/**
 * The verifier's state that outlives one derivation, and a way to empty it (issue 21: a false
 * proof appeared only after another derivation in the same process, because two atoms shared an
 * id in the exact tier's process-wide table). Each table, what it is keyed by, and why an entry
 * made for one derivation means the same in any other:
 *
 * - exact/poly.ts `atoms`, `atomTexts`: atom id → atom, → its text. The id is built from the
 *   atom's parts with every nested monomial and polynomial in brackets, so it names one atom
 *   (atom-ids.test.ts, atom-values.test.ts); a variable's atom is its name, and the atom stands
 *   for the function of that name whatever the domain (a log atom holds a polynomial positive
 *   on the box it was made on, log P is the same function on any other).
 * - exact/normalize.ts `reductions`: atom id → the relation it obeys; a function of the atom.
 * - exact/prove.ts `normalizedOn`: the domain object and the node object → the node's normal
 *   form on that domain's box. Both objects belong to one derivation (parsed for it, never
 *   changed); definitions are expanded before, so a name two derivations define differently
 *   never reaches it.
 * - evaluate.ts `plans`: expression text (definitions expanded) → its operations; a function of
 *   the text. `constants`: precision → subexpression key without variables → its value; the key
 *   is built from the operation names and the literals' full text ("0.1" is 1/10 in decimal),
 *   unambiguous with ⟨ ⟩ and |. Values per point go with the derivation's own list of points
 *   (evaluate.ts and double-interval.ts `memos`, weakly keyed on it).
 * - node-text.ts `texts`: node object → its text.
 * - cost.ts `learned`: function name → the time a call took. It decides only whether a call
 *   fits in the time left (an "undecided" verdict), never a verdict's direction.
 * - evaluate.ts `instances`, `decimals`: precision → mathjs instance, decimal.js class. A
 *   decimal.js call that throws leaves its class at a raised precision; both callers put it back
 *   (restoreConfig), so they are not emptied here: a test that judges in a fresh state after
 *   such a call sees whether that held.
 * - explain/ (nodes.ts keys, algebra.ts caches) and hint/ are keyed by a node's structure or
 *   object and feed explain() and hint(), whose steps the verifier checks in turn; nodes.ts
 *   `texts`, `subtexts`: node object → its printed text (weakly keyed; nodes are never changed).
 */
import { forgetCosts } from "./cost";
import { forgetPlans } from "./evaluate";
import { forgetReductions } from "./exact/normalize";
import { forgetAtoms } from "./exact/poly";
import { forgetNormalForms } from "./exact/prove";

/**
 * Empties the verifier's process-wide tables (see the file's comment), as in a fresh process:
 * for tests that compare a verdict given after other derivations with the verdict given alone.
 * Call it between derivations only: normal forms made before it refer to atoms it forgets.
 */
export function resetVerifierState(): void {
  forgetNormalForms();
  forgetReductions();
  forgetAtoms();
  forgetPlans();
  forgetCosts();
}
